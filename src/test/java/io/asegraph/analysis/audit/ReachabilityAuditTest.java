package io.asegraph.analysis.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.analysis.AnalysisContext;
import io.asegraph.analysis.FlowAnalyzer;
import io.asegraph.analysis.FlowResult;
import io.asegraph.analysis.InvalidArgumentException;
import io.asegraph.analysis.ReferenceKind;
import io.asegraph.analysis.SourceKind;
import io.asegraph.analysis.UnknownReferenceException;
import io.asegraph.bench.EstateSpec;
import io.asegraph.net.AddressSet;
import io.asegraph.net.Protocol;
import io.asegraph.policy.Verdict;
import io.asegraph.topology.AppServiceEnvironment;
import io.asegraph.topology.NetworkInterface;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** whoCanReach and reachabilityMatrix: batches over many callers, equal to one flow per caller. */
class ReachabilityAuditTest {
    private static List<String> rows(List<Reachability> rows) {
        return rows.stream()
                .map(r -> r.callerName() + " " + r.callerKind() + " " + r.verdict())
                .toList();
    }

    @Test
    void onTheReferenceTopologyOnlyAseOneAndItsAppsReachTheDatabaseWhichIsNotListedAsItsOwnCaller() {
        List<Reachability> rows =
                AuditFixtures.reachability(AuditFixtures.reference()).whoCanReach("db-vm-nic", 1433, Protocol.TCP);
        assertEquals(
                List.of(
                        "ase-one APP_SERVICE_ENVIRONMENT ALLOWED",
                        "app1 APP ALLOWED",
                        "app2 APP ALLOWED",
                        "ase-two APP_SERVICE_ENVIRONMENT DENIED",
                        "orders-api APP DENIED"),
                rows(rows));
        assertEquals(SourceKind.SUBNET_RANGE, rows.get(0).sourceKind());
        assertEquals(AddressSet.parse("10.0.1.0/26"), rows.get(0).allowedSources());
        assertEquals(AddressSet.parse("10.0.1.64/26"), rows.get(3).deniedSources());
    }

    @Test
    void theDestinationIsNeverListedAsItsOwnCallerWhetherNamedByIdNameOrAddress() {
        ReachabilityAudit audit = AuditFixtures.reachability(AuditFixtures.reference());
        for (String to : List.of("db-vm-nic", "10.0.2.4")) {
            List<String> names = audit.whoCanReach(to, 1433, Protocol.TCP).stream()
                    .map(Reachability::callerName)
                    .toList();
            assertEquals(List.of("ase-one", "app1", "app2", "ase-two", "orders-api"), names, to);
        }
        // An ASE as destination: not its own caller, by name or at its VIP; its apps still are callers (self-calls).
        for (String to : List.of("ase-two", "192.23.2.4")) {
            List<String> names = audit.whoCanReach(to, 443, Protocol.TCP).stream()
                    .map(Reachability::callerName)
                    .toList();
            assertEquals(List.of("ase-one", "app1", "app2", "orders-api", "db-vm-nic"), names, to);
        }
    }

    @Test
    void onTheReferenceTopologyOnlyAseOneReachesAseTwoOnHttpsThroughItsVip() {
        List<Reachability> rows =
                AuditFixtures.reachability(AuditFixtures.reference()).whoCanReach("orders-api", 443, Protocol.TCP);
        Reachability aseOne = rows.get(0);
        assertEquals("ase-one", aseOne.callerName());
        assertEquals(Verdict.ALLOWED, aseOne.verdict());
        assertEquals(SourceKind.PUBLIC_VIP, aseOne.sourceKind());
        assertEquals(AddressSet.parse("192.23.1.2/32"), aseOne.sources());
        Reachability aseTwo = rows.stream()
                .filter(r -> r.callerName().equals("ase-two"))
                .findFirst()
                .orElseThrow();
        assertEquals(Verdict.DENIED, aseTwo.verdict());
    }

    /** Enough interfaces per subnet to share walks, NSGs on both levels, ASGs, NAT gateways and forced tunnelling. */
    private static final EstateSpec SPEC = new EstateSpec(6, 50, 6, 12, 200, 30, 450, 6, 8, 2, 3, 10, 5, 300);

    @Test
    void everyRowOfTheBatchEqualsTheFlowAskedForThatCallerAlone() {
        AnalysisContext context = AnalysisContext.of(AuditFixtures.generated(SPEC, 7));
        FlowAnalyzer flows = new FlowAnalyzer(context);
        List<String> destinations = new ArrayList<>();
        context.topology().nics().stream()
                .filter(n -> n.nsgId().isPresent())
                .limit(2)
                .forEach(n -> destinations.add(n.id().value()));
        context.topology().nics().stream()
                .filter(n -> !n.publicIpIds().isEmpty())
                .limit(1)
                .forEach(n -> destinations.add(n.publicIpIds().get(0).value()));
        context.topology().environments().stream().limit(2).forEach(a -> destinations.add(a.id().value()));
        context.topology().endpoints().stream().limit(1).forEach(e -> destinations.add(e.id().value()));
        destinations.add("8.8.8.8");
        java.util.Set<String> callers = new java.util.HashSet<>();
        context.topology().nics().forEach(n -> callers.add(n.id().value()));
        context.topology().environments().forEach(a -> callers.add(a.id().value()));
        record Question(int port, Protocol protocol) {}
        int compared = 0;
        java.util.Set<Verdict> seen = java.util.EnumSet.noneOf(Verdict.class);
        java.util.Set<SourceKind> kinds = java.util.EnumSet.noneOf(SourceKind.class);
        for (String to : destinations) {
            for (Question q : List.of(
                    new Question(443, Protocol.TCP),
                    new Question(1433, Protocol.TCP),
                    new Question(53, Protocol.UDP),
                    new Question(0, Protocol.ICMP))) {
                List<Reachability> rows = new ReachabilityAudit(context, flows).whoCanReach(to, q.port(), q.protocol());
                // Every ASE, app and NIC but the destination itself (a NIC or ASE of the list above).
                int self = callers.contains(to) ? 1 : 0;
                assertEquals(
                        context.topology().environments().size()
                                + context.topology().apps().size()
                                + context.topology().nics().size()
                                - self,
                        rows.size());
                assertTrue(rows.stream().noneMatch(r -> r.caller().text().equals(to)), to);
                for (Reachability r : rows) {
                    FlowResult alone = flows.analyze(
                            r.caller(), context.resolver().resolveDestination(to), q.port(), q.protocol());
                    String what = r.callerName() + " → " + to + " " + q;
                    assertSameAnswer(alone, r, what);
                    compared++;
                    seen.add(r.verdict());
                    kinds.add(r.sourceKind());
                }
            }
        }
        assertTrue(compared > 5_000, "compared " + compared);
        assertEquals(
                java.util.EnumSet.of(Verdict.ALLOWED, Verdict.DENIED, Verdict.UNDETERMINED, Verdict.UNREACHABLE),
                seen,
                "every verdict but PARTIAL (an ASE subnet split by a rule: see the reference case) is exercised");
        assertEquals(
                java.util.EnumSet.complementOf(java.util.EnumSet.of(SourceKind.AZURE_FIREWALL)),
                kinds,
                "every source kind but AZURE_FIREWALL (the generated estate has no firewall: see the next test)");
    }

    private static void assertSameAnswer(FlowResult alone, Reachability r, String what) {
        assertEquals(alone.verdict(), r.verdict(), what);
        assertEquals(alone.callSource().kind(), r.sourceKind(), what);
        assertEquals(alone.callSource().sources(), r.sources(), what);
        assertEquals(alone.allowedSources(), r.allowedSources(), what);
        assertEquals(alone.deniedSources(), r.deniedSources(), what);
        assertEquals(alone.undeterminedSources(), r.undeterminedSources(), what);
    }

    @Test
    void throughAnAzureFirewallEveryRowOfTheBatchEqualsTheFlowAskedForThatCallerAlone() {
        AnalysisContext context = AnalysisContext.of(
                AuditFixtures.document("estates/hub-firewall.json", "estates/hub-firewall-tags.json"));
        FlowAnalyzer flows = new FlowAnalyzer(context);
        java.util.Set<Verdict> seen = java.util.EnumSet.noneOf(Verdict.class);
        java.util.Set<SourceKind> kinds = java.util.EnumSet.noneOf(SourceKind.class);
        int compared = 0;
        for (String to : List.of("api-nic", "hubfw-partner", "hubfw-storage", "8.8.8.8", "jump-pip", "locked-ase")) {
            for (int port : new int[] {443, 80}) {
                for (Reachability r : new ReachabilityAudit(context, flows).whoCanReach(to, port, Protocol.TCP)) {
                    FlowResult alone =
                            flows.analyze(r.caller(), context.resolver().resolveDestination(to), port, Protocol.TCP);
                    String what = r.callerName() + " → " + to + " " + port;
                    assertSameAnswer(alone, r, what);
                    seen.add(r.verdict());
                    kinds.add(r.sourceKind());
                    compared++;
                }
            }
        }
        assertTrue(compared >= 20, "compared " + compared);
        assertTrue(kinds.contains(SourceKind.AZURE_FIREWALL), () -> "kinds " + kinds);
        assertTrue(
                seen.containsAll(java.util.EnumSet.of(Verdict.PARTIAL, Verdict.DENIED, Verdict.ALLOWED)),
                () -> "verdicts " + seen);
    }

    @Test
    void anAseWhoseSubnetIsOnlyHalfAdmittedIsPartialWithTheExactHalves() {
        io.asegraph.policy.NetworkSecurityGroup db = new io.asegraph.policy.NetworkSecurityGroup(
                io.asegraph.topology.ResourceId.of(io.asegraph.analysis.ReferenceTopology.DB_NSG),
                "db-nsg",
                "westus",
                "",
                List.of(
                        AuditFixtures.in("allow-half", 100, io.asegraph.policy.Access.ALLOW, "10.0.1.0/27", "1433"),
                        AuditFixtures.in("deny-vnet", 200, io.asegraph.policy.Access.DENY, "VirtualNetwork", "1433")));
        AnalysisContext context = AuditFixtures.reference(AuditFixtures.seedNsgsWith(db));
        List<Reachability> rows = AuditFixtures.reachability(context).whoCanReach("db-vm-nic", 1433, Protocol.TCP);
        Reachability aseOne = rows.get(0);
        assertEquals(Verdict.PARTIAL, aseOne.verdict());
        assertEquals(AddressSet.parse("10.0.1.0/27"), aseOne.allowedSources());
        assertEquals(AddressSet.parse("10.0.1.32/27"), aseOne.deniedSources());
        FlowResult alone = new FlowAnalyzer(context).analyze("ase-one", "db-vm-nic", 1433, Protocol.TCP);
        assertEquals(alone.allowedSources(), aseOne.allowedSources());
        assertEquals(alone.deniedSources(), aseOne.deniedSources());
    }

    @Test
    void anEstateWithoutCallersIsAnEmptyResult() {
        AnalysisContext context = AuditFixtures.context(
                new io.asegraph.topology.TopologyBuilder()
                        .vnet(AuditFixtures.NET + "/virtualNetworks/v", "10.9.0.0/16")
                        .build(),
                List.of());
        assertEquals(List.of(), AuditFixtures.reachability(context).whoCanReach("8.8.8.8", 53, Protocol.UDP));
    }

    @Test
    void theMatrixHasOneRowPerCallerAndOneCellPerDestinationWithSourceKinds() {
        List<MatrixRow> grid = AuditFixtures.reachability(AuditFixtures.reference())
                .matrix(
                        List.of("app1", "orders-api", "db-vm-nic"),
                        List.of("db-vm-nic", "orders-api"),
                        443,
                        Protocol.TCP);
        List<String> cells = new ArrayList<>();
        for (MatrixRow row : grid) {
            for (MatrixRow.Cell c : row.cells()) {
                cells.add(row.from().text() + "→" + c.to().text() + " "
                        + c.flow().verdict() + " " + c.flow().callSource().kind());
            }
        }
        assertEquals(
                List.of(
                        "app1→db-vm-nic ALLOWED SUBNET_RANGE", "app1→orders-api ALLOWED PUBLIC_VIP",
                        "orders-api→db-vm-nic ALLOWED SUBNET_RANGE", "orders-api→orders-api DENIED PUBLIC_VIP",
                        "db-vm-nic→db-vm-nic ALLOWED PRIVATE_ADDRESS",
                                "db-vm-nic→orders-api UNDETERMINED UNDETERMINED"),
                cells);
    }

    @Test
    void matrixInputIsCheckedBeforeAnythingIsAnalysed() {
        ReachabilityAudit audit = AuditFixtures.reachability(AuditFixtures.reference());
        assertEquals(List.of(), audit.matrix(List.of(), List.of("db-vm-nic"), 443, Protocol.TCP));
        assertEquals(
                "UNKNOWN_REFERENCE",
                assertThrows(
                                UnknownReferenceException.class,
                                () -> audit.matrix(List.of("app1"), List.of("nowhere"), 443, Protocol.TCP))
                        .code()
                        .wire());
        assertEquals(
                "INVALID_ARGUMENT",
                assertThrows(
                                InvalidArgumentException.class,
                                () -> audit.matrix(List.of("app1"), List.of("db-vm-nic"), -1, Protocol.TCP))
                        .code()
                        .wire());
        List<String> many = Collections.nCopies(101, "app1");
        InvalidArgumentException tooBig =
                assertThrows(InvalidArgumentException.class, () -> audit.matrix(many, many, 443, Protocol.TCP));
        assertTrue(tooBig.getMessage().contains("10201 cells"), tooBig.getMessage());
    }

    @Test
    void whoCanReachRejectsAPortOutsideTheRange() {
        assertEquals(
                "INVALID_ARGUMENT",
                assertThrows(InvalidArgumentException.class, () -> AuditFixtures.reachability(AuditFixtures.reference())
                                .whoCanReach("db-vm-nic", 65536, Protocol.TCP))
                        .code()
                        .wire());
    }

    @Test
    void rowsCoverEveryAseAppAndNic() {
        AnalysisContext context = AuditFixtures.reference();
        List<Reachability> rows = AuditFixtures.reachability(context).whoCanReach("8.8.8.8", 53, Protocol.UDP);
        assertEquals(
                context.topology().environments().stream()
                        .map(AppServiceEnvironment::name)
                        .sorted()
                        .toList(),
                rows.stream()
                        .filter(r -> r.callerKind() == ReferenceKind.APP_SERVICE_ENVIRONMENT)
                        .map(Reachability::callerName)
                        .toList());
        assertEquals(
                context.topology().nics().stream().map(NetworkInterface::name).toList(),
                rows.stream()
                        .filter(r -> r.callerKind() == ReferenceKind.NETWORK_INTERFACE)
                        .map(Reachability::callerName)
                        .toList());
    }
}
