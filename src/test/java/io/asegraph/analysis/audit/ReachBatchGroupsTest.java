package io.asegraph.analysis.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.analysis.AnalysisContext;
import io.asegraph.analysis.FlowAnalyzer;
import io.asegraph.analysis.FlowResult;
import io.asegraph.analysis.ReferenceTopology;
import io.asegraph.analysis.SourceKind;
import io.asegraph.net.AddressSet;
import io.asegraph.net.Protocol;
import io.asegraph.topology.TopologyBuilder;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link ReachBatch} through whoCanReach: interfaces of one subnet share a walk only when their public IPs are alike
 * (none, unallocated, the same number allocated, or one that was never imported); every row equals the flow asked for
 * that caller alone.
 */
class ReachBatchGroupsTest {
    private static final String VMS = ReferenceTopology.VNET + "/subnets/vms";
    private static final String NICS = AuditFixtures.NET + "/networkInterfaces/";
    private static final String PIPS = AuditFixtures.NET + "/publicIPAddresses/";

    /**
     * The reference estate plus, in one subnet without NAT gateway or route table, interfaces listed so that each kind
     * of public IP comes after another kind: an unallocated public IP, one allocated, none, two allocated, one never
     * imported, and a second of each.
     */
    private static AnalysisContext mixedPublicIps() {
        TopologyBuilder b = ReferenceTopology.builder()
                .subnet(VMS, ReferenceTopology.VNET, "10.0.5.0/24")
                .publicIp(PIPS + "unalloc-1", null)
                .publicIp(PIPS + "unalloc-2", null)
                .publicIp(PIPS + "alloc-1", "52.1.1.1")
                .publicIp(PIPS + "alloc-2", "52.1.1.2")
                .publicIp(PIPS + "two-a", "52.1.2.1")
                .publicIp(PIPS + "two-b", "52.1.2.2")
                .nic(NICS + "n1-unalloc", VMS, "10.0.5.4", PIPS + "unalloc-1")
                .nic(NICS + "n2-alloc", VMS, "10.0.5.5", PIPS + "alloc-1")
                .nic(NICS + "n3-none", VMS, "10.0.5.6")
                .nic(NICS + "n4-two", VMS, "10.0.5.7", PIPS + "two-a", PIPS + "two-b")
                .nic(NICS + "n5-missing", VMS, "10.0.5.8", PIPS + "never-imported")
                .nic(NICS + "n6-unalloc", VMS, "10.0.5.9", PIPS + "unalloc-2")
                .nic(NICS + "n7-none", VMS, "10.0.5.10")
                .nic(NICS + "n8-alloc", VMS, "10.0.5.11", PIPS + "alloc-2")
                .nic(NICS + "n9-missing", VMS, "10.0.5.12", PIPS + "also-never-imported");
        return AuditFixtures.context(b.build(), ReferenceTopology.nsgs());
    }

    @Test
    void interfacesWithDifferentPublicIpsNeverTakeEachOthersAnswer() {
        AnalysisContext context = mixedPublicIps();
        FlowAnalyzer flows = new FlowAnalyzer(context);
        Set<SourceKind> kinds = EnumSet.noneOf(SourceKind.class);
        int compared = 0;
        for (String to : List.of("8.8.8.8", "db-vm-nic")) {
            for (Reachability r : new ReachabilityAudit(context, flows).whoCanReach(to, 443, Protocol.TCP)) {
                FlowResult alone =
                        flows.analyze(r.caller(), context.resolver().resolveDestination(to), 443, Protocol.TCP);
                String what = r.callerName() + " → " + to;
                assertEquals(alone.verdict(), r.verdict(), what);
                assertEquals(alone.callSource().kind(), r.sourceKind(), what);
                assertEquals(alone.callSource().sources(), r.sources(), what);
                assertEquals(alone.allowedSources(), r.allowedSources(), what);
                assertEquals(alone.deniedSources(), r.deniedSources(), what);
                assertEquals(alone.undeterminedSources(), r.undeterminedSources(), what);
                kinds.add(r.sourceKind());
                compared++;
            }
        }
        assertEquals(2 * 15 - 1, compared, "6 reference callers and 9 interfaces, twice, less db-vm-nic to itself");
        assertTrue(kinds.contains(SourceKind.PUBLIC_IP), kinds::toString);
    }

    @Test
    void anInterfaceLeavingByItsPublicIpIsSeenAtItsOwnAddressNotItsGroupsFirst() {
        AnalysisContext context = mixedPublicIps();
        List<Reachability> rows = AuditFixtures.reachability(context).whoCanReach("8.8.8.8", 443, Protocol.TCP);
        assertEquals(AddressSet.parse("52.1.1.1/32"), row(rows, "n2-alloc").sources());
        assertEquals(AddressSet.parse("52.1.1.2/32"), row(rows, "n8-alloc").sources());
        assertEquals(SourceKind.PUBLIC_IP, row(rows, "n8-alloc").sourceKind());
        List<Reachability> toDb = AuditFixtures.reachability(context).whoCanReach("db-vm-nic", 443, Protocol.TCP);
        assertEquals(AddressSet.parse("10.0.5.11/32"), row(toDb, "n8-alloc").sources(), "inside the VNet: private");
        assertEquals(SourceKind.PRIVATE_ADDRESS, row(toDb, "n8-alloc").sourceKind());
    }

    private static Reachability row(List<Reachability> rows, String name) {
        return rows.stream()
                .filter(r -> r.callerName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row " + name));
    }

    @Test
    void anAseOrInterfaceInASubnetOutsideTheSnapshotIsABrokenEstateNamedAsSuch() {
        String gone = ReferenceTopology.VNET + "/subnets/gone";
        String ase = ReferenceTopology.WEB + "/hostingEnvironments/stray-ase";
        AnalysisContext strayAse = AuditFixtures.context(
                ReferenceTopology.builder().ase(ase, gone, "192.23.9.9").build(), ReferenceTopology.nsgs());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> AuditFixtures.reachability(strayAse)
                .whoCanReach("8.8.8.8", 443, Protocol.TCP));
        assertTrue(e.getMessage().startsWith("ASE "), e.getMessage());
        assertTrue(e.getMessage().contains("stray-ase is in subnet"), e.getMessage());
        assertTrue(e.getMessage().endsWith("/subnets/gone, which is not in the snapshot"), e.getMessage());
        String nic = NICS + "stray-nic";
        AnalysisContext strayNic = AuditFixtures.context(
                ReferenceTopology.builder().nic(nic, gone, "10.0.9.4").build(), ReferenceTopology.nsgs());
        e = assertThrows(IllegalStateException.class, () -> AuditFixtures.reachability(strayNic)
                .whoCanReach("8.8.8.8", 443, Protocol.TCP));
        assertTrue(e.getMessage().startsWith("network interface "), e.getMessage());
        assertTrue(e.getMessage().contains("stray-nic is in subnet"), e.getMessage());
        assertTrue(e.getMessage().endsWith("/subnets/gone, which is not in the snapshot"), e.getMessage());
    }
}
