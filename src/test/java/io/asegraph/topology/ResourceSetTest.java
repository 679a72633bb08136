package io.asegraph.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.net.Cidr;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link ResourceSet}: records per kind in the order added, counts, immutability, one record type per kind. */
class ResourceSetTest {
    static final String NET = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network";

    static VirtualNetwork vnet(String name, String prefix) {
        return new VirtualNetwork(
                ResourceId.of(NET + "/virtualNetworks/" + name), name, "westus", List.of(Cidr.parseBlock(prefix)));
    }

    static Subnet subnet(String vnet, String name, String prefix) {
        ResourceId vnetId = ResourceId.of(NET + "/virtualNetworks/" + vnet);
        return new Subnet(
                vnetId.child("subnets", name),
                name,
                vnetId,
                Cidr.parseBlock(prefix),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    static PublicIpAddress pip(String name) {
        return new PublicIpAddress(ResourceId.of(NET + "/publicIPAddresses/" + name), name, "westus", Optional.empty());
    }

    @Test
    void keepsEachKindInTheOrderItsRecordsWereAddedWithDuplicates() {
        VirtualNetwork b = vnet("b", "10.1.0.0/16");
        VirtualNetwork a = vnet("a", "10.0.0.0/16");
        Subnet s2 = subnet("b", "two", "10.1.2.0/24");
        Subnet s1 = subnet("a", "one", "10.0.1.0/24");
        ResourceSet set = ResourceSet.builder()
                .add(NetworkTypes.VIRTUAL_NETWORK, b)
                .add(NetworkTypes.SUBNET, s2)
                .add(NetworkTypes.VIRTUAL_NETWORK, a)
                .addAll(NetworkTypes.SUBNET, List.of(s1, s2))
                .add(NetworkTypes.VIRTUAL_NETWORK, b)
                .build();
        assertEquals(List.of(b, a, b), set.of(NetworkTypes.VIRTUAL_NETWORK));
        assertEquals(List.of(s2, s1, s2), set.of(NetworkTypes.SUBNET));
        assertEquals(List.of(), set.of(NetworkTypes.PEERING));
    }

    @Test
    void countsPerKindInKindOrderLeavingOutEmptyKinds() {
        ResourceSet set = ResourceSet.builder()
                .add(NetworkTypes.PUBLIC_IP_ADDRESS, pip("p1"))
                .add(NetworkTypes.SUBNET, subnet("a", "one", "10.0.1.0/24"))
                .add(NetworkTypes.PUBLIC_IP_ADDRESS, pip("p2"))
                .add(NetworkTypes.VIRTUAL_NETWORK, vnet("a", "10.0.0.0/16"))
                .addAll(NetworkTypes.ENDPOINT, List.of())
                .build();
        assertEquals(
                List.of(
                        Map.entry(ResourceKind.VIRTUAL_NETWORK, 1),
                        Map.entry(ResourceKind.SUBNET, 1),
                        Map.entry(ResourceKind.PUBLIC_IP_ADDRESS, 2)),
                List.copyOf(set.counts().entrySet()));
        assertEquals(4, set.size());
        assertEquals(2, set.size(ResourceKind.PUBLIC_IP_ADDRESS));
        assertEquals(0, set.size(ResourceKind.ENDPOINT));
        assertTrue(ResourceSet.builder()
                .addAll(NetworkTypes.APP, List.of())
                .build()
                .isEmpty());
        assertEquals(Map.of(), ResourceSet.empty().counts());
    }

    @Test
    void isImmutableAndIndependentOfItsBuilderAndInputs() {
        List<VirtualNetwork> input = new ArrayList<>(List.of(vnet("a", "10.0.0.0/16")));
        ResourceSet.Builder builder = ResourceSet.builder().addAll(NetworkTypes.VIRTUAL_NETWORK, input);
        ResourceSet set = builder.build();
        input.add(vnet("b", "10.1.0.0/16"));
        builder.add(NetworkTypes.VIRTUAL_NETWORK, vnet("c", "10.2.0.0/16"))
                .add(NetworkTypes.SUBNET, subnet("a", "one", "10.0.1.0/24"));
        assertEquals(List.of(vnet("a", "10.0.0.0/16")), set.of(NetworkTypes.VIRTUAL_NETWORK));
        assertEquals(1, set.size());
        assertEquals(2, builder.build().of(NetworkTypes.VIRTUAL_NETWORK).size());
        assertThrows(UnsupportedOperationException.class, () -> set.of(NetworkTypes.VIRTUAL_NETWORK)
                .add(vnet("d", "10.3.0.0/16")));
        assertThrows(UnsupportedOperationException.class, () -> set.of(NetworkTypes.VIRTUAL_NETWORK)
                .clear());
        assertThrows(UnsupportedOperationException.class, () -> set.counts().put(ResourceKind.APP, 1));
        assertThrows(UnsupportedOperationException.class, () -> builder.of(NetworkTypes.SUBNET)
                .clear());
        assertThrows(NullPointerException.class, () -> builder.add(NetworkTypes.SUBNET, null));
    }

    @Test
    void aKindHoldsOneRecordType() {
        ResourceType<String> subnetsAsText = new ResourceType<>(ResourceKind.SUBNET, String.class);
        ResourceSet.Builder builder = ResourceSet.builder().add(NetworkTypes.SUBNET, subnet("a", "one", "10.0.1.0/24"));
        assertThrows(IllegalArgumentException.class, () -> builder.add(subnetsAsText, "one"));
        ResourceSet set = builder.build();
        assertThrows(IllegalArgumentException.class, () -> set.of(subnetsAsText));
        assertEquals(List.of(), set.of(new ResourceType<>(ResourceKind.APP, String.class)));
        assertEquals(NetworkTypes.SUBNET, new ResourceType<>(ResourceKind.SUBNET, Subnet.class));
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void aRecordOfAnotherClassIsRefusedEvenThroughARawKey() {
        ResourceType raw = NetworkTypes.SUBNET;
        assertThrows(ClassCastException.class, () -> ResourceSet.builder().add(raw, vnet("a", "10.0.0.0/16")));
    }

    @Test
    void mapReplacesTheRecordsOfOneKindInPlace() {
        Subnet one = subnet("a", "one", "10.0.1.0/24");
        Subnet two = subnet("a", "two", "10.0.2.0/24");
        ResourceSet set = ResourceSet.builder()
                .add(NetworkTypes.SUBNET, one)
                .add(NetworkTypes.SUBNET, two)
                .add(NetworkTypes.VIRTUAL_NETWORK, vnet("a", "10.0.0.0/16"))
                .build();
        ResourceSet renamed = set.map(
                NetworkTypes.SUBNET,
                s -> new Subnet(
                        s.id(),
                        s.name().toUpperCase(),
                        s.vnetId(),
                        s.firstPrefix(),
                        s.nsgId(),
                        s.routeTableId(),
                        s.natGatewayId()));
        assertEquals(
                List.of("ONE", "TWO"),
                renamed.of(NetworkTypes.SUBNET).stream().map(Subnet::name).toList());
        assertEquals(set.of(NetworkTypes.VIRTUAL_NETWORK), renamed.of(NetworkTypes.VIRTUAL_NETWORK));
        assertEquals(List.of(one, two), set.of(NetworkTypes.SUBNET));
        assertSame(set, set.map(NetworkTypes.APP, a -> a));
    }

    @Test
    void equalSetsHoldEqualRecordsInTheSameOrder() {
        VirtualNetwork a = vnet("a", "10.0.0.0/16");
        VirtualNetwork b = vnet("b", "10.1.0.0/16");
        ResourceSet ab = ResourceSet.builder()
                .add(NetworkTypes.VIRTUAL_NETWORK, a)
                .add(NetworkTypes.VIRTUAL_NETWORK, b)
                .build();
        assertEquals(
                ab,
                ResourceSet.builder()
                        .addAll(NetworkTypes.VIRTUAL_NETWORK, List.of(a, b))
                        .build());
        assertEquals(ab.hashCode(), ResourceSet.builder().addAll(ab).build().hashCode());
        assertNotEquals(
                ab,
                ResourceSet.builder()
                        .addAll(NetworkTypes.VIRTUAL_NETWORK, List.of(b, a))
                        .build());
    }

    @Test
    void aTopologyKeepsTheFirstPlaceOfAnIdAndItsLastRecordAndOnlyNetworkKinds() {
        VirtualNetwork a = vnet("a", "10.0.0.0/16");
        VirtualNetwork b = vnet("b", "10.1.0.0/16");
        VirtualNetwork a2 = vnet("a", "10.9.0.0/16");
        ResourceSet set = ResourceSet.builder()
                .add(NetworkTypes.VIRTUAL_NETWORK, a)
                .add(NetworkTypes.VIRTUAL_NETWORK, b)
                .add(NetworkTypes.VIRTUAL_NETWORK, a2)
                .add(new ResourceType<>(ResourceKind.SERVICE_TAGS, String.class), "AzureCloud")
                .build();
        Topology t = Topology.of(set);
        assertEquals(List.of(a2, b), List.copyOf(t.vnets()));
        assertEquals(Optional.of(a2), t.vnet(a.id()));
        assertEquals(Optional.empty(), t.subnet(a.id()));
        assertEquals(Map.of(ResourceKind.VIRTUAL_NETWORK, 2), t.resources().counts());
        assertEquals(List.of(a.id(), b.id()), t.allIds());
    }

    @Test
    void aSetWithRecordsIsNotEmptyAndSaysWhatItHolds() {
        ResourceSet set = ResourceSet.builder()
                .add(NetworkTypes.VIRTUAL_NETWORK, vnet("a", "10.0.0.0/16"))
                .add(NetworkTypes.SUBNET, subnet("a", "one", "10.0.1.0/24"))
                .add(NetworkTypes.SUBNET, subnet("a", "two", "10.0.2.0/24"))
                .build();
        assertFalse(set.isEmpty());
        assertTrue(ResourceSet.empty().isEmpty());
        assertEquals("ResourceSet{VIRTUAL_NETWORK=1, SUBNET=2}", set.toString());
    }

    @Test
    void theBuilderShowsWhatWasAddedOfAKind() {
        ResourceSet.Builder builder = ResourceSet.builder().add(NetworkTypes.VIRTUAL_NETWORK, vnet("a", "10.0.0.0/16"));
        assertEquals(List.of(vnet("a", "10.0.0.0/16")), builder.of(NetworkTypes.VIRTUAL_NETWORK));
        assertEquals(List.of(), builder.of(NetworkTypes.SUBNET));
    }
}
