package io.asegraph.analysis.audit;

import static io.asegraph.analysis.audit.AuditFixtures.in;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.asegraph.analysis.AnalysisContext;
import io.asegraph.analysis.ReferenceTopology;
import io.asegraph.policy.Access;
import io.asegraph.policy.NetworkSecurityGroup;
import io.asegraph.topology.AppServiceEnvironment;
import io.asegraph.topology.AseKind;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.Topology;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The audit over every ASE: ordered by name without regard to case (then by id), an ASE whose subnet is not imported
 * reported as one WARN, and {@code derive} checking again only the ASEs whose subnet NSG changed.
 */
class EnvironmentHealthBatchTest {
    private static final String WEB = ReferenceTopology.WEB + "/hostingEnvironments/";

    private static AppServiceEnvironment ase(String id, String name, String subnet) {
        return new AppServiceEnvironment(
                ResourceId.of(WEB + id),
                name,
                "westus",
                AseKind.ASEV1,
                "None",
                ResourceId.of(subnet),
                Optional.empty(),
                List.of(),
                Optional.empty(),
                List.of(),
                List.of());
    }

    private static NetworkSecurityGroup aseTwoNsgDenyingManagement() {
        return new NetworkSecurityGroup(
                ResourceId.of(ReferenceTopology.ASE_TWO_NSG),
                "ase-two-nsg",
                "westus",
                "",
                List.of(in("deny-mgmt", 100, Access.DENY, "*", "454-455")));
    }

    @Test
    void asesAreOrderedByNameIgnoringCaseThenById() {
        Topology topology = ReferenceTopology.builder()
                .add(ase("b-second", "Bravo", ReferenceTopology.DB_SUBNET))
                .add(ase("a-first", "Bravo", ReferenceTopology.DB_SUBNET))
                .add(ase("zed", "alpha", ReferenceTopology.DB_SUBNET))
                .build();
        List<EnvironmentHealth> all =
                new EnvironmentHealthAudit(AuditFixtures.context(topology, ReferenceTopology.nsgs())).all();
        assertEquals(
                List.of("alpha", "ase-one", "ase-two", "Bravo", "Bravo"),
                all.stream().map(EnvironmentHealth::name).toList());
        assertEquals(ResourceId.of(WEB + "a-first"), all.get(3).environment());
        assertEquals(ResourceId.of(WEB + "b-second"), all.get(4).environment());
    }

    @Test
    void anAseWhoseSubnetIsNotImportedHasOneWarningNamingTheSubnet() {
        String gone = ReferenceTopology.VNET + "/subnets/not-imported";
        Topology topology =
                ReferenceTopology.builder().add(ase("lost", "lost-ase", gone)).build();
        EnvironmentHealth h = new EnvironmentHealthAudit(AuditFixtures.context(topology, ReferenceTopology.nsgs()))
                .all().stream()
                        .filter(e -> e.name().equals("lost-ase"))
                        .findFirst()
                        .orElseThrow();
        assertEquals(CheckStatus.WARN, h.status());
        assertEquals(1, h.checks().size());
        HealthCheck c = h.checks().get(0);
        assertEquals("subnet", c.name());
        assertEquals(CheckStatus.WARN, c.status());
        assertEquals("The ASE's subnet is in the snapshot.", c.requirement());
        assertEquals(
                "lost-ase names subnet " + gone + ", which is not in the snapshot: nothing can be checked.",
                c.detail());
        assertEquals(List.of(), c.decidedBy());
        assertEquals(AseKind.ASEV1, h.kind());
    }

    @Test
    void twoAsesInOneSubnetEachNameTheOtherAndAnAseAloneHoldsItsSubnetOnly() {
        Topology topology = ReferenceTopology.builder()
                .add(ase("neighbour", "neighbour-ase", ReferenceTopology.ASE_TWO_SUBNET))
                .build();
        List<EnvironmentHealth> all =
                new EnvironmentHealthAudit(AuditFixtures.context(topology, ReferenceTopology.nsgs())).all();
        HealthCheck two = exclusive(all, "ase-two");
        assertEquals(CheckStatus.FAIL, two.status());
        assertEquals("ase-two-subnet (10.0.1.64/26) also holds ASE neighbour-ase.", two.detail());
        HealthCheck neighbour = exclusive(all, "neighbour-ase");
        assertEquals("ase-two-subnet (10.0.1.64/26) also holds ASE ase-two.", neighbour.detail());
        HealthCheck one = exclusive(all, "ase-one");
        assertEquals(CheckStatus.PASS, one.status());
        assertEquals("ase-one-subnet (10.0.1.0/26) holds only ase-one.", one.detail());
        assertEquals(
                "The ASE subnet holds nothing but the ASE: other resources deployed there block the ASE from reaching"
                        + " them, and creation requires an empty subnet.",
                one.requirement());
    }

    private static HealthCheck exclusive(List<EnvironmentHealth> all, String ase) {
        return HealthChecks.of(all, ase, "subnet-exclusive");
    }

    @Test
    void deriveChecksAgainOnlyTheAsesWhoseSubnetNsgChanged() {
        AnalysisContext before = AuditFixtures.reference();
        List<EnvironmentHealth> old = new EnvironmentHealthAudit(before).all();
        AnalysisContext after = AuditFixtures.reference(AuditFixtures.seedNsgsWith(aseTwoNsgDenyingManagement()));
        EnvironmentHealthAudit audit = new EnvironmentHealthAudit(after);
        List<EnvironmentHealth> derived = audit.derive(old, Set.of(ResourceId.of(ReferenceTopology.ASE_TWO_NSG)));
        assertEquals(audit.all(), derived);
        assertEquals(CheckStatus.FAIL, derived.get(1).status());
        // ase-one has no NSG: its health is the one computed before, not a new one.
        assertSame(old.get(0), derived.get(0));
    }

    @Test
    void deriveKeepsTheHealthOfAsesWhoseNsgIsNotAmongTheChanged() {
        List<EnvironmentHealth> old = new EnvironmentHealthAudit(AuditFixtures.reference()).all();
        EnvironmentHealthAudit audit = new EnvironmentHealthAudit(
                AuditFixtures.reference(AuditFixtures.seedNsgsWith(aseTwoNsgDenyingManagement())));
        List<EnvironmentHealth> derived = audit.derive(old, Set.of(ResourceId.of(ReferenceTopology.DB_NSG)));
        assertSame(old.get(0), derived.get(0));
        assertSame(old.get(1), derived.get(1));
        assertEquals(CheckStatus.PASS, derived.get(1).status());
    }
}
