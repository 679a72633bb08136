package io.asegraph.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.analysis.audit.AuditChanges;
import io.asegraph.analysis.audit.Audits;
import io.asegraph.analysis.audit.ExposureAudit;
import io.asegraph.estate.Estate;
import io.asegraph.net.Protocol;
import io.asegraph.policy.PolicySet;
import io.asegraph.service.Engines;
import io.asegraph.topology.Topology;
import java.util.ArrayList;
import java.util.List;

/**
 * Test helper: asserts that two engines over one estate give the same answers — every estate-wide audit (health,
 * shadowed rules with and without default rules, exposures on two port lists, the audit changes against a base) and
 * flows from every ASE and network interface to many destinations.
 */
public final class SameAnswers {
    private static final List<Integer> PORTS = List.of(22, 443, 1433);

    private SameAnswers() {}

    /** The same estate with no index or cache shared with the snapshot: new topology and policy set objects. */
    public static Estate fresh(Estate e) {
        return new Estate(
                Topology.of(e.topology().resources()),
                PolicySet.of(e.policies().resources()),
                e.version(),
                e.unresolved());
    }

    public static void assertSameAnswers(
            Engines.Built base, Engines.Built derived, Engines.Built full, String document) {
        Audits d = derived.audits();
        Audits f = full.audits();
        assertEquals(f.environmentsHealth(), d.environmentsHealth(), "health: " + document);
        assertEquals(f.shadowedRules(false), d.shadowedRules(false), "shadowed rules: " + document);
        assertEquals(f.shadowedRules(true), d.shadowedRules(true), "shadowed rules with defaults: " + document);
        assertEquals(
                f.exposures(ExposureAudit.DEFAULT_PORTS, Protocol.TCP),
                d.exposures(ExposureAudit.DEFAULT_PORTS, Protocol.TCP),
                "exposures: " + document);
        assertEquals(
                f.exposures(List.of(443, 80), Protocol.ANY),
                d.exposures(List.of(443, 80), Protocol.ANY),
                "exposures on 443/80 any protocol: " + document);
        assertEquals(
                AuditChanges.of(base.audits(), f), AuditChanges.of(base.audits(), d), "audit changes: " + document);
        Topology t = derived.estate().topology();
        List<String> callerNames = new ArrayList<>();
        t.environments().forEach(a -> callerNames.add(a.id().value()));
        t.nics().forEach(n -> callerNames.add(n.id().value()));
        List<String> destinations = new ArrayList<>();
        t.environments().forEach(a -> destinations.add(a.id().value()));
        t.nics().stream().limit(16).forEach(n -> destinations.add(n.id().value()));
        t.endpoints().forEach(e -> destinations.add(e.id().value()));
        destinations.add("13.107.21.200");
        List<Reference> fromFull = full.flows().callers(callerNames);
        List<Reference> fromDerived = derived.flows().callers(callerNames);
        int compared = 0;
        for (String to : destinations) {
            Reference fullTarget = full.context().resolver().resolveDestination(to);
            Reference derivedTarget = derived.context().resolver().resolveDestination(to);
            assertEquals(fullTarget, derivedTarget, to);
            for (int port : PORTS) {
                for (Protocol protocol : List.of(Protocol.TCP, Protocol.ANY)) {
                    List<FlowResult> a = full.flows().analyzeMany(fromFull, fullTarget, port, protocol);
                    List<FlowResult> b = derived.flows().analyzeMany(fromDerived, derivedTarget, port, protocol);
                    assertEquals(a, b, "flows to " + to + ":" + port + "/" + protocol + " after " + document);
                    compared += a.size();
                }
            }
        }
        assertTrue(compared > 500, "many flows compared: " + compared);
    }
}
