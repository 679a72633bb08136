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
        return rows.stream().map(r -> r.callerName() + " " + r.callerKind() + " " + r.verdict()).toList();
    }

    @Test
    void onTheReferenceTopologyOnlyAseOneAndItsAppsReachTheDatabase() {
        List<Reachability> rows = AuditFixtures.reachability(AuditFixtures.reference()).whoCanReach("db-vm-nic", 1433,
                Protocol.TCP);
        assertEquals(List.of(
                "ase-one APP_SERVICE_ENVIRONMENT ALLOWED", "app1 APP ALLOWED", "app2 APP ALLOWED",
                "ase-two APP_SERVICE_ENVIRONMENT DENIED", "orders-api APP DENIED",
                "db-vm-nic NETWORK_INTERFACE DENIED"), rows(rows));
        assertEquals(SourceKind.SUBNET_RANGE, rows.get(0).flow().callSource().kind());
    }

    @Test
    void onTheReferenceTopologyOnlyAseOneReachesAseTwoOnHttpsThroughItsVip() {
        List<Reachability> rows = AuditFixtures.reachability(AuditFixtures.reference()).whoCanReach("orders-api", 443,
                Protocol.TCP);
        Reachability aseOne = rows.get(0);
        assertEquals("ase-one", aseOne.callerName());
        assertEquals(Verdict.ALLOWED, aseOne.verdict());
        assertEquals(SourceKind.PUBLIC_VIP, aseOne.flow().callSource().kind());
        Reachability aseTwo = rows.stream().filter(r -> r.callerName().equals("ase-two")).findFirst().orElseThrow();
        assertEquals(Verdict.DENIED, aseTwo.verdict());
    }

    @Test
    void everyRowOfTheBatchEqualsTheFlowAskedForThatCallerAlone() {
        AnalysisContext context = AnalysisContext.of(AuditFixtures.generated(EstateSpec.SMALL, 7));
        FlowAnalyzer flows = new FlowAnalyzer(context);
        List<String> destinations = new ArrayList<>();
        context.topology().nics().stream().limit(3).forEach(n -> destinations.add(n.id().value()));
        context.topology().environments().stream().limit(2).forEach(a -> destinations.add(a.id().value()));
        for (String to : destinations) {
            for (int port : List.of(443, 1433)) {
                List<Reachability> rows = new ReachabilityAudit(context, flows).whoCanReach(to, port, Protocol.TCP);
                assertEquals(context.topology().environments().size() + context.topology().apps().size()
                        + context.topology().nics().size(), rows.size());
                for (Reachability r : rows) {
                    String caller = r.callerKind() == ReferenceKind.APP ? context.topology().app(r.caller()).orElseThrow()
                            .aseId().value() : r.caller().value();
                    FlowResult alone = flows.analyze(caller, to, port, Protocol.TCP);
                    assertEquals(alone.verdict(), r.verdict(), () -> r.callerName() + " → " + to + ":" + port);
                    assertEquals(alone.allowedSources(), r.flow().allowedSources(), () -> r.callerName() + " → " + to);
                    assertEquals(alone.callSource().kind(), r.flow().callSource().kind());
                }
            }
        }
    }

    @Test
    void anEstateWithoutCallersIsAnEmptyResult() {
        AnalysisContext context = AuditFixtures.context(new io.asegraph.topology.TopologyBuilder()
                .vnet(AuditFixtures.NET + "/virtualNetworks/v", "10.9.0.0/16").build(), List.of());
        assertEquals(List.of(), AuditFixtures.reachability(context).whoCanReach("8.8.8.8", 53, Protocol.UDP));
    }

    @Test
    void theMatrixHasOneRowPerCallerAndOneCellPerDestinationWithSourceKinds() {
        List<MatrixRow> grid = AuditFixtures.reachability(AuditFixtures.reference()).matrix(
                List.of("app1", "orders-api", "db-vm-nic"), List.of("db-vm-nic", "orders-api"), 443, Protocol.TCP);
        List<String> cells = new ArrayList<>();
        for (MatrixRow row : grid) {
            for (MatrixRow.Cell c : row.cells()) {
                cells.add(row.from().text() + "→" + c.to().text() + " " + c.flow().verdict() + " "
                        + c.flow().callSource().kind());
            }
        }
        assertEquals(List.of(
                "app1→db-vm-nic ALLOWED SUBNET_RANGE", "app1→orders-api ALLOWED PUBLIC_VIP",
                "orders-api→db-vm-nic ALLOWED SUBNET_RANGE", "orders-api→orders-api DENIED PUBLIC_VIP",
                "db-vm-nic→db-vm-nic ALLOWED PRIVATE_ADDRESS", "db-vm-nic→orders-api UNDETERMINED UNDETERMINED"), cells);
    }

    @Test
    void matrixInputIsCheckedBeforeAnythingIsAnalysed() {
        ReachabilityAudit audit = AuditFixtures.reachability(AuditFixtures.reference());
        assertEquals(List.of(), audit.matrix(List.of(), List.of("db-vm-nic"), 443, Protocol.TCP));
        assertEquals("UNKNOWN_REFERENCE", assertThrows(UnknownReferenceException.class,
                () -> audit.matrix(List.of("app1"), List.of("nowhere"), 443, Protocol.TCP)).code());
        assertEquals("INVALID_ARGUMENT", assertThrows(InvalidArgumentException.class,
                () -> audit.matrix(List.of("app1"), List.of("db-vm-nic"), -1, Protocol.TCP)).code());
        List<String> many = Collections.nCopies(101, "app1");
        InvalidArgumentException tooBig = assertThrows(InvalidArgumentException.class,
                () -> audit.matrix(many, many, 443, Protocol.TCP));
        assertTrue(tooBig.getMessage().contains("10201 cells"), tooBig.getMessage());
    }

    @Test
    void whoCanReachRejectsAPortOutsideTheRange() {
        assertEquals("INVALID_ARGUMENT", assertThrows(InvalidArgumentException.class,
                () -> AuditFixtures.reachability(AuditFixtures.reference()).whoCanReach("db-vm-nic", 65536, Protocol.TCP))
                .code());
    }

    @Test
    void rowsCoverEveryAseAppAndNic() {
        AnalysisContext context = AuditFixtures.reference();
        List<Reachability> rows = AuditFixtures.reachability(context).whoCanReach("8.8.8.8", 53, Protocol.UDP);
        assertEquals(context.topology().environments().stream().map(AppServiceEnvironment::name).sorted().toList(),
                rows.stream().filter(r -> r.callerKind() == ReferenceKind.APP_SERVICE_ENVIRONMENT).map(Reachability::callerName)
                        .toList());
        assertEquals(context.topology().nics().stream().map(NetworkInterface::name).toList(), rows.stream()
                .filter(r -> r.callerKind() == ReferenceKind.NETWORK_INTERFACE).map(Reachability::callerName).toList());
    }
}
