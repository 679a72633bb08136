package io.asegraph.analysis.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.analysis.ReferenceTopology;
import io.asegraph.net.AddressSet;
import io.asegraph.net.Ipv4;
import io.asegraph.topology.AseKind;
import io.asegraph.topology.NetworkInterface;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The small records of the health audit: the order of outcomes (FAIL over WARN over PASS), an ASE's status and
 * health from its checks, an NSG outcome's deciding rules (denying first, no repeats), the documentation pages, and
 * where each NSG is applied (subnets first, then network interfaces, in their subnet's context).
 */
class HealthRecordsTest {
    private static final ResourceId ASE = ResourceId.of(ReferenceTopology.ASE_TWO);

    private static HealthCheck check(String name, CheckStatus status) {
        return new HealthCheck(name, status, "required", "found", List.of());
    }

    @Test
    void theWorstOutcomeIsFailThenWarnThenPassWhicheverWayItIsAsked() {
        for (CheckStatus s : CheckStatus.values()) {
            assertEquals(s, s.worst(s));
            assertEquals(s, s.worst(CheckStatus.PASS));
            assertEquals(s, CheckStatus.PASS.worst(s));
            assertEquals(CheckStatus.FAIL, s.worst(CheckStatus.FAIL));
            assertEquals(CheckStatus.FAIL, CheckStatus.FAIL.worst(s));
        }
        assertEquals(CheckStatus.WARN, CheckStatus.WARN.worst(CheckStatus.PASS));
        assertEquals(CheckStatus.WARN, CheckStatus.PASS.worst(CheckStatus.WARN));
    }

    /** An ASE whose checks a, b, c... have {@code statuses}. */
    private static EnvironmentHealth health(AseKind kind, CheckStatus... statuses) {
        List<HealthCheck> checks = new ArrayList<>();
        for (CheckStatus s : statuses) {
            checks.add(check(Character.toString((char) ('a' + checks.size())), s));
        }
        return EnvironmentHealth.of(ASE, "ase-two", kind, checks);
    }

    @Test
    void anAseIsHealthyOnlyWhenEveryCheckPassesAndItsStatusIsTheWorstCheck() {
        EnvironmentHealth none = EnvironmentHealth.of(ASE, "ase-two", AseKind.ASEV1, List.of());
        assertTrue(none.healthy());
        assertEquals(CheckStatus.PASS, none.status());
        EnvironmentHealth warned = health(AseKind.ASEV2, CheckStatus.PASS, CheckStatus.WARN, CheckStatus.PASS);
        assertFalse(warned.healthy());
        assertEquals(CheckStatus.WARN, warned.status());
        EnvironmentHealth failed = health(AseKind.ASEV3, CheckStatus.FAIL, CheckStatus.WARN, CheckStatus.PASS);
        assertFalse(failed.healthy());
        assertEquals(CheckStatus.FAIL, failed.status());
        assertEquals(
                List.of("a", "b", "c"),
                failed.checks().stream().map(HealthCheck::name).toList());
        assertEquals(AseKind.ASEV3, failed.kind());
    }

    @Test
    void aChecksRulesAreACopyAndItsFieldsAreRequired() {
        List<String> rules = new ArrayList<>(List.of("nsg securityRules/a"));
        HealthCheck c = new HealthCheck("x", CheckStatus.PASS, "r", "d", rules);
        rules.add("nsg securityRules/b");
        assertEquals(List.of("nsg securityRules/a"), c.decidedBy());
        assertThrows(NullPointerException.class, () -> new HealthCheck(null, CheckStatus.PASS, "r", "d", List.of()));
        assertThrows(NullPointerException.class, () -> new HealthCheck("x", null, "r", "d", List.of()));
        assertThrows(NullPointerException.class, () -> new HealthCheck("x", CheckStatus.PASS, null, "d", List.of()));
        assertThrows(NullPointerException.class, () -> new HealthCheck("x", CheckStatus.PASS, "r", null, List.of()));
    }

    @Test
    void theDecidingRulesAreTheDenyingThenTheAllowingOnesEachOnce() {
        NsgOutcome o = new NsgOutcome(
                false,
                true,
                List.of(),
                AddressSet.EMPTY,
                List.of("n securityRules/allow-a", "n securityRules/both"),
                List.of("n securityRules/deny-b", "n securityRules/both"),
                List.of());
        assertEquals(
                List.of("n securityRules/deny-b", "n securityRules/both", "n securityRules/allow-a"), o.deciding());
    }

    @Test
    void everyPageIsOnLearnMicrosoftComUnderTheAppServiceEnvironmentDocs() {
        for (AseDocumentation d : AseDocumentation.values()) {
            assertTrue(
                    d.url().startsWith("https://learn.microsoft.com/azure/app-service/environment/"),
                    d + " " + d.url());
            assertFalse(d.title().isBlank(), d.toString());
        }
        assertEquals(
                "https://learn.microsoft.com/azure/app-service/environment/networking",
                AseDocumentation.V3_NETWORKING.url());
        assertEquals("ASE v3: networking", AseDocumentation.V3_NETWORKING.title());
    }

    private static NetworkInterface nic(String name, String subnet, Optional<String> nsg) {
        return new NetworkInterface(
                ResourceId.of(AuditFixtures.NET + "/networkInterfaces/" + name),
                name,
                "westus",
                ResourceId.of(subnet),
                Ipv4.parse("10.0.2.9"),
                nsg.map(ResourceId::of),
                List.of(),
                List.of(),
                "");
    }

    @Test
    void anNsgIsPlacedOnItsSubnetsFirstThenOnItsNicsInTheirSubnetsContext() {
        String stray = ReferenceTopology.VNET + "/subnets/not-imported";
        Topology topology = ReferenceTopology.builder()
                .add(nic("pl-nic", ReferenceTopology.DB_SUBNET, Optional.of(ReferenceTopology.ASE_TWO_NSG)))
                .add(nic("pl-orphan", stray, Optional.of(ReferenceTopology.ASE_TWO_NSG)))
                .add(nic("pl-bare", ReferenceTopology.DB_SUBNET, Optional.empty()))
                .build();
        NsgPlacements placements = new NsgPlacements(topology);
        List<NsgPlacements.Placement> two = placements.of(ResourceId.of(ReferenceTopology.ASE_TWO_NSG));
        assertEquals(
                List.of(
                        ResourceId.of(ReferenceTopology.ASE_TWO_SUBNET),
                        ResourceId.of(AuditFixtures.NET + "/networkInterfaces/pl-nic")),
                two.stream().map(NsgPlacements.Placement::appliedTo).toList());
        assertEquals(
                List.of("ase-two-subnet", "db-subnet"),
                two.stream().map(p -> p.subnet().name()).toList());
        List<NsgPlacements.Placement> db = placements.of(ResourceId.of(ReferenceTopology.DB_NSG));
        assertEquals(
                List.of(ResourceId.of(ReferenceTopology.DB_NIC)),
                db.stream().map(NsgPlacements.Placement::appliedTo).toList());
        assertEquals(List.of(), placements.of(ResourceId.of(AuditFixtures.nsgId("attached-nowhere"))));
        assertThrows(UnsupportedOperationException.class, () -> two.add(two.get(0)));
    }
}
