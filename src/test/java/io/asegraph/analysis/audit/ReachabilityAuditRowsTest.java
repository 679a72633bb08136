package io.asegraph.analysis.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.analysis.AnalysisContext;
import io.asegraph.analysis.InvalidArgumentException;
import io.asegraph.analysis.Reference;
import io.asegraph.analysis.ReferenceKind;
import io.asegraph.analysis.ReferenceTopology;
import io.asegraph.analysis.Resolution;
import io.asegraph.net.Ipv4;
import io.asegraph.net.Protocol;
import io.asegraph.topology.NetworkInterface;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.TopologyBuilder;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link ReachabilityAudit}: the order of the rows of whoCanReach (by name ignoring case, then id, apps under their
 * ASE), which rows are the destination itself, and the checks of the arguments.
 */
class ReachabilityAuditRowsTest {
    private static final String VNET = AuditFixtures.NET + "/virtualNetworks/vnet";
    private static final String WEB_A = "/subscriptions/s/resourceGroups/a-rg/providers/Microsoft.Web";
    private static final String WEB_B = "/subscriptions/s/resourceGroups/b-rg/providers/Microsoft.Web";
    private static final String WEB_C = "/subscriptions/s/resourceGroups/c-rg/providers/Microsoft.Web";
    private static final String NET_A = "/subscriptions/s/resourceGroups/a-rg/providers/Microsoft.Network";
    private static final String NET_B = "/subscriptions/s/resourceGroups/b-rg/providers/Microsoft.Network";
    private static final String NET_C = "/subscriptions/s/resourceGroups/c-rg/providers/Microsoft.Network";

    private static final String BETA = WEB_A + "/hostingEnvironments/Beta";
    private static final String ALPHA_B = WEB_B + "/hostingEnvironments/alpha";
    private static final String ALPHA_C = WEB_C + "/hostingEnvironments/alpha";
    private static final String ZED = WEB_B + "/sites/Zed";
    private static final String APP_C = WEB_C + "/sites/app";
    private static final String APP_A = WEB_A + "/sites/app";
    private static final String NIC_BIG_B = NET_A + "/networkInterfaces/Nic-B";
    private static final String NIC_A_B = NET_B + "/networkInterfaces/nic-a";
    private static final String NIC_A_C = NET_C + "/networkInterfaces/nic-a";

    /**
     * Three ASEs, three apps on one of them and three NICs, each listed in the estate in an order that is neither by
     * name nor by id, and with names that differ in case or repeat across resource groups.
     */
    private static AnalysisContext mixedNames() {
        String s1 = VNET + "/subnets/s1";
        String s2 = VNET + "/subnets/s2";
        String s3 = VNET + "/subnets/s3";
        String vms = VNET + "/subnets/vms";
        TopologyBuilder b = new TopologyBuilder()
                .vnet(VNET, "10.0.0.0/16")
                .subnet(s1, VNET, "10.0.1.0/26")
                .subnet(s2, VNET, "10.0.1.64/26")
                .subnet(s3, VNET, "10.0.1.128/26")
                .subnet(vms, VNET, "10.0.2.0/24")
                .ase(BETA, s1, "192.23.1.2")
                .ase(ALPHA_C, s3, "192.23.1.4")
                .ase(ALPHA_B, s2, "192.23.1.3")
                .app(ZED, ALPHA_B, "zed.alpha.p.azurewebsites.net")
                .app(APP_C, ALPHA_B, "app-c.alpha.p.azurewebsites.net")
                .app(APP_A, ALPHA_B, "app-a.alpha.p.azurewebsites.net");
        int host = 4;
        for (String nic : List.of(NIC_BIG_B, NIC_A_C, NIC_A_B)) {
            b.add(new NetworkInterface(
                    ResourceId.of(nic),
                    ResourceId.of(nic).name(),
                    "westus",
                    ResourceId.of(vms),
                    Ipv4.parse("10.0.2." + host++),
                    Optional.empty(),
                    List.of(),
                    List.of(),
                    ""));
        }
        return AuditFixtures.context(b.build(), List.of());
    }

    /** A bare address, as a reference that maps to no resource. */
    private static Reference address(String ip) {
        return new Reference(
                ip, ReferenceKind.ADDRESS, Optional.empty(), Optional.of(Ipv4.parse(ip)), Resolution.ADDRESS);
    }

    private static List<String> ids(List<Reachability> rows) {
        return rows.stream().map(r -> r.callerId().value()).toList();
    }

    @Test
    void rowsAreAsesByNameIgnoringCaseThenIdEachFollowedByItsAppsThenInterfacesTheSameWay() {
        List<Reachability> rows = AuditFixtures.reachability(mixedNames()).whoCanReach("8.8.8.8", 443, Protocol.TCP);
        assertEquals(
                List.of(
                        ALPHA_B, APP_A, APP_C, ZED, ALPHA_C, BETA, // ASEs, apps under theirs
                        NIC_A_B, NIC_A_C, NIC_BIG_B),
                ids(rows));
        assertEquals(
                List.of(
                        ReferenceKind.APP_SERVICE_ENVIRONMENT,
                        ReferenceKind.APP,
                        ReferenceKind.APP,
                        ReferenceKind.APP,
                        ReferenceKind.APP_SERVICE_ENVIRONMENT,
                        ReferenceKind.APP_SERVICE_ENVIRONMENT,
                        ReferenceKind.NETWORK_INTERFACE,
                        ReferenceKind.NETWORK_INTERFACE,
                        ReferenceKind.NETWORK_INTERFACE),
                rows.stream().map(Reachability::callerKind).toList());
    }

    @Test
    void anAppAsTheDestinationIsNotItsOwnCallerButItsAseAndSiblingsAre() {
        List<Reachability> rows = AuditFixtures.reachability(mixedNames()).whoCanReach(ZED, 443, Protocol.TCP);
        assertEquals(List.of(ALPHA_B, APP_A, APP_C, ALPHA_C, BETA, NIC_A_B, NIC_A_C, NIC_BIG_B), ids(rows));
    }

    @Test
    void aBareAddressReferenceExcludesTheInterfaceOrAseReachedAtIt() {
        AnalysisContext context = AuditFixtures.reference();
        ReachabilityAudit audit = AuditFixtures.reachability(context);
        Reference dbAddress = address("10.0.2.4");
        List<String> names = audit.whoCanReach(dbAddress, 1433, Protocol.TCP).stream()
                .map(Reachability::callerName)
                .toList();
        assertEquals(List.of("ase-one", "app1", "app2", "ase-two", "orders-api"), names, "db-vm-nic holds 10.0.2.4");
        Reference vip = address("192.23.2.4");
        names = audit.whoCanReach(vip, 443, Protocol.TCP).stream()
                .map(Reachability::callerName)
                .toList();
        assertEquals(List.of("ase-one", "app1", "app2", "orders-api", "db-vm-nic"), names, "ase-two's VIP");
        Reference elsewhere = address("10.0.2.5");
        assertEquals(6, audit.whoCanReach(elsewhere, 1433, Protocol.TCP).size(), "nobody holds 10.0.2.5");
    }

    @Test
    void anInternalAseReachedAtItsIlbAddressIsNotItsOwnCaller() {
        String ilbAse = ReferenceTopology.WEB + "/hostingEnvironments/ilb-ase";
        String ilbSubnet = ReferenceTopology.VNET + "/subnets/ilb-subnet";
        AnalysisContext context = AuditFixtures.context(
                ReferenceTopology.builder()
                        .subnet(ilbSubnet, ReferenceTopology.VNET, "10.0.4.0/24")
                        .internalAse(ilbAse, ilbSubnet, "192.23.4.4", "10.0.4.11")
                        .build(),
                ReferenceTopology.nsgs());
        Reference ilb = address("10.0.4.11");
        List<String> names = AuditFixtures.reachability(context).whoCanReach(ilb, 443, Protocol.TCP).stream()
                .map(Reachability::callerName)
                .toList();
        assertFalse(names.contains("ilb-ase"), names::toString);
        assertTrue(names.containsAll(List.of("ase-one", "ase-two", "db-vm-nic")), names::toString);
    }

    @Test
    void aPortOutsideTheRangeIsRejectedBeforeAnyReferenceIsResolved() {
        AnalysisContext context = AuditFixtures.reference();
        ReachabilityAudit audit = AuditFixtures.reachability(context);
        assertThrows(InvalidArgumentException.class, () -> audit.whoCanReach("nowhere", 70000, Protocol.TCP));
        Reference db = context.resolver().resolveDestination("db-vm-nic");
        assertThrows(InvalidArgumentException.class, () -> audit.whoCanReach(db, 70000, Protocol.TCP));
        assertThrows(InvalidArgumentException.class, () -> audit.whoCanReach(db, -1, Protocol.TCP));
        assertThrows(
                InvalidArgumentException.class,
                () -> audit.matrix(List.of(), List.of("db-vm-nic"), -1, Protocol.TCP),
                "even a matrix without callers");
        assertThrows(
                InvalidArgumentException.class,
                () -> audit.matrix(List.of("app1"), List.of("nowhere"), 65536, Protocol.TCP));
    }

    @Test
    void aMatrixOneCellOverTheLargestSizeIsRefusedSayingWhy() {
        ReachabilityAudit audit = AuditFixtures.reachability(AuditFixtures.reference());
        List<String> oneMore = Collections.nCopies(ReachabilityAudit.MAX_CELLS + 1, "app1");
        InvalidArgumentException tooBig = assertThrows(
                InvalidArgumentException.class, () -> audit.matrix(oneMore, List.of("db-vm-nic"), 1433, Protocol.TCP));
        assertEquals(
                "a matrix of 10001 callers by 1 destinations has 10001 cells; ask for at most 10000 at once",
                tooBig.getMessage());
    }
}
