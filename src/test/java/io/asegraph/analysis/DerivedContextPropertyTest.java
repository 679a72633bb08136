package io.asegraph.analysis;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.analysis.audit.AuditChanges;
import io.asegraph.bench.EstateSpec;
import io.asegraph.estate.Estate;
import io.asegraph.graph.GraphImporter;
import io.asegraph.graph.WhatIfPlanner;
import io.asegraph.net.PortRange;
import io.asegraph.net.Protocol;
import io.asegraph.policy.Access;
import io.asegraph.policy.Direction;
import io.asegraph.policy.NetworkSecurityGroup;
import io.asegraph.policy.PolicySet;
import io.asegraph.policy.SecurityRule;
import io.asegraph.service.Engines;
import io.asegraph.topology.NetworkInterface;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.RouteTable;
import io.asegraph.topology.Subnet;
import io.asegraph.topology.Topology;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Property: the engine of a proposed estate derived from the snapshot's ({@link Engines#derive}: shared topology
 * indexes and routing, audits recomputed only where the changed NSGs apply) answers exactly as one built from scratch
 * ({@link Engines#build}) — flows from every ASE and network interface to many destinations, and every estate-wide
 * audit (health of every ASE, shadowed rules with and without default rules, exposures on two port lists, and the
 * what-if's audit changes) — for random NSG-rule edits (rules added, replaced, removed, several at once, on NSGs at
 * subnets and network interfaces) on an estate from the bench generator. A change that is not NSGs only (a route) is
 * built in full, and answers the same.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DerivedContextPropertyTest {
    private static final String[] PREFIXES = {
        "*",
        "Internet",
        "VirtualNetwork",
        "AzureLoadBalancer",
        "10.0.0.0/8",
        "203.0.113.0/24",
        "Sql",
        "Storage",
        "AppServiceManagement",
        "192.168.0.0/16"
    };
    private static final String[] PORT_RANGES = {"*", "22", "443", "1433", "3389", "1000-2000", "80-443"};

    private final WhatIfPlanner planner = new WhatIfPlanner(new GraphImporter(null, null));
    /** The generated estate's engine, its audits warmed (as the service warms them before a what-if reads them). */
    private Engines.Built generated;

    @BeforeAll
    void load() {
        Estate estate = GeneratedEstates.load(new EstateSpec(4, 24, 4, 8, 16, 8, 60, 2, 4, 2, 2, 5, 4, 40), 42);
        generated = warm(estate);
    }

    private static Engines.Built warm(Estate estate) {
        Engines.Built b = Engines.build(estate);
        b.audits().warm();
        return b;
    }

    @ParameterizedTest(name = "random NSG edits on the generated estate, seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void derivedEngineAnswersAsAFullBuild(long seed) {
        derivedAnswersAsFull(generated, seed);
    }

    @ParameterizedTest(name = "random NSG edits on a random estate with exposed ASEs, seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void derivedEngineAnswersAsAFullBuildOnRandomEstates(long seed) {
        Engines.Built base = warm(new FlowBatchPropertyTest.RandomEstate(seed).estate());
        assertFalse(base.audits().exposures(List.of(443, 80), Protocol.ANY).isEmpty(), "exposures to vary");
        for (long edit = 1; edit <= 2; edit++) {
            Random random = new Random(seed * 100 + edit);
            List<String> what = new ArrayList<>();
            Estate proposed = randomRecords(base, random, 1 + random.nextInt(3), what);
            derivedAnswersAsFull(base, proposed, String.join("; ", what));
        }
    }

    private void derivedAnswersAsFull(Engines.Built base, long seed) {
        Random random = new Random(seed);
        String document = randomEdits(base, random, 1 + random.nextInt(3));
        derivedAnswersAsFull(base, propose(base, document), document);
    }

    private void derivedAnswersAsFull(Engines.Built base, Estate proposed, String document) {
        Engines.Built derived = Engines.derive(base, proposed);
        Engines.Built full = Engines.build(SameAnswers.fresh(proposed));
        assertTrue(
                derived.audits().derived(),
                () -> "an NSG-only change is derived: " + document + " topology "
                        + (proposed.topology() == base.estate().topology()) + " unresolved "
                        + proposed.unresolved().equals(base.estate().unresolved()) + " changes "
                        + derived.context().nsgChangesSince(base.context()) + " asgs "
                        + proposed.policies().asgs().size() + "/"
                        + base.estate().policies().asgs().size());
        assertSame(base.context().topology(), derived.context().topology(), "the topology is shared");
        assertSame(base.context().routing(), derived.context().routing(), "routing is shared");
        assertNotSame(base.context().topology(), full.context().topology());
        SameAnswers.assertSameAnswers(base, derived, full, document);
    }

    @Test
    void theRandomEditsChangeAudits() {
        // The properties above are only worth something if the edits change answers: many of them do.
        int edits = 0;
        int changed = 0;
        List<Engines.Built> bases = new ArrayList<>(List.of(generated));
        for (long seed = 1; seed <= 4; seed++) {
            bases.add(warm(new FlowBatchPropertyTest.RandomEstate(seed).estate()));
        }
        for (int i = 0; i < bases.size(); i++) {
            Engines.Built base = bases.get(i);
            for (long edit = 1; edit <= (i == 0 ? 8 : 2); edit++) {
                long seed = i == 0 ? edit : i * 100 + edit;
                Random random = new Random(seed);
                Estate proposed = i == 0
                        ? propose(base, randomEdits(base, random, 1 + random.nextInt(3)))
                        : randomRecords(base, random, 1 + random.nextInt(3), new ArrayList<>());
                Engines.Built derived = Engines.derive(base, proposed);
                AuditChanges c = AuditChanges.of(base.audits(), derived.audits());
                edits++;
                if (!(c.health().isEmpty()
                        && c.exposuresAdded().isEmpty()
                        && c.exposuresRemoved().isEmpty()
                        && c.shadowedAdded().isEmpty()
                        && c.shadowedRemoved().isEmpty())) {
                    changed++;
                }
            }
        }
        assertTrue(changed * 3 >= edits, "edits changing some audit: " + changed + " of " + edits);
    }

    @Test
    void aRouteChangeIsBuiltInFullAndAnswersTheSame() {
        Engines.Built base = generated;
        RouteTable table = base.estate().topology().routeTables().iterator().next();
        String document = "{\"edits\": ["
                + randomEdits(base, new Random(99), 1)
                        .replaceFirst("^\\{\"edits\": \\[", "")
                        .replaceFirst("]}$", "")
                + ", {\"putRoute\": {\"routeTable\": \"" + table.id().value() + "\", \"route\": {\"name\":"
                + " \"derive-test-internet\", \"addressPrefix\": \"10.0.0.0/8\", \"nextHopType\": \"Internet\"}}}]}";
        Estate proposed = propose(base, document);
        Engines.Built derived = Engines.derive(base, proposed);
        Engines.Built full = Engines.build(SameAnswers.fresh(proposed));
        assertFalse(derived.audits().derived(), "a route change is not derived: the full build is used");
        assertNotSame(base.context().topology(), derived.context().topology());
        assertNotSame(base.context().routing(), derived.context().routing());
        SameAnswers.assertSameAnswers(base, derived, full, document);
    }

    private Estate propose(Engines.Built base, String document) {
        WhatIfPlanner.Proposal p = planner.propose(base.estate(), document);
        assertTrue(p.valid(), () -> "the edits are valid: " + p.problems() + "\n" + document);
        return p.after().orElseThrow();
    }

    // ---------------------------------------------------------------- random NSG edits

    /** NSGs attached at a subnet or a network interface, in a fixed order. */
    private static List<NetworkSecurityGroup> attachedNsgs(Engines.Built base) {
        Set<ResourceId> attached = new HashSet<>();
        base.estate().topology().subnets().stream().map(Subnet::nsgId).forEach(o -> o.ifPresent(attached::add));
        base.estate().topology().nics().stream().map(NetworkInterface::nsgId).forEach(o -> o.ifPresent(attached::add));
        return base.estate().policies().nsgs().stream()
                .filter(n -> attached.contains(n.id()))
                .toList();
    }

    /** NSGs in front of an ASE (at its subnet) or a network interface with a public IP (at it or its subnet). */
    private static List<NetworkSecurityGroup> exposedNsgs(Engines.Built base) {
        Topology t = base.estate().topology();
        Set<ResourceId> ids = new HashSet<>();
        t.environments()
                .forEach(a -> t.subnet(a.subnetId()).flatMap(Subnet::nsgId).ifPresent(ids::add));
        t.nics().stream().filter(n -> !n.publicIpIds().isEmpty()).forEach(n -> {
            n.nsgId().ifPresent(ids::add);
            t.subnet(n.subnetId()).flatMap(Subnet::nsgId).ifPresent(ids::add);
        });
        return base.estate().policies().nsgs().stream()
                .filter(n -> ids.contains(n.id()))
                .toList();
    }

    private static String randomEdits(Engines.Built base, Random random, int count) {
        List<NetworkSecurityGroup> nsgs = attachedNsgs(base);
        List<NetworkSecurityGroup> exposed = exposedNsgs(base);
        List<String> edits = new ArrayList<>();
        Set<ResourceId> removedFrom = new HashSet<>();
        for (int i = 0; i < count; i++) {
            List<NetworkSecurityGroup> from = random.nextInt(3) > 0 && !exposed.isEmpty() ? exposed : nsgs;
            NetworkSecurityGroup nsg = from.get(random.nextInt(from.size()));
            List<SecurityRule> user =
                    nsg.rules().stream().filter(r -> !r.isDefault()).toList();
            int kind = random.nextInt(3);
            if (kind == 0 && !user.isEmpty() && removedFrom.add(nsg.id())) {
                SecurityRule r = user.get(random.nextInt(user.size()));
                edits.add("{\"removeSecurityRule\": {\"nsg\": \"" + nsg.id().value() + "\", \"name\": \"" + r.name()
                        + "\"}}");
            } else if (kind == 1 && !user.isEmpty()) {
                // The same rule name, priority and direction, other contents: replaces the rule.
                SecurityRule r = user.get(random.nextInt(user.size()));
                edits.add(randomRule(
                        random, nsg, r.name(), r.priority(), r.direction().name()));
            } else {
                String direction = random.nextBoolean() ? "INBOUND" : "OUTBOUND";
                edits.add(randomRule(random, nsg, "derive-test-" + i, freePriority(nsg, random), direction));
            }
        }
        return "{\"edits\": [" + String.join(", ", edits) + "]}";
    }

    /**
     * The estate of {@code base} with {@code count} random NSG records changed in memory, as the overlay changes them
     * (the same topology, ASG and tag objects; a rule added, replaced or removed): for the random estates, whose NSGs
     * name an ASG that does not exist and so cannot pass an edit's validation. {@code what} gets a line per change.
     */
    private static Estate randomRecords(Engines.Built base, Random random, int count, List<String> what) {
        List<NetworkSecurityGroup> attached = attachedNsgs(base);
        List<NetworkSecurityGroup> exposed = exposedNsgs(base);
        Map<ResourceId, NetworkSecurityGroup> nsgs = new LinkedHashMap<>();
        base.estate().policies().nsgs().forEach(n -> nsgs.put(n.id(), n));
        for (int i = 0; i < count; i++) {
            List<NetworkSecurityGroup> from = random.nextInt(3) > 0 && !exposed.isEmpty() ? exposed : attached;
            NetworkSecurityGroup nsg =
                    nsgs.get(from.get(random.nextInt(from.size())).id());
            List<SecurityRule> rules = new ArrayList<>(nsg.rules());
            int kind = random.nextInt(3);
            if (kind < 2 && !rules.isEmpty()) {
                SecurityRule old = rules.remove(random.nextInt(rules.size()));
                if (kind == 1) {
                    rules.add(randomRecord(random, old.name(), old.priority(), old.direction()));
                }
                what.add((kind == 0 ? "removed " : "replaced ") + old.name() + " of " + nsg.name());
            } else {
                Direction d = random.nextBoolean() ? Direction.INBOUND : Direction.OUTBOUND;
                rules.add(randomRecord(random, "derive-test-" + i, freePriority(nsg, random), d));
                what.add("added a rule to " + nsg.name());
            }
            rules.sort(Comparator.comparingInt(SecurityRule::priority).thenComparing(SecurityRule::name));
            nsgs.put(nsg.id(), new NetworkSecurityGroup(nsg.id(), nsg.name(), nsg.location(), nsg.etag(), rules));
        }
        Estate e = base.estate();
        PolicySet policies =
                new PolicySet(nsgs.values(), e.policies().asgs(), e.policies().serviceTags());
        return new Estate(e.topology(), policies, e.version(), e.unresolved());
    }

    private static SecurityRule randomRecord(Random random, String name, int priority, Direction direction) {
        String ports = PORT_RANGES[random.nextInt(PORT_RANGES.length)];
        return new SecurityRule(
                name,
                priority,
                direction,
                random.nextInt(3) == 0 ? Access.DENY : Access.ALLOW,
                random.nextInt(4) == 0 ? Protocol.ANY : Protocol.TCP,
                List.of(PREFIXES[random.nextInt(PREFIXES.length)]),
                List.of(PortRange.ALL),
                List.of("*"),
                List.of(ports.equals("*") ? PortRange.ALL : PortRange.parse(ports)),
                List.of(),
                List.of(),
                "",
                false);
    }

    private static String randomRule(
            Random random, NetworkSecurityGroup nsg, String name, int priority, String direction) {
        return putRule(
                nsg,
                name,
                priority,
                direction,
                random.nextInt(3) == 0 ? "DENY" : "ALLOW",
                random.nextInt(4) == 0 ? "ANY" : "TCP",
                PREFIXES[random.nextInt(PREFIXES.length)],
                PORT_RANGES[random.nextInt(PORT_RANGES.length)]);
    }

    private static String putRule(
            NetworkSecurityGroup nsg,
            String name,
            int priority,
            String direction,
            String access,
            String protocol,
            String source,
            String ports) {
        return "{\"putSecurityRule\": {\"nsg\": \"" + nsg.id().value() + "\", \"rule\": {\"name\": \"" + name
                + "\", \"priority\": " + priority + ", \"direction\": \"" + direction + "\", \"access\": \"" + access
                + "\", \"protocol\": \"" + protocol + "\", \"sourceAddressPrefixes\": [\"" + source
                + "\"], \"destinationAddressPrefixes\": [\"*\"], \"destinationPortRanges\": [\"" + ports + "\"]}}}";
    }

    /** A priority no rule of {@code nsg} has (an edit putting two rules at one priority is refused). */
    private static int freePriority(NetworkSecurityGroup nsg, Random random) {
        Set<Integer> used = nsg.rules().stream().map(SecurityRule::priority).collect(Collectors.toSet());
        // Mostly high priorities (low numbers), which win over the NSG's own rules and so change answers.
        int span = random.nextInt(4) == 0 ? 3997 : 200;
        while (true) {
            int p = 100 + random.nextInt(span);
            if (!used.contains(p)) {
                return p;
            }
        }
    }
}
