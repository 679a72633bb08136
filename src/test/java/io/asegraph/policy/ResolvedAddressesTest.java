package io.asegraph.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.asegraph.net.AddressSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResolvedAddressesTest {
    @Test
    void unionNamesACauseSharedByBothSidesOnce() {
        ResolvedAddresses a = ResolvedAddresses.unresolved("service tag 'Sql' is not imported");
        ResolvedAddresses b = ResolvedAddresses.unresolved("service tag 'Sql' is not imported");
        assertEquals(List.of("service tag 'Sql' is not imported"), a.union(b).unresolved());
    }

    @Test
    void unionKeepsDistinctCausesInOrderAndUnitesTheAddresses() {
        ResolvedAddresses a = new ResolvedAddresses(AddressSet.parse("10.0.0.0/24"), List.of("first"));
        ResolvedAddresses b = new ResolvedAddresses(AddressSet.parse("10.0.1.0/24"), List.of("second", "first"));
        ResolvedAddresses u = a.union(b);
        assertEquals(List.of("first", "second"), u.unresolved());
        assertEquals(AddressSet.parse("10.0.0.0/23"), u.addresses());
    }
}
