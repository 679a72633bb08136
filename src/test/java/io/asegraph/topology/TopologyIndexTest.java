package io.asegraph.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.net.Ipv4;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopologyIndexTest {
    static final String NET = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network";
    static final String A = NET + "/virtualNetworks/a";
    static final String B = NET + "/virtualNetworks/b";
    static final String GW_A = NET + "/virtualNetworkGateways/gw-a";
    static final String GW_B = NET + "/virtualNetworkGateways/gw-b";

    static Topology topology() {
        return new TopologyBuilder()
                .vnet(A, "10.0.0.0/16")
                .vnet(B, "10.0.0.0/16")
                .subnet(A + "/subnets/one", A, "10.0.1.0/24")
                .subnet(A + "/subnets/two", A, "10.0.2.0/24")
                .subnet(B + "/subnets/one", B, "10.0.1.0/25")
                .nic(NET + "/networkInterfaces/n1", A + "/subnets/one", "10.0.1.4")
                .nic(NET + "/networkInterfaces/n2", B + "/subnets/one", "10.0.1.4")
                .gateway(GW_A, A, GatewayType.VPN)
                .gateway(GW_B, B, GatewayType.VPN)
                .connection(NET + "/connections/a-to-b", "Vnet2Vnet", GW_A, GW_B)
                .ase("/x/Microsoft.Web/hostingEnvironments/e", A + "/subnets/two", "52.1.1.1")
                .app(
                        "/x/Microsoft.Web/sites/web",
                        "/x/Microsoft.Web/hostingEnvironments/e",
                        "web.e.p.azurewebsites.net",
                        "Shop.Example.com")
                .build();
    }

    @Test
    void subnetsContainingAnswersEveryVnetThatHoldsTheAddress() {
        TopologyIndex index = topology().index();
        List<String> ids = index.subnetsContaining(Ipv4.parse("10.0.1.9")).stream()
                .map(s -> s.id().value())
                .toList();
        assertEquals(List.of(A + "/subnets/one", B + "/subnets/one"), ids);
        assertEquals(
                List.of(A + "/subnets/one"),
                index.subnetsContaining(Ipv4.parse("10.0.1.200")).stream()
                        .map(s -> s.id().value())
                        .toList());
        assertTrue(index.subnetsContaining(Ipv4.parse("10.0.3.1")).isEmpty());
    }

    @Test
    void subnetContainingIsScopedToOneVnet() {
        TopologyIndex index = topology().index();
        assertEquals(
                B + "/subnets/one",
                index.subnetContaining(ResourceId.of(B), Ipv4.parse("10.0.1.9"))
                        .orElseThrow()
                        .id()
                        .value());
        assertTrue(
                index.subnetContaining(ResourceId.of(B), Ipv4.parse("10.0.2.9")).isEmpty());
    }

    @Test
    void nicsByAddressAndBySubnet() {
        TopologyIndex index = topology().index();
        assertEquals(2, index.nicsWithAddress(Ipv4.parse("10.0.1.4")).size());
        assertEquals(
                "n2",
                index.nicAt(ResourceId.of(B + "/subnets/one"), Ipv4.parse("10.0.1.4"))
                        .orElseThrow()
                        .name());
        assertEquals(1, index.nicsIn(ResourceId.of(A + "/subnets/one")).size());
    }

    @Test
    void vnetToVnetConnectionIsListedForBothGateways() {
        TopologyIndex index = topology().index();
        assertEquals(1, index.connectionsOf(ResourceId.of(GW_A)).size());
        assertEquals(1, index.connectionsOf(ResourceId.of(GW_B)).size());
    }

    @Test
    void hostNamesAndNamesAreCaseInsensitive() {
        TopologyIndex index = topology().index();
        assertEquals("web", index.appsByHostName("shop.example.COM").get(0).name());
        assertEquals(
                "web", index.appsByHostName("WEB.e.p.azurewebsites.net").get(0).name());
        assertEquals(2, index.resourcesNamed("ONE").size(), "the subnet named one in each VNet");
    }

    @Test
    void childrenOfVnetsSubnetsAndAses() {
        TopologyIndex index = topology().index();
        assertEquals(2, index.subnetsOf(ResourceId.of(A.toUpperCase())).size());
        assertEquals(1, index.environmentsIn(ResourceId.of(A + "/subnets/two")).size());
        assertEquals(
                1,
                index.appsOn(ResourceId.of("/x/Microsoft.Web/hostingEnvironments/e"))
                        .size());
        assertEquals(1, index.environmentsWithAddress(Ipv4.parse("52.1.1.1")).size());
        assertEquals(1, index.gatewaysIn(ResourceId.of(A)).size());
    }

    @Test
    void theIndexIsBuiltOncePerSnapshot() {
        Topology t = topology();
        assertSame(t.index(), t.index());
    }
}
