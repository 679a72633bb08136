package io.asegraph.analysis.audit;

import static io.asegraph.net.Protocol.TCP;
import static io.asegraph.net.Protocol.UDP;
import static io.asegraph.policy.Direction.INBOUND;
import static io.asegraph.policy.Direction.OUTBOUND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.analysis.ReferenceTopology;
import io.asegraph.net.Protocol;
import io.asegraph.policy.Access;
import io.asegraph.policy.Direction;
import io.asegraph.policy.NetworkSecurityGroup;
import io.asegraph.policy.SecurityRule;
import io.asegraph.policy.ServiceTag;
import io.asegraph.topology.AseKind;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ASE v2 and v3 NSG requirements checked rule by rule against Microsoft's tables, written out here independently of
 * {@link HealthRequirements} (azure-semantics §2.5 "Required NSG entries" and §2.6; the README's health requirements
 * table): for every required port, protocol and direction, an NSG on ase-two's subnet that denies exactly that one flow
 * fails the check that names it, and one that denies a neighbouring flow (the next port outside the requirement, the
 * other protocol, another source) leaves it passing. Everything else is admitted: an allow-all inbound rule at 4000,
 * Azure's default outbound rules; the AppServiceManagement and Sql tags are imported.
 */
class AseHealthPortsTest {
    private static final String SUBNET = "10.0.1.64/26";
    private static final String OTHER_SUBNET = "10.0.2.0/24";

    /**
     * One required flow of Microsoft's table: the check reporting it, its direction, protocol and port, and the far
     * side (the source inbound, the destination outbound; "*" is any address).
     */
    record Required(AseKind kind, String check, Direction direction, Protocol protocol, int port, String remote) {
        @Override
        public String toString() {
            return kind + " " + check + " " + direction + " " + protocol + " " + port + " " + remote;
        }
    }

    /** Microsoft's tables, one row per required port. */
    static final List<Required> TABLE = List.of(
            // ASE v2, "Required NSG entries", inbound.
            new Required(AseKind.ASEV2, "inbound-management", INBOUND, TCP, 454, "AppServiceManagement"),
            new Required(AseKind.ASEV2, "inbound-management", INBOUND, TCP, 455, "AppServiceManagement"),
            new Required(AseKind.ASEV2, "inbound-load-balancer", INBOUND, TCP, 16001, "AzureLoadBalancer"),
            // ASE v2, outbound.
            new Required(AseKind.ASEV2, "outbound-dns", OUTBOUND, UDP, 53, "*"),
            new Required(AseKind.ASEV2, "outbound-ntp", OUTBOUND, UDP, 123, "*"),
            new Required(AseKind.ASEV2, "outbound-web", OUTBOUND, TCP, 80, "*"),
            new Required(AseKind.ASEV2, "outbound-web", OUTBOUND, TCP, 443, "*"),
            new Required(AseKind.ASEV2, "outbound-sql", OUTBOUND, TCP, 1433, "Sql"),
            new Required(AseKind.ASEV2, "outbound-monitoring", OUTBOUND, TCP, 12000, "*"),
            // ASE v3: Azure Load Balancer to the subnet on 80 is the one requirement.
            new Required(AseKind.ASEV3, "inbound-load-balancer", INBOUND, TCP, 80, "AzureLoadBalancer"));

    /** ASE v2: the subnet reaches itself on every port, both ways (sampled ports, both protocols). */
    static final List<Required> INTRA_SUBNET = Stream.of(INBOUND, OUTBOUND)
            .flatMap(d -> Stream.of(TCP, UDP).flatMap(p -> Stream.of(1, 8080, 65535)
                    .map(port -> new Required(
                            AseKind.ASEV2,
                            (d == INBOUND ? "inbound" : "outbound") + "-intra-subnet",
                            d,
                            p,
                            port,
                            SUBNET))))
            .toList();

    static Stream<Required> required() {
        return Stream.concat(TABLE.stream(), INTRA_SUBNET.stream());
    }

    /** The flows next to each required one that the same check does not require. */
    static Stream<Required> neighbours() {
        List<Required> out = new ArrayList<>();
        for (Required r : TABLE) {
            Set<Integer> ports = TABLE.stream()
                    .filter(o -> o.kind() == r.kind() && o.check().equals(r.check()) && o.protocol() == r.protocol())
                    .map(Required::port)
                    .collect(Collectors.toSet());
            for (int port : List.of(r.port() - 1, r.port() + 1)) {
                if (!ports.contains(port)) {
                    out.add(new Required(r.kind(), r.check(), r.direction(), r.protocol(), port, r.remote()));
                }
            }
            Protocol other = r.protocol() == TCP ? UDP : TCP;
            out.add(new Required(r.kind(), r.check(), r.direction(), other, r.port(), r.remote()));
        }
        for (Required r : INTRA_SUBNET) {
            out.add(new Required(r.kind(), r.check(), r.direction(), r.protocol(), r.port(), OTHER_SUBNET));
        }
        return out.stream().distinct();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("required")
    void denyingExactlyARequiredFlowFailsItsCheckNamingTheDeny(Required r) {
        HealthCheck check = check(r, deny(r));
        assertEquals(CheckStatus.FAIL, check.status(), r + ": " + check);
        assertTrue(
                check.decidedBy().contains("ase-two-nsg securityRules/deny-exactly (priority 100, Deny)"),
                r + ": " + check.decidedBy());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("neighbours")
    void denyingANeighbouringFlowLeavesTheCheckPassing(Required r) {
        HealthCheck check = check(r, deny(r));
        assertEquals(CheckStatus.PASS, check.status(), r + ": " + check);
    }

    @org.junit.jupiter.api.Test
    void theTableHereCoversEveryNsgCheckOfV2AndV3AndNoOther() {
        for (AseKind kind : List.of(AseKind.ASEV2, AseKind.ASEV3)) {
            Set<String> mine = required()
                    .filter(r -> r.kind() == kind)
                    .map(Required::check)
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> service = HealthRequirements.forKind(kind).stream()
                    .filter(h -> h instanceof HealthRequirement.Nsg)
                    .map(HealthRequirement::name)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(mine, service, kind.name());
        }
    }

    /** A rule denying exactly the flow {@code r} (any address on the ASE's own side, but the subnet itself). */
    private static SecurityRule deny(Required r) {
        String local = r.check().endsWith("intra-subnet") ? SUBNET : "*";
        String source = r.direction() == INBOUND ? r.remote() : local;
        String destination = r.direction() == INBOUND ? local : r.remote();
        return AuditFixtures.rule(
                "deny-exactly",
                100,
                r.direction(),
                Access.DENY,
                r.protocol(),
                List.of(source),
                List.of("*"),
                List.of(destination),
                List.of(Integer.toString(r.port())));
    }

    private static HealthCheck check(Required r, SecurityRule deny) {
        SecurityRule allowIn = AuditFixtures.rule(
                "allow-all-in",
                4000,
                INBOUND,
                Access.ALLOW,
                Protocol.ANY,
                List.of("*"),
                List.of("*"),
                List.of("*"),
                List.of("*"));
        NetworkSecurityGroup nsg = new NetworkSecurityGroup(
                ResourceId.of(ReferenceTopology.ASE_TWO_NSG), "ase-two-nsg", "westus", "", List.of(deny, allowIn));
        Topology topology = EnvironmentHealthAuditTest.withKind(r.kind()).build();
        ServiceTag management = AuditFixtures.tag("AppServiceManagement", "70.37.57.58/32", "157.55.208.185/32");
        ServiceTag sql = AuditFixtures.tag("Sql", "40.112.240.0/20");
        EnvironmentHealth h = new EnvironmentHealthAudit(
                        AuditFixtures.context(topology, AuditFixtures.seedNsgsWith(nsg), management, sql))
                .all().stream()
                        .filter(e -> e.name().equals("ase-two"))
                        .findFirst()
                        .orElseThrow();
        assertEquals(r.kind(), h.kind());
        return h.checks().stream()
                .filter(c -> c.name().equals(r.check()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no check " + r.check() + " in " + h.checks()));
    }
}
