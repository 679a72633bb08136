package io.asegraph.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.asegraph.net.Cidr;
import io.asegraph.net.Ipv4;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One {@link EffectiveRoute} and one {@link NextHop}: ranks on an identical prefix, and how they are described. */
class EffectiveRouteTest {
    static final String NET = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network";
    static final ResourceId RT = ResourceId.of(NET + "/routeTables/rt");
    static final ResourceId VNET = ResourceId.of(NET + "/virtualNetworks/hub");
    static final ResourceId SPOKE = ResourceId.of(NET + "/virtualNetworks/spoke");

    static EffectiveRoute user(String name, String prefix, NextHopType type, String appliance) {
        return new EffectiveRoute(
                RouteOrigin.USER,
                name,
                prefix,
                List.of(),
                type,
                Optional.ofNullable(appliance).map(Ipv4::parse),
                Optional.of(RT),
                RouteState.ACTIVE,
                Optional.of(RT),
                "user route " + name + " in rt",
                Optional.empty());
    }

    static EffectiveRoute system(String prefix, NextHopType type, ResourceId via, String source) {
        return new EffectiveRoute(
                RouteOrigin.DEFAULT,
                null,
                prefix,
                List.of(Cidr.parseBlock(prefix)),
                type,
                Optional.empty(),
                Optional.empty(),
                RouteState.ACTIVE,
                Optional.ofNullable(via),
                source,
                Optional.empty());
    }

    @ParameterizedTest(name = "{0} ranks {1}")
    @CsvSource({
        // azure-semantics §4: explicit prefix, regional tag, top-level tag, AzureCloud regional, AzureCloud
        "10.0.0.0/8, 0",
        "Storage.westeurope, 1",
        "Storage, 2",
        "AzureCloud.westeurope, 3",
        "azurecloud, 4",
        "AzureCloud, 4",
        "AzureCloudish, 2"
    })
    void userRoutesRankByHowSpecificTheirPrefixIs(String prefix, int rank) {
        assertEquals(rank, user("r", prefix, NextHopType.INTERNET, null).tieRank());
    }

    @Test
    void gatewayRoutesRankAfterUserRoutesAndBeforeSystemRoutes() {
        EffectiveRoute gw = new EffectiveRoute(
                RouteOrigin.VIRTUAL_NETWORK_GATEWAY,
                "",
                "192.168.0.0/16",
                List.of(Cidr.parseBlock("192.168.0.0/16")),
                NextHopType.VIRTUAL_NETWORK_GATEWAY,
                Optional.empty(),
                Optional.empty(),
                RouteState.ACTIVE,
                Optional.empty(),
                "gateway route",
                Optional.empty());
        assertEquals(10, gw.tieRank());
        assertEquals(
                20,
                system("0.0.0.0/0", NextHopType.INTERNET, null, "system default route")
                        .tieRank());
    }

    @Test
    void aRouteWithoutNameOrSourceHasEmptyOnes() {
        EffectiveRoute r = system("0.0.0.0/0", NextHopType.INTERNET, null, null);
        assertEquals("", r.name());
        assertEquals("", r.source());
    }

    @Test
    void anUnresolvedRouteNeedsItsReason() {
        assertThrows(IllegalArgumentException.class, () -> user("r", "Sql", NextHopType.INTERNET, null)
                .withState(RouteState.UNRESOLVED));
    }

    @Test
    void anUnresolvedUserRouteIsNamed() {
        EffectiveRoute r = new EffectiveRoute(
                RouteOrigin.USER,
                "to-sql",
                "Sql",
                List.of(),
                NextHopType.VIRTUAL_APPLIANCE,
                Optional.of(Ipv4.parse("10.0.1.4")),
                Optional.of(RT),
                RouteState.UNRESOLVED,
                Optional.of(RT),
                "user route to-sql in rt",
                Optional.of("its address prefix is the service tag Sql, which is not imported"));
        assertEquals(
                "user route to-sql (its address prefix is the service tag Sql, which is not imported)",
                r.describeUnresolved());
    }

    @Test
    void anUnresolvedRouteWithoutNameIsDescribedByItsSource() {
        EffectiveRoute r = new EffectiveRoute(
                RouteOrigin.DEFAULT,
                "",
                "Storage",
                List.of(),
                NextHopType.VIRTUAL_NETWORK_SERVICE_ENDPOINT,
                Optional.empty(),
                Optional.empty(),
                RouteState.UNRESOLVED,
                Optional.empty(),
                "system route of the service endpoint for Microsoft.Storage (Storage)",
                Optional.of("not imported"));
        assertEquals(
                "system route of the service endpoint for Microsoft.Storage (Storage) (not imported)",
                r.describeUnresolved());
        EffectiveRoute unnamedUser = new EffectiveRoute(
                RouteOrigin.USER,
                "",
                "Sql",
                List.of(),
                NextHopType.INTERNET,
                Optional.empty(),
                Optional.of(RT),
                RouteState.UNRESOLVED,
                Optional.of(RT),
                "the user routes of route table rt",
                Optional.of("not imported"));
        assertEquals("the user routes of route table rt (not imported)", unnamedUser.describeUnresolved());
        assertEquals(
                "user route r (unresolved)",
                user("r", "Sql", NextHopType.INTERNET, null).describeUnresolved());
    }

    @Test
    void theNextHopIsPrintedWithTheApplianceAddress() {
        assertEquals(
                "VirtualAppliance 10.0.1.4",
                user("r", "0.0.0.0/0", NextHopType.VIRTUAL_APPLIANCE, "10.0.1.4")
                        .nextHopText());
        assertEquals(
                "Internet", user("r", "0.0.0.0/0", NextHopType.INTERNET, null).nextHopText());
    }

    @Test
    void aRouteIsDescribedWithPrefixNextHopAndSource() {
        assertEquals(
                "0.0.0.0/0 → VirtualAppliance 10.0.1.4 (user route r in rt)",
                user("r", "0.0.0.0/0", NextHopType.VIRTUAL_APPLIANCE, "10.0.1.4")
                        .describe());
    }

    @Test
    void aTagRouteIsDescribedWithTheBlockThatMatched() {
        Cidr matched = Cidr.parseBlock("20.60.0.0/16");
        assertEquals(
                "Storage 20.60.0.0/16 → Internet (user route r in rt)",
                user("r", "Storage", NextHopType.INTERNET, null).describe(matched));
        assertEquals(
                "20.60.0.0/16 → Internet (user route r in rt)",
                user("r", "20.0.0.0/8", NextHopType.INTERNET, null).describe(matched));
    }

    @Test
    void aSystemRouteReportsSystemRouteAsItsTable() {
        assertEquals(
                "System Route",
                system("0.0.0.0/0", NextHopType.INTERNET, null, "s").routeTableIdOrSystem());
        assertEquals(
                RT.value(), user("r", "0.0.0.0/0", NextHopType.INTERNET, null).routeTableIdOrSystem());
    }

    /** The hop toward {@code destination} decided by a system route for {@code prefix}. */
    static NextHop systemHop(String destination, String prefix, NextHopType type, ResourceId via) {
        return new NextHop(
                Ipv4.parse(destination),
                Cidr.parseBlock(prefix),
                system(prefix, type, via, "system route for " + prefix),
                List.of());
    }

    @Test
    void aVnetLocalHopStaysInTheOwnVnet() {
        assertEquals(
                VNET,
                systemHop("10.0.0.5", "10.0.0.0/16", NextHopType.VNET_LOCAL, SPOKE)
                        .reachedFrom(VNET));
    }

    @Test
    void aPeeringHopReachesTheRemoteVnet() {
        assertEquals(
                SPOKE,
                systemHop("10.1.0.5", "10.1.0.0/16", NextHopType.VNET_PEERING, SPOKE)
                        .reachedFrom(VNET));
    }

    @Test
    void aHopThatNamesNoVnetStaysInTheOwnVnet() {
        NextHop h = systemHop("8.8.8.8", "0.0.0.0/0", NextHopType.INTERNET, null);
        assertEquals(VNET, h.reachedFrom(VNET));
        assertEquals("0.0.0.0/0 → Internet (system route for 0.0.0.0/0)", h.describeRoute());
    }
}
