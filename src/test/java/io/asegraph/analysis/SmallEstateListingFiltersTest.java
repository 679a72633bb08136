package io.asegraph.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.analysis.audit.Audits;
import io.asegraph.api.BruteForce;
import io.asegraph.api.read.StringFilter;
import io.asegraph.api.read.filter.AddressFilter;
import io.asegraph.api.read.filter.ApplicationSecurityGroupWhere;
import io.asegraph.api.read.filter.EndpointWhere;
import io.asegraph.api.read.filter.GatewayConnectionListWhere;
import io.asegraph.api.read.filter.GatewayConnectionWhere;
import io.asegraph.api.read.filter.LocalNetworkGatewayWhere;
import io.asegraph.api.read.filter.NatGatewayWhere;
import io.asegraph.api.read.filter.NetworkInterfaceListWhere;
import io.asegraph.api.read.filter.NetworkInterfaceWhere;
import io.asegraph.api.read.filter.PeeringListWhere;
import io.asegraph.api.read.filter.PeeringWhere;
import io.asegraph.api.read.filter.Pred;
import io.asegraph.api.read.filter.PublicIpAddressListWhere;
import io.asegraph.api.read.filter.PublicIpAddressWhere;
import io.asegraph.api.read.filter.Scope;
import io.asegraph.api.read.filter.ServiceTagRow;
import io.asegraph.api.read.filter.ServiceTagWhere;
import io.asegraph.api.read.filter.SubnetListWhere;
import io.asegraph.api.read.filter.SubnetWhere;
import io.asegraph.api.read.filter.Tri;
import io.asegraph.api.read.filter.VirtualNetworkGatewayListWhere;
import io.asegraph.api.read.filter.VirtualNetworkGatewayWhere;
import io.asegraph.api.read.filter.VirtualNetworkWhere;
import io.asegraph.bench.EstateSpec;
import io.asegraph.estate.Estate;
import io.asegraph.net.Cidr;
import io.asegraph.policy.ServiceTag;
import io.asegraph.topology.Connection;
import io.asegraph.topology.LocalNetworkGateway;
import io.asegraph.topology.NatGateway;
import io.asegraph.topology.NetworkInterface;
import io.asegraph.topology.Peering;
import io.asegraph.topology.PublicIpAddress;
import io.asegraph.topology.Resource;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.Topology;
import io.asegraph.topology.VirtualNetwork;
import io.asegraph.topology.VirtualNetworkGateway;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The per-type where filters of the listings of issue 21 that SmallEstateRuleSearchTest does not cover (virtual
 * networks, gateways, connections, peerings, NAT gateways, public IPs, ASGs, endpoints, service tags) over the small
 * generated estate, each question compared row by row with a brute-force evaluation written here over the estate's
 * records (ids compared, ranges from this test's own parsing of the prefixes).
 */
class SmallEstateListingFiltersTest {
    static Estate estate;
    static Scope scope;
    static Topology t;

    @BeforeAll
    static void load() {
        estate = GeneratedEstates.load(EstateSpec.SMALL, 42);
        AnalysisContext context = AnalysisContext.of(estate);
        scope = new Scope(context, new Audits(context, new FlowAnalyzer(context)));
        t = estate.topology();
    }

    // ---- helpers ----

    private static <D extends Resource> Set<String> matched(Collection<D> rows, Pred<D> filter) {
        Set<String> out = new TreeSet<>();
        rows.stream().filter(r -> filter.test(r) == Tri.TRUE).forEach(r -> out.add(r.id().key()));
        return out;
    }

    private static <D extends Resource> Set<String> brute(Collection<D> rows, Predicate<D> keep) {
        Set<String> out = new TreeSet<>();
        rows.stream().filter(keep).forEach(r -> out.add(r.id().key()));
        return out;
    }

    private static StringFilter eq(String value) {
        StringFilter f = new StringFilter();
        f.eq = value;
        return f;
    }

    private static AddressFilter overlaps(String value) {
        AddressFilter f = new AddressFilter();
        f.overlaps = value;
        return f;
    }

    private static AddressFilter within(String value) {
        AddressFilter f = new AddressFilter();
        f.within = value;
        return f;
    }

    private static boolean overlap(List<Cidr> prefixes, String cidr) {
        long[] x = BruteForce.range(cidr);
        return prefixes.stream().anyMatch(c -> {
            long[] r = BruteForce.range(c.toString());
            return r[0] <= x[1] && x[0] <= r[1];
        });
    }

    private static boolean inside(List<Cidr> prefixes, String cidr) {
        long[] x = BruteForce.range(cidr);
        return prefixes.stream().allMatch(c -> {
            long[] r = BruteForce.range(c.toString());
            return x[0] <= r[0] && r[1] <= x[1];
        });
    }

    private static boolean usesPublicIp(ResourceId pip) {
        return t.nics().stream().anyMatch(n -> n.publicIpIds().contains(pip));
    }

    private static boolean natUses(ResourceId pip) {
        return t.natGateways().stream().anyMatch(n -> n.publicIpIds().contains(pip));
    }

    // ---- the questions ----

    @Test
    void vnetsOverlappingTenSlashEightWithAndWithoutPeeringsMatchTheBruteForce() {
        VirtualNetworkWhere w = new VirtualNetworkWhere();
        w.addressPrefixes = overlaps("10.0.0.0/8");
        w.peerings = new PeeringListWhere();
        w.peerings.none = new PeeringWhere();
        Set<String> unpeered = brute(
                t.vnets(),
                v -> overlap(v.addressSpace(), "10.0.0.0/8")
                        && t.peerings().stream().noneMatch(p -> p.localVnetId().equals(v.id())));
        assertEquals(unpeered, matched(t.vnets(), VirtualNetworkWhere.compile(w, "where", scope)));

        w.peerings.none = null;
        w.peerings.some = new PeeringWhere();
        Set<String> peered = brute(
                t.vnets(),
                v -> overlap(v.addressSpace(), "10.0.0.0/8")
                        && t.peerings().stream().anyMatch(p -> p.localVnetId().equals(v.id())));
        assertEquals(peered, matched(t.vnets(), VirtualNetworkWhere.compile(w, "where", scope)));
        assertFalse(unpeered.isEmpty(), "the small estate has an unpeered VNet");
        assertFalse(peered.isEmpty(), "the small estate has peered VNets");
    }

    @Test
    void vnetsWithAGatewayAndASubnetWithoutAnNsgMatchTheBruteForce() {
        VirtualNetworkWhere w = new VirtualNetworkWhere();
        w.gateways = new VirtualNetworkGatewayListWhere();
        w.gateways.some = new VirtualNetworkGatewayWhere();
        w.subnets = new SubnetListWhere();
        w.subnets.some = new SubnetWhere();
        w.subnets.some.networkSecurityGroup = new io.asegraph.api.read.filter.NetworkSecurityGroupWhere();
        w.subnets.some.networkSecurityGroup.exists = false;
        Set<String> expected = brute(
                t.vnets(),
                v -> t.gateways().stream().anyMatch(g -> g.vnetId().equals(v.id()))
                        && t.subnets().stream()
                                .anyMatch(s ->
                                        s.vnetId().equals(v.id()) && s.nsgId().isEmpty()));
        assertEquals(expected, matched(t.vnets(), VirtualNetworkWhere.compile(w, "where", scope)));
        assertFalse(expected.isEmpty());
    }

    @Test
    void publicIpsUsedByNoInterfaceAndNoNatGatewayMatchTheBruteForce() {
        PublicIpAddressWhere w = new PublicIpAddressWhere();
        w.networkInterfaces = new NetworkInterfaceListWhere();
        w.networkInterfaces.none = new NetworkInterfaceWhere();
        w.natGateway = new NatGatewayWhere();
        w.natGateway.exists = false;
        Set<String> expected = brute(t.publicIps(), p -> !usesPublicIp(p.id()) && !natUses(p.id()));
        assertEquals(expected, matched(t.publicIps(), PublicIpAddressWhere.compile(w, "where", scope)));
        // and the complement: used by something
        PublicIpAddressWhere used = new PublicIpAddressWhere();
        used.NOT = w;
        assertEquals(
                brute(t.publicIps(), p -> usesPublicIp(p.id()) || natUses(p.id())),
                matched(t.publicIps(), PublicIpAddressWhere.compile(used, "where", scope)));
        assertFalse(t.publicIps().isEmpty());
    }

    @Test
    void natGatewaysByTheirPublicIpsAndSubnetsMatchTheBruteForce() {
        NatGatewayWhere none = new NatGatewayWhere();
        none.publicIpAddresses = new PublicIpAddressListWhere();
        none.publicIpAddresses.none = new PublicIpAddressWhere();
        assertEquals(
                brute(t.natGateways(), n -> n.publicIpIds().isEmpty()),
                matched(t.natGateways(), NatGatewayWhere.compile(none, "where", scope)));

        NatGatewayWhere w = new NatGatewayWhere();
        w.subnets = new SubnetListWhere();
        w.subnets.some = new SubnetWhere();
        w.publicIpAddresses = new PublicIpAddressListWhere();
        w.publicIpAddresses.all = new PublicIpAddressWhere();
        w.publicIpAddresses.all.ipAddress = within("0.0.0.0/0");
        Set<String> expected = brute(
                t.natGateways(),
                n -> t.subnets().stream().anyMatch(s -> s.natGatewayId().equals(java.util.Optional.of(n.id())))
                        && n.publicIpIds().stream().allMatch(id -> t.publicIp(id)
                                .flatMap(PublicIpAddress::ipAddress)
                                .isPresent()));
        assertEquals(expected, matched(t.natGateways(), NatGatewayWhere.compile(w, "where", scope)));
        assertFalse(expected.isEmpty(), "the small estate's NAT gateway serves a subnet");
    }

    @Test
    void gatewayConnectionsToEachLocalGatewayMatchTheBruteForce() {
        assertFalse(t.localGateways().isEmpty());
        for (LocalNetworkGateway l : t.localGateways()) {
            GatewayConnectionWhere w = new GatewayConnectionWhere();
            w.localNetworkGateway = new LocalNetworkGatewayWhere();
            w.localNetworkGateway.id = eq(l.id().value());
            Set<String> expected = brute(t.connections(), c -> c.peerId().equals(l.id()));
            assertEquals(expected, matched(t.connections(), GatewayConnectionWhere.compile(w, "where", scope)));
            assertFalse(expected.isEmpty(), l.name());
        }
        GatewayConnectionWhere notToASite = new GatewayConnectionWhere();
        notToASite.localNetworkGateway = new LocalNetworkGatewayWhere();
        notToASite.localNetworkGateway.exists = false;
        assertEquals(
                brute(t.connections(), c -> t.localGateway(c.peerId()).isEmpty()),
                matched(t.connections(), GatewayConnectionWhere.compile(notToASite, "where", scope)));
    }

    @Test
    void gatewaysWithAConnectionToASiteOverlappingARangeMatchTheBruteForce() {
        for (LocalNetworkGateway site : t.localGateways()) {
            String range = site.addressPrefixes().get(0).toString();
            VirtualNetworkGatewayWhere w = new VirtualNetworkGatewayWhere();
            w.connections = new GatewayConnectionListWhere();
            w.connections.some = new GatewayConnectionWhere();
            w.connections.some.localNetworkGateway = new LocalNetworkGatewayWhere();
            w.connections.some.localNetworkGateway.addressPrefixes = overlaps(range);
            Set<String> expected = brute(t.gateways(), (VirtualNetworkGateway g) -> t.connections().stream()
                    .filter(c -> c.gatewayId().equals(g.id()))
                    .map(Connection::peerId)
                    .map(t::localGateway)
                    .anyMatch(o -> o.isPresent() && overlap(o.get().addressPrefixes(), range)));
            assertEquals(expected, matched(t.gateways(), VirtualNetworkGatewayWhere.compile(w, "where", scope)));
            assertFalse(expected.isEmpty());
        }
    }

    @Test
    void peeringsByStateFlagsAndRemoteNetworkMatchTheBruteForce() {
        PeeringWhere w = new PeeringWhere();
        w.state = eq("connected");
        w.remoteVirtualNetwork = new VirtualNetworkWhere();
        w.remoteVirtualNetwork.gateways = new VirtualNetworkGatewayListWhere();
        w.remoteVirtualNetwork.gateways.none = new VirtualNetworkGatewayWhere();
        Set<String> expected = brute(
                t.peerings(),
                (Peering p) -> p.state() == io.asegraph.topology.PeeringState.CONNECTED
                        && t.vnet(p.remoteVnetId()).isPresent()
                        && t.gateways().stream().noneMatch(g -> g.vnetId().equals(p.remoteVnetId())));
        assertEquals(expected, matched(t.peerings(), PeeringWhere.compile(w, "where", scope)));
        for (boolean transit : List.of(true, false)) {
            PeeringWhere f = new PeeringWhere();
            f.allowGatewayTransit = transit;
            assertEquals(
                    brute(t.peerings(), p -> p.allowGatewayTransit() == transit),
                    matched(t.peerings(), PeeringWhere.compile(f, "where", scope)));
        }
    }

    @Test
    void asgsWithAndWithoutMembersMatchTheBruteForce() {
        Collection<io.asegraph.policy.ApplicationSecurityGroup> asgs =
                estate.policies().asgs();
        ApplicationSecurityGroupWhere none = new ApplicationSecurityGroupWhere();
        none.networkInterfaces = new NetworkInterfaceListWhere();
        none.networkInterfaces.none = new NetworkInterfaceWhere();
        Predicate<io.asegraph.policy.ApplicationSecurityGroup> hasMember =
                a -> t.nics().stream().map(NetworkInterface::asgIds).anyMatch(ids -> ids.contains(a.id()));
        assertEquals(
                brute(asgs, hasMember.negate()),
                matched(asgs, ApplicationSecurityGroupWhere.compile(none, "where", scope)));
        ApplicationSecurityGroupWhere some = new ApplicationSecurityGroupWhere();
        some.networkInterfaces = new NetworkInterfaceListWhere();
        some.networkInterfaces.some = new NetworkInterfaceWhere();
        assertEquals(
                brute(asgs, hasMember), matched(asgs, ApplicationSecurityGroupWhere.compile(some, "where", scope)));
        assertFalse(asgs.isEmpty());
    }

    @Test
    void serviceTagsByRegionAndPrefixMatchTheBruteForce() {
        List<ServiceTagRow> tags =
                estate.policies().serviceTags().stream().map(ServiceTagRow::of).toList();
        ServiceTag regional = tags.stream()
                .map(ServiceTagRow::tag)
                .filter(x -> !x.region().isEmpty() && !x.prefixes().isEmpty())
                .findFirst()
                .orElseThrow();
        String range = regional.prefixes().get(0).toString();
        ServiceTagWhere w = new ServiceTagWhere();
        w.region = eq(regional.region().toUpperCase(Locale.ROOT));
        w.addressPrefixes = overlaps(range);
        Set<String> expected = brute(
                tags,
                r -> r.tag().region().equalsIgnoreCase(regional.region())
                        && overlap(r.tag().prefixes(), range));
        assertEquals(expected, matched(tags, ServiceTagWhere.compile(w, "where", scope)));
        assertTrue(expected.contains(regional.name().toLowerCase(Locale.ROOT)));

        ServiceTagWhere inside = new ServiceTagWhere();
        inside.addressPrefixes = within(range);
        assertEquals(
                brute(tags, r -> !r.tag().prefixes().isEmpty() && inside(r.tag().prefixes(), range)),
                matched(tags, ServiceTagWhere.compile(inside, "where", scope)));
    }

    @Test
    void endpointsByServiceTagAndAddressesMatchTheBruteForce() {
        EndpointWhere w = new EndpointWhere();
        w.serviceTag = new StringFilter();
        w.serviceTag.contains = ".";
        w.addresses = overlaps("0.0.0.0/1");
        assertEquals(
                brute(
                        t.endpoints(),
                        e -> e.serviceTag().filter(s -> s.contains(".")).isPresent()
                                && overlap(e.addresses(), "0.0.0.0/1")),
                matched(t.endpoints(), EndpointWhere.compile(w, "where", scope)));
        assertFalse(t.endpoints().isEmpty());
    }

    @Test
    void aNatGatewayNamingAPublicIpNotImportedIsUndeterminedForNone() {
        NatGateway n = new NatGateway(
                ResourceId.of("/subscriptions/x/resourceGroups/r/providers/Microsoft.Network/natGateways/ghost-nat"),
                "ghost-nat",
                "westus",
                List.of(
                        ResourceId.of(
                                "/subscriptions/x/resourceGroups/r/providers/Microsoft.Network/publicIPAddresses/never-imported")));
        NatGatewayWhere none = new NatGatewayWhere();
        none.publicIpAddresses = new PublicIpAddressListWhere();
        none.publicIpAddresses.none = new PublicIpAddressWhere();
        assertEquals(Tri.UNKNOWN, NatGatewayWhere.compile(none, "where", scope).test(n));
        NatGatewayWhere some = new NatGatewayWhere();
        some.publicIpAddresses = new PublicIpAddressListWhere();
        some.publicIpAddresses.some = new PublicIpAddressWhere();
        assertEquals(Tri.UNKNOWN, NatGatewayWhere.compile(some, "where", scope).test(n));
    }

    @Test
    void aConnectionToAPeerNotImportedIsUndeterminedForItsPeerRelations() {
        Connection c = new Connection(
                ResourceId.of("/subscriptions/x/resourceGroups/r/providers/Microsoft.Network/connections/ghost"),
                "ghost",
                "IPsec",
                t.gateways().iterator().next().id(),
                ResourceId.of(
                        "/subscriptions/x/resourceGroups/r/providers/Microsoft.Network/localNetworkGateways/never"));
        GatewayConnectionWhere w = new GatewayConnectionWhere();
        w.localNetworkGateway = new LocalNetworkGatewayWhere();
        w.localNetworkGateway.exists = false;
        assertEquals(
                Tri.UNKNOWN, GatewayConnectionWhere.compile(w, "where", scope).test(c));
        w.localNetworkGateway.exists = true;
        assertEquals(
                Tri.UNKNOWN, GatewayConnectionWhere.compile(w, "where", scope).test(c));
        GatewayConnectionWhere gw = new GatewayConnectionWhere();
        gw.virtualNetworkGateway = new VirtualNetworkGatewayWhere();
        gw.virtualNetworkGateway.exists = true;
        assertEquals(
                Tri.TRUE, GatewayConnectionWhere.compile(gw, "where", scope).test(c));
    }

    @Test
    void vnetWhereNamesItsFieldsInErrors() {
        VirtualNetworkWhere w = new VirtualNetworkWhere();
        w.OR = List.of(new VirtualNetworkWhere());
        w.OR.get(0).addressPrefixes = overlaps("10.0.0.0/33");
        io.asegraph.api.InvalidArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
                io.asegraph.api.InvalidArgumentException.class, () -> VirtualNetworkWhere.compile(w, "where", scope));
        assertTrue(e.getMessage().contains("where.OR[0].addressPrefixes.overlaps"), e.getMessage());
        assertTrue(t.vnets().stream().map(VirtualNetwork::name).count() > 0);
    }
}
