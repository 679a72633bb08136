package io.asegraph.analysis.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.asegraph.analysis.audit.AddressSource.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The factories of {@link AddressSource}: the kind each builds, and the tag, words and parts it keeps. */
class AddressSourceTest {
    @Test
    void aServiceTagKeepsItsNameAndWhatItHolds() {
        AddressSource s = AddressSource.tag("Storage", "Azure Storage");
        assertEquals(Kind.SERVICE_TAG, s.kind());
        assertEquals("Storage", s.tag());
        assertEquals("Azure Storage", s.what());
        assertEquals(List.of(), s.parts());
    }

    @Test
    void aRegionalTagIsItsOwnKind() {
        AddressSource s = AddressSource.regionalTag("Sql", "Azure SQL");
        assertEquals(Kind.REGIONAL_SERVICE_TAG, s.kind());
        assertEquals("Sql", s.tag());
        assertEquals("Azure SQL", s.what());
    }

    @Test
    void allOfUnitesItsPartsInOrderWithNoTag() {
        AddressSource s = AddressSource.allOf(AddressSource.INTERNET, AddressSource.AZURE_LOAD_BALANCER);
        assertEquals(Kind.ALL_OF, s.kind());
        assertEquals(List.of(AddressSource.INTERNET, AddressSource.AZURE_LOAD_BALANCER), s.parts());
        assertEquals("", s.tag());
        assertEquals(Kind.INTERNET, s.parts().get(0).kind());
    }
}
