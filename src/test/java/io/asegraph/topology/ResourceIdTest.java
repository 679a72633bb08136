package io.asegraph.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ResourceIdTest {
    static final String ID =
            "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ASE-RG/providers/Microsoft.Network/virtualNetworks/Ase-Vnet";

    @Test
    void idsCompareCaseInsensitivelyAndKeepTheirSpelling() {
        ResourceId a = ResourceId.of(ID);
        ResourceId b = ResourceId.of(ID.toLowerCase() + "/");
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals(ID, a.value());
        assertEquals(ID.toLowerCase(), a.key());
        assertEquals("Ase-Vnet", a.name());
    }

    @Test
    void differentIdsDiffer() {
        assertNotEquals(ResourceId.of(ID), ResourceId.of(ID + "2"));
    }

    @Test
    void childIdsAppendCollectionAndName() {
        assertEquals(
                ID.toLowerCase() + "/subnets/a",
                ResourceId.of(ID).child("subnets", "A").key());
    }

    @Test
    void emptyIdIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> ResourceId.of(" "));
    }

    @Test
    void trailingSlashesAreDroppedFromTheSpellingToo() {
        ResourceId a = ResourceId.of(" " + ID + "// ");
        assertEquals(ID, a.value());
        assertEquals(ID, a.toString());
        assertEquals(ID.toLowerCase(), ResourceId.normalise(ID + "//"));
    }

    @Test
    void aLoneSlashIsKept() {
        assertEquals("/", ResourceId.of("/").value());
        assertEquals("/", ResourceId.normalise("/"));
        assertEquals("/", ResourceId.normalise("//"));
    }

    @Test
    void theNameIsTheLastSegment() {
        assertEquals("Ase-Vnet", ResourceId.of("/Ase-Vnet").name());
        assertEquals("plain", ResourceId.of("plain").name());
    }

    @Test
    void equalIdsHashAlikeAndDifferentOnesApart() {
        assertEquals(
                ResourceId.of(ID).hashCode(), ResourceId.of(ID.toUpperCase()).hashCode());
        assertNotEquals(
                ResourceId.of(ID + "/subnets/a").hashCode(),
                ResourceId.of(ID + "/subnets/b").hashCode());
    }
}
