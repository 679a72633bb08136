package io.asegraph.analysis;

import static io.asegraph.analysis.ReferenceTopology.APP1;
import static io.asegraph.analysis.ReferenceTopology.ASE_ONE;
import static io.asegraph.analysis.ReferenceTopology.ASE_TWO;
import static io.asegraph.analysis.ReferenceTopology.ASE_TWO_SUBNET;
import static io.asegraph.analysis.ReferenceTopology.DB_NIC;
import static io.asegraph.analysis.ReferenceTopology.DB_SUBNET;
import static io.asegraph.analysis.ReferenceTopology.NET;
import static io.asegraph.analysis.ReferenceTopology.WEB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.net.AddressSet;
import io.asegraph.net.Ipv4;
import io.asegraph.topology.AppServiceEnvironment;
import io.asegraph.topology.AseKind;
import io.asegraph.topology.NetworkTypes;
import io.asegraph.topology.PrivateEndpoint;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.Topology;
import io.asegraph.topology.TopologyBuilder;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The two ends of a walk ({@link WalkEnds}): which hop and subnet each kind of caller leaves from, with which private
 * sources and which words open its route step; how each kind of destination is addressed (an ASE at its public VIP or
 * its ILB address, a private endpoint at its first address), and the exact sentence when it cannot be addressed
 * (the walk then stops at the caller, UNDETERMINED, with a "Not routed" route step).
 */
class WalkEndsTest {
    static final String PE_SUBNET = DB_SUBNET;
    static final String PE = NET + "/privateEndpoints/kv-pe";

    private static Walk walk(Topology t, String from, String to) {
        return CallSourceScenarioTest.walk(t, from, to);
    }

    private static Walk walk(String from, String to) {
        return CallSourceScenarioTest.walk(from, to);
    }

    private static String firstRouteStep(Walk w) {
        Step s = w.trace().origin().entry().get(0);
        assertEquals(StepType.ROUTE, s.type());
        return s.detail();
    }

    private static AppServiceEnvironment aseTwo(String mode, Optional<Long> vip, Optional<Long> ilb) {
        return new AppServiceEnvironment(
                ResourceId.of(ASE_TWO),
                "ase-two",
                "westus",
                AseKind.ASEV1,
                mode,
                ResourceId.of(ASE_TWO_SUBNET),
                vip,
                vip.map(List::of).orElse(List.of()),
                ilb,
                List.of(),
                List.of());
    }

    /** The walk stopped at the caller because the destination cannot be addressed, for {@code reason}. */
    private static void assertNotAddressed(Walk w, String reason) {
        CallSource c = w.callSource();
        assertEquals(SourceKind.UNDETERMINED, c.kind(), c.reason());
        assertEquals(reason, c.reason());
        assertEquals(1, c.trace().size(), "only the caller's hop");
        assertEquals(
                List.of(new Step(StepType.ROUTE, "Not routed: " + reason)),
                c.trace().get(0).steps());
        assertEquals(Destination.NONE, w.delivery());
    }

    // ---------------------------------------------------------------- callers

    @Test
    void anAppLeavesFromItsAsesSubnetAsItsAppHopAndSaysWhereItRuns() {
        Walk w = walk("app1", "db-vm-nic");
        assertEquals(APP1, w.trace().origin().node());
        assertEquals(HopKind.APP, w.trace().origin().kind());
        assertEquals(AddressSet.parse("10.0.1.0/26"), w.callSource().privateSources());
        assertTrue(firstRouteStep(w).startsWith("app1 runs on ase-one. In "), firstRouteStep(w));
        assertEquals(SourceKind.SUBNET_RANGE, w.kind());
    }

    @Test
    void anAseLeavesAsItselfWithoutAnIntroduction() {
        Walk w = walk("ase-one", "db-vm-nic");
        assertEquals(ASE_ONE, w.trace().origin().node());
        assertEquals(HopKind.APP_SERVICE_ENVIRONMENT, w.trace().origin().kind());
        assertEquals(AddressSet.parse("10.0.1.0/26"), w.callSource().privateSources());
        assertTrue(firstRouteStep(w).startsWith("In "), firstRouteStep(w));
    }

    @Test
    void aWorkerAddressOfAnAseLeavesAsThatAseWithItsWholeSubnet() {
        Walk w = walk("10.0.1.10", "db-vm-nic");
        assertEquals(ASE_ONE, w.trace().origin().node());
        assertEquals(HopKind.APP_SERVICE_ENVIRONMENT, w.trace().origin().kind());
        assertEquals(AddressSet.parse("10.0.1.0/26"), w.callSource().privateSources());
        assertTrue(firstRouteStep(w).startsWith("10.0.1.10 is a worker address of ase-one. In "), firstRouteStep(w));
        assertEquals(SourceKind.SUBNET_RANGE, w.kind());
    }

    @Test
    void aPlainAddressInASubnetLeavesAsThatAddressAlone() {
        Walk w = walk("10.0.2.9", "ase-two");
        assertEquals("10.0.2.9", w.trace().origin().node());
        assertEquals(HopKind.ADDRESS, w.trace().origin().kind());
        assertEquals(AddressSet.parse("10.0.2.9/32"), w.callSource().privateSources());
        assertEquals(Optional.of(ResourceId.of(DB_SUBNET)), w.sourceSubnet());
        assertTrue(firstRouteStep(w).startsWith("In "), firstRouteStep(w));
    }

    @Test
    void aNetworkInterfaceLeavesFromItsSubnetAtItsPrivateAddress() {
        Walk w = walk("db-vm-nic", "ase-two");
        assertEquals(DB_NIC, w.trace().origin().node());
        assertEquals(HopKind.NETWORK_INTERFACE, w.trace().origin().kind());
        assertEquals(AddressSet.parse("10.0.2.4/32"), w.callSource().privateSources());
        assertEquals(Optional.of(ResourceId.of(DB_SUBNET)), w.sourceSubnet());
    }

    @Test
    void anAppOnAnAseMissingFromTheSnapshotCannotCall() {
        String gone = WEB + "/hostingEnvironments/gone";
        Topology t = ReferenceTopology.builder()
                .app(WEB + "/sites/orphan", gone, "orphan.gone.p.azurewebsites.net")
                .build();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> walk(t, "orphan", "db-vm-nic"));
        assertEquals(
                "app " + WEB + "/sites/orphan is hosted on " + gone + ", which is not in the snapshot", e.getMessage());
    }

    // ---------------------------------------------------------------- destinations

    @Test
    void anAppOnAnExternalAseIsReachedAtItsAsesPublicVip() {
        Walk w = walk("db-vm-nic", "orders-api");
        assertTrue(
                w.callSource().reason().startsWith("orders-api is reached at ase-two's public VIP 192.23.2.4; "),
                w.callSource().reason());
        assertEquals(Optional.of(ResourceId.of(ASE_TWO_SUBNET)), w.destinationSubnet());
        assertEquals(Optional.empty(), w.destinationNic());
    }

    @Test
    void anAseItselfIsReachedAtItsOwnPublicVip() {
        Walk w = walk("db-vm-nic", "ase-two");
        assertTrue(
                w.callSource().reason().startsWith("ase-two is reached at its public VIP 192.23.2.4; "),
                w.callSource().reason());
    }

    @Test
    void anInternalAseIsReachedAtItsIlbAddressFromInsideTheVnet() {
        Topology t = ReferenceTopology.builder()
                .add(aseTwo(
                        "Web, Publishing", Optional.of(Ipv4.parse("192.23.2.4")), Optional.of(Ipv4.parse("10.0.1.75"))))
                .build();
        Walk app = walk(t, "db-vm-nic", "orders-api");
        assertTrue(
                app.callSource().reason().startsWith("orders-api is reached at ase-two's ILB address 10.0.1.75; "),
                app.callSource().reason());
        assertEquals(SourceKind.PRIVATE_ADDRESS, app.kind(), "inside the VNet the caller keeps its private address");
        assertEquals(AddressSet.parse("10.0.1.75/32"), app.callSource().destination());
        Walk ase = walk(t, "db-vm-nic", "ase-two");
        assertTrue(
                ase.callSource().reason().startsWith("ase-two is reached at its ILB address 10.0.1.75; "),
                ase.callSource().reason());
        assertEquals(Optional.of(ResourceId.of(ASE_TWO_SUBNET)), ase.destinationSubnet());
    }

    @Test
    void anInternalAseAskedAtItsPublicVipIsReachedThere() {
        Topology t = ReferenceTopology.builder()
                .add(aseTwo(
                        "Web, Publishing", Optional.of(Ipv4.parse("192.23.2.4")), Optional.of(Ipv4.parse("10.0.1.75"))))
                .build();
        Walk w = walk(t, "db-vm-nic", "10.0.1.75");
        assertTrue(
                w.callSource().reason().startsWith("ase-two is reached at its ILB address 10.0.1.75; "),
                w.callSource().reason());
    }

    @Test
    void anExternalAseWithoutAVipCannotBeAddressed() {
        Topology t = ReferenceTopology.builder()
                .add(aseTwo("None", Optional.empty(), Optional.empty()))
                .build();
        assertNotAddressed(
                walk(t, "db-vm-nic", "orders-api"),
                "ase-two has no public VIP recorded, so orders-api cannot be addressed.");
        assertNotAddressed(
                walk(t, "db-vm-nic", "ase-two"), "ase-two has no public VIP recorded, so ase-two cannot be addressed.");
    }

    @Test
    void anInternalAseWithoutItsIlbAddressCannotBeAddressedEvenWithAVip() {
        Topology t = ReferenceTopology.builder()
                .add(aseTwo("Web, Publishing", Optional.of(Ipv4.parse("192.23.2.4")), Optional.empty()))
                .build();
        assertNotAddressed(
                walk(t, "db-vm-nic", "orders-api"),
                "ase-two is an internal (ILB) ASE but its ILB address is not recorded, so orders-api cannot be"
                        + " addressed.");
    }

    @Test
    void anAppOnAnAseMissingFromTheSnapshotCannotBeAddressed() {
        String gone = WEB + "/hostingEnvironments/gone";
        Topology t = ReferenceTopology.builder()
                .app(WEB + "/sites/orphan", gone, "orphan.gone.p.azurewebsites.net")
                .build();
        Walk w = walk(t, "db-vm-nic", "orphan");
        assertNotAddressed(
                w, "orphan is hosted on " + gone + ", which is not in the snapshot, so its address cannot be told.");
        assertEquals(HopKind.NETWORK_INTERFACE, w.callSource().trace().get(0).kind());
    }

    @Test
    void anEndpointWithoutAddressesCannotBeAddressed() {
        Topology t = ReferenceTopology.builder()
                .endpoint("/asegraph/endpoints/nowhere", null)
                .build();
        assertNotAddressed(walk(t, "db-vm-nic", "nowhere"), "Endpoint nowhere has no addresses.");
    }

    @Test
    void aPublicIpWithoutAnAllocatedAddressCannotBeRouted() {
        Topology t = ReferenceTopology.builder()
                .publicIp(NET + "/publicIPAddresses/dynamic-pip", null)
                .build();
        assertNotAddressed(
                walk(t, "db-vm-nic", "dynamic-pip"),
                "Public IP dynamic-pip has no allocated address, so the call cannot be routed.");
    }

    @Test
    void aPublicIpWithAnAddressIsRoutedToThatHost() {
        Topology t = ReferenceTopology.builder()
                .publicIp(NET + "/publicIPAddresses/static-pip", "52.1.2.3")
                .build();
        Walk w = walk(t, "db-vm-nic", "static-pip");
        assertEquals(AddressSet.parse("52.1.2.3/32"), w.callSource().destination());
        assertEquals(
                HopKind.PUBLIC_IP_ADDRESS, w.trace().arrival().orElseThrow().kind());
    }

    private static TopologyBuilder withPrivateEndpoint(List<Long> addresses) {
        return ReferenceTopology.builder()
                .add(
                        NetworkTypes.PRIVATE_ENDPOINT,
                        new PrivateEndpoint(
                                ResourceId.of(PE),
                                "kv-pe",
                                "westus",
                                ResourceId.of(PE_SUBNET),
                                List.of(),
                                addresses,
                                List.of("kv (vault)")));
    }

    @Test
    void aPrivateEndpointWithoutAnyAddressCannotBeAddressed() {
        assertNotAddressed(
                walk(withPrivateEndpoint(List.of()).build(), "db-vm-nic", "kv-pe"),
                "Private endpoint kv-pe has no private address recorded (neither in customDnsConfigs or"
                        + " ipConfigurations nor on an imported network interface).");
    }

    @Test
    void aPrivateEndpointWithOneAddressIsReachedThereWithoutALead() {
        Walk w = walk(withPrivateEndpoint(List.of(Ipv4.parse("10.0.2.50"))).build(), "ase-one", "kv-pe");
        assertEquals(AddressSet.parse("10.0.2.50/32"), w.callSource().destination());
        assertEquals(Optional.of(ResourceId.of(PE_SUBNET)), w.destinationSubnet());
        assertTrue(
                w.callSource().reason().startsWith("The route "), w.callSource().reason());
        assertEquals(HopKind.PRIVATE_ENDPOINT, w.trace().arrival().orElseThrow().kind());
    }

    @Test
    void aPrivateEndpointWithSeveralAddressesIsReachedAtItsFirst() {
        Walk w = walk(
                withPrivateEndpoint(List.of(Ipv4.parse("10.0.2.50"), Ipv4.parse("10.0.2.51")))
                        .build(),
                "ase-one",
                "kv-pe");
        assertEquals(AddressSet.parse("10.0.2.50/32"), w.callSource().destination());
        assertTrue(
                w.callSource().reason().startsWith("kv-pe is reached at its first private address 10.0.2.50; "),
                w.callSource().reason());
    }

    @Test
    void aCallerInASubnetMissingFromTheSnapshotCannotCall() {
        String missing = ReferenceTopology.VNET + "/subnets/missing";
        String nic = NET + "/networkInterfaces/stray-nic";
        Topology t = ReferenceTopology.builder().nic(nic, missing, "10.0.9.4").build();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> walk(t, "stray-nic", "db-vm-nic"));
        assertEquals(
                "network interface " + nic + " is in subnet " + missing + ", which is not in the snapshot",
                e.getMessage());
    }

    @Test
    void aCallerWhoseSubnetNamesAVnetMissingFromTheSnapshotCannotCall() {
        String vnet = NET + "/virtualNetworks/gone-vnet";
        String subnet = vnet + "/subnets/orphan";
        Topology t = ReferenceTopology.builder()
                .subnet(subnet, vnet, "10.9.0.0/24")
                .nic(NET + "/networkInterfaces/orphan-nic", subnet, "10.9.0.4")
                .build();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> walk(t, "orphan-nic", "db-vm-nic"));
        assertEquals("subnet " + subnet + " names VNet " + vnet + ", which is not in the snapshot", e.getMessage());
    }
}
