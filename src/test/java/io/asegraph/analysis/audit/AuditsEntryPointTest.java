package io.asegraph.analysis.audit;

import static io.asegraph.analysis.audit.AuditFixtures.in;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.analysis.AnalysisContext;
import io.asegraph.analysis.FlowAnalyzer;
import io.asegraph.analysis.InvalidArgumentException;
import io.asegraph.analysis.ReferenceTopology;
import io.asegraph.estate.Estate;
import io.asegraph.net.Protocol;
import io.asegraph.policy.Access;
import io.asegraph.policy.NetworkSecurityGroup;
import io.asegraph.policy.PolicySet;
import io.asegraph.policy.Verdict;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Audits}, the entry point of the audit API: references resolved as the API takes them, estate-wide answers
 * computed once, and audits derived from another estate's when only NSGs changed.
 */
class AuditsEntryPointTest {
    private static final List<Integer> HTTPS = List.of(443);

    private static Audits audits(AnalysisContext context) {
        return new Audits(context, new FlowAnalyzer(context));
    }

    private static Audits reference() {
        return audits(AuditFixtures.reference());
    }

    /**
     * The seed's NSGs with ase-two-nsg opening HTTPS to the whole Internet (priority 150) above its rule that admits
     * HTTPS from ase-one's VIP only (300), which that makes redundant: the VIP is an Internet address.
     */
    private static List<NetworkSecurityGroup> changedNsgs() {
        NetworkSecurityGroup seededAseTwo = ReferenceTopology.nsgs().get(0);
        List<io.asegraph.policy.SecurityRule> rules = new ArrayList<>();
        rules.add(in("allow-https-internet", 150, Access.ALLOW, "Internet", "443"));
        rules.addAll(seededAseTwo.rules());
        NetworkSecurityGroup aseTwo =
                new NetworkSecurityGroup(seededAseTwo.id(), seededAseTwo.name(), "westus", "", rules);
        return AuditFixtures.seedNsgsWith(aseTwo);
    }

    /** The reference estate with {@code nsgs}, on the very topology object of {@code base} (a policy-only change). */
    private static AnalysisContext policyChange(AnalysisContext base, List<NetworkSecurityGroup> nsgs) {
        Estate proposed = new Estate(base.topology(), new PolicySet(nsgs, List.of(), List.of()), 2);
        return AnalysisContext.derive(base, proposed);
    }

    /** The audits of the reference estate changed by {@link #changedNsgs}, derived from the reference's audits. */
    private static Audits derivedFromReference() {
        AnalysisContext before = AuditFixtures.reference();
        AnalysisContext after = policyChange(before, changedNsgs());
        return Audits.derive(audits(before), after, new FlowAnalyzer(after));
    }

    @Test
    void auditsDerivedAfterAnNsgChangeAnswerAsFreshAuditsOfTheChangedEstate() {
        AnalysisContext before = AuditFixtures.reference();
        Audits base = audits(before);
        assertFalse(base.derived());
        AnalysisContext after = policyChange(before, changedNsgs());
        Audits derived = Audits.derive(base, after, new FlowAnalyzer(after));
        assertTrue(derived.derived(), "only ase-two-nsg changed: the base's answers are reused");
        assertSame(after, derived.context());
        Audits fresh = audits(after);

        // The change shows: ase-two is now exposed on 443 to the whole Internet, and RESTRICT-HTTPS is redundant.
        List<Exposure> exposures = derived.exposures(HTTPS, Protocol.TCP);
        assertEquals(fresh.exposures(HTTPS, Protocol.TCP), exposures);
        assertTrue(
                exposures.stream()
                        .anyMatch(e -> e.target().equals(ResourceId.of(ReferenceTopology.ASE_TWO))
                                && e.admittedBy().stream().anyMatch(r -> r.contains("allow-https-internet"))),
                exposures::toString);
        List<ShadowedRule> shadows = derived.shadowedRules(false);
        assertEquals(fresh.shadowedRules(false), shadows);
        assertEquals(
                List.of("ase-two-nsg securityRules/RESTRICT-HTTPS"),
                shadows.stream().map(r -> r.nsgName() + " " + r.ruleName()).toList());
        assertEquals(fresh.shadowedRules(true), derived.shadowedRules(true));
        assertEquals(fresh.environmentsHealth(), derived.environmentsHealth());
        assertEquals(List.of(), base.shadowedRules(false), "the base's answers are its own estate's");
    }

    @Test
    void warmingComputesTheDashboardAnswersAndDropsTheBase() {
        Audits derived = derivedFromReference();
        AnalysisContext after = derived.context();
        derived.warm();
        assertFalse(derived.derived(), "warmed audits hold their answers and no longer need the base");
        Audits fresh = audits(after);
        assertEquals(fresh.environmentsHealth(), derived.environmentsHealth());
        assertEquals(fresh.shadowedRules(false), derived.shadowedRules(false));
        assertEquals(
                fresh.exposures(ExposureAudit.DEFAULT_PORTS, Protocol.TCP),
                derived.exposures(ExposureAudit.DEFAULT_PORTS, Protocol.TCP));
        // A warmed derived audit is a base like any other: the next change is derived from it.
        AnalysisContext third = policyChange(after, ReferenceTopology.nsgs());
        Audits next = Audits.derive(derived, third, new FlowAnalyzer(third));
        assertTrue(next.derived());
        assertEquals(List.of(), next.shadowedRules(false), "back to the seed's NSGs: nothing shadowed");
    }

    @Test
    void auditsAreNotDerivedFromAnUnwarmedDerivedBaseNorAcrossATopologyChange() {
        Audits derived = derivedFromReference();
        AnalysisContext after = derived.context();
        AnalysisContext third = policyChange(after, ReferenceTopology.nsgs());
        Audits chained = Audits.derive(derived, third, new FlowAnalyzer(third));
        assertFalse(chained.derived(), "deriving from an unwarmed derived audit would chain snapshots");
        assertEquals(List.of(), chained.shadowedRules(false));

        Topology other = ReferenceTopology.topology(); // an equal topology, but another object: not NSG-only
        AnalysisContext rebuilt = AuditFixtures.context(other, changedNsgs());
        Audits fresh = Audits.derive(reference(), rebuilt, new FlowAnalyzer(rebuilt));
        assertFalse(fresh.derived());
        assertEquals(1, fresh.shadowedRules(false).size());
    }

    @Test
    void oneAsesHealthIsFoundByNameAppOrAddressAndServedFromTheEstateWideAnswerOnceComputed() {
        Audits audits = reference();
        EnvironmentHealth byName = audits.environmentHealth("ase-two");
        assertEquals("ase-two", byName.name());
        assertEquals(ResourceId.of(ReferenceTopology.ASE_TWO), byName.environment());
        assertEquals(byName, audits.environmentHealth("orders-api"), "an app's health is its ASE's");
        assertEquals(byName, audits.environmentHealth("192.23.2.4"), "ase-two's VIP names ase-two");
        assertEquals("ase-one", audits.environmentHealth(ReferenceTopology.APP1).name());

        List<EnvironmentHealth> all = audits.environmentsHealth();
        assertSame(all, audits.environmentsHealth(), "computed once per estate");
        assertSame(all.get(1), audits.environmentHealth("ase-two"), "served from the estate-wide answer");
        assertSame(all.get(0), audits.environmentHealth("ase-one"));
        assertEquals(byName, all.get(1));
    }

    @Test
    void somethingThatIsNotAnAseHasNoHealth() {
        Audits audits = reference();
        assertEquals(
                "'8.8.8.8' is an address no ASE holds; name an App Service Environment",
                assertThrows(InvalidArgumentException.class, () -> audits.environmentHealth("8.8.8.8"))
                        .getMessage());
        assertEquals(
                "'db-vm-nic' is a network interface, not an App Service Environment",
                assertThrows(InvalidArgumentException.class, () -> audits.environmentHealth("db-vm-nic"))
                        .getMessage());
    }

    @Test
    void anAppWhoseAseIsNotInTheSnapshotHasNoHealthAndSaysWhere() {
        String missingAse = ReferenceTopology.WEB + "/hostingEnvironments/gone";
        Topology topology = ReferenceTopology.builder()
                .app(ReferenceTopology.WEB + "/sites/orphan", missingAse, "orphan.gone.p.azurewebsites.net")
                .build();
        Audits audits = audits(AuditFixtures.context(topology, ReferenceTopology.nsgs()));
        assertEquals(
                "app orphan is hosted on " + missingAse + ", which is not in the snapshot",
                assertThrows(InvalidArgumentException.class, () -> audits.environmentHealth("orphan"))
                        .getMessage());
    }

    @Test
    void oneNsgsShadowedRulesAreAskedByNameAndOnlyOfAnNsg() {
        Audits audits = audits(AuditFixtures.context(ReferenceTopology.topology(), changedNsgs()));
        assertEquals(
                List.of("securityRules/RESTRICT-HTTPS"),
                audits.shadowedRules("ase-two-nsg", false).stream()
                        .map(ShadowedRule::ruleName)
                        .toList());
        assertEquals(List.of(), audits.shadowedRules("db-nsg", false));
        assertEquals(
                "'db-vm-nic' is a network interface, not a network security group",
                assertThrows(InvalidArgumentException.class, () -> audits.shadowedRules("db-vm-nic", false))
                        .getMessage());
    }

    @Test
    void exposuresAreComputedOncePerQuestionWhateverTheOrderOfItsPorts() {
        Audits audits = reference();
        List<Exposure> first = audits.exposures(List.of(443, 454), Protocol.TCP);
        assertFalse(first.isEmpty());
        assertSame(first, audits.exposures(List.of(454, 443, 454), Protocol.TCP), "the same question");
        List<Exposure> udp = audits.exposures(List.of(443, 454), Protocol.UDP);
        assertNotSame(first, udp, "another protocol is another question");
        assertEquals(
                new ExposureAudit(AuditFixtures.reference()).exposures(List.of(443), Protocol.TCP),
                audits.exposures(List.of(443), Protocol.TCP));
        assertThrows(InvalidArgumentException.class, () -> audits.exposures(List.of(443, 70000), Protocol.TCP));
        assertThrows(InvalidArgumentException.class, () -> audits.exposures(List.of(-1), Protocol.TCP));
    }

    @Test
    void theCachesOfQuestionsAreBoundedSoNewQuestionsEvictOldAnswers() {
        Audits audits = reference();
        List<Exposure> first = audits.exposures(List.of(443, 454), Protocol.TCP);
        assertFalse(first.isEmpty(), "an answer of its own, not the shared empty list");
        List<Reachability> reach = audits.whoCanReach("8.8.8.8", 1, Protocol.UDP);
        for (int port = 2; port <= 100; port++) {
            audits.exposures(List.of(port), Protocol.TCP);
            audits.whoCanReach("8.8.8.8", port, Protocol.UDP);
        }
        List<Exposure> again = audits.exposures(List.of(443, 454), Protocol.TCP);
        assertNotSame(first, again, "a hundred questions later the first answer was evicted");
        assertEquals(first, again);
        List<Reachability> reachAgain = audits.whoCanReach("8.8.8.8", 1, Protocol.UDP);
        assertNotSame(reach, reachAgain);
        assertEquals(reach, reachAgain);
    }

    @Test
    void whoCanReachIsComputedOncePerDestinationPortAndProtocol() {
        Audits audits = reference();
        List<Reachability> db = audits.whoCanReach("db-vm-nic", 1433, Protocol.TCP);
        assertSame(db, audits.whoCanReach("db-vm-nic", 1433, Protocol.TCP));
        assertSame(db, audits.whoCanReach(ReferenceTopology.DB_NIC, 1433, Protocol.TCP), "the same NIC by id");
        assertEquals(
                List.of(Verdict.ALLOWED, Verdict.ALLOWED, Verdict.ALLOWED, Verdict.DENIED, Verdict.DENIED),
                db.stream().map(Reachability::verdict).toList());
        // Two ASEs, two addresses, two ports: each its own question, never another's answer.
        List<Reachability> aseOne = audits.whoCanReach("ase-one", 443, Protocol.TCP);
        List<Reachability> aseTwo = audits.whoCanReach("ase-two", 443, Protocol.TCP);
        assertEquals(List.of("ase-two"), aseNames(aseOne), "ase-one is not its own caller");
        assertEquals(List.of("ase-one"), aseNames(aseTwo));
        List<Reachability> google = audits.whoCanReach("8.8.8.8", 53, Protocol.UDP);
        List<Reachability> other = audits.whoCanReach("8.8.4.4", 53, Protocol.UDP);
        assertNotSame(google, other);
        assertNotSame(google, audits.whoCanReach("8.8.8.8", 53, Protocol.TCP));
        assertNotSame(google, audits.whoCanReach("8.8.8.8", 54, Protocol.UDP));
        assertThrows(InvalidArgumentException.class, () -> audits.whoCanReach("db-vm-nic", 65536, Protocol.TCP));
        assertThrows(
                InvalidArgumentException.class,
                () -> audits.whoCanReach("nowhere", 65536, Protocol.TCP),
                "the port is checked before the destination is resolved");
    }

    private static List<String> aseNames(List<Reachability> rows) {
        return rows.stream()
                .filter(r -> r.callerKind() == io.asegraph.analysis.ReferenceKind.APP_SERVICE_ENVIRONMENT)
                .map(Reachability::callerName)
                .toList();
    }

    @Test
    void requiredAccessAndTheMatrixAnswerThroughTheAudits() {
        AnalysisContext context = AuditFixtures.reference();
        Audits audits = audits(context);
        RequiredAccess allowed = audits.requiredAccess("ase-one", "db-vm-nic", 1433, Protocol.TCP);
        assertTrue(allowed.satisfied());
        assertEquals(Verdict.ALLOWED, allowed.verdict());
        RequiredAccess denied = audits.requiredAccess(
                context.resolver().resolveCaller("ase-two"),
                context.resolver().resolveDestination("db-vm-nic"),
                1433,
                Protocol.TCP);
        assertFalse(denied.satisfied(), "db-nsg denies SQL from the VNet but ase-one");
        assertEquals(Verdict.DENIED, denied.verdict());
        assertThrows(
                InvalidArgumentException.class,
                () -> audits.requiredAccess("ase-one", "db-vm-nic", 65536, Protocol.TCP));
        assertThrows(
                InvalidArgumentException.class,
                () -> audits.requiredAccess("nowhere", "db-vm-nic", 65536, Protocol.TCP),
                "the port is checked before the references are resolved");
        assertThrows(
                InvalidArgumentException.class,
                () -> audits.requiredAccess(
                        context.resolver().resolveCaller("ase-one"),
                        context.resolver().resolveDestination("db-vm-nic"),
                        -1,
                        Protocol.TCP));
        List<MatrixRow> grid =
                audits.reachabilityMatrix(List.of("app1", "orders-api"), List.of("db-vm-nic"), 1433, Protocol.TCP);
        assertEquals(
                List.of(Verdict.ALLOWED, Verdict.DENIED),
                grid.stream().map(r -> r.cells().get(0).flow().verdict()).toList());
    }
}
