package io.asegraph.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.analysis.FirewallEvaluator.Decision;
import io.asegraph.analysis.FirewallEvaluator.Match;
import io.asegraph.analysis.PathEngine.Question;
import io.asegraph.net.AddressSet;
import io.asegraph.net.PortRange;
import io.asegraph.net.PortSet;
import io.asegraph.net.Protocol;
import io.asegraph.policy.PolicySet;
import io.asegraph.policy.Verdict;
import io.asegraph.topology.AzureFirewall;
import io.asegraph.topology.FirewallPolicy;
import io.asegraph.topology.FirewallRule;
import io.asegraph.topology.FirewallRuleCollection;
import io.asegraph.topology.FirewallRuleCollection.Action;
import io.asegraph.topology.FirewallRuleCollection.Kind;
import io.asegraph.topology.FirewallRuleCollectionGroup;
import io.asegraph.topology.IpGroup;
import io.asegraph.topology.NetworkTypes;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.ResourceSet;
import io.asegraph.topology.Topology;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@link FirewallEvaluator} on its own, rule by rule (Azure Firewall
 * <a href="https://learn.microsoft.com/azure/firewall/rule-processing">rule processing</a>): network collections before
 * application collections whatever their priorities, collections by priority, the first matching rule decides each
 * source address, the implicit deny for the rest; and every case the question cannot decide — an unresolved tag or IP
 * group, FQDN rules, a rule covering part of the destination or of the ports — is UNDETERMINED for exactly the sources
 * the rule may take, with a cause naming the rule and why. The API tests ({@code FirewallEstateTest}) ask the same
 * through a whole path; these pin each branch down with exact address sets.
 */
class FirewallEvaluatorTest {
    static final String NET = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network";
    static final ResourceId FW = ResourceId.of(NET + "/azureFirewalls/fw");
    static final AddressSet SOURCES = AddressSet.parse("10.1.0.0/24");
    static final AddressSet SQL = AddressSet.parse("10.2.0.4/32");
    static final Question TCP_1433 = Question.of(1433, Protocol.TCP, PortSet.ALL);
    static final Question TCP_443 = Question.of(443, Protocol.TCP, PortSet.ALL);

    static FirewallRule network(
            String name, List<String> protocols, List<String> sources, List<String> destinations, List<String> ports) {
        return new FirewallRule(
                name,
                protocols,
                sources,
                List.of(),
                destinations,
                List.of(),
                List.of(),
                ports,
                List.of(),
                List.of(),
                "",
                "");
    }

    static FirewallRule network(String name, String source, String destination, String port) {
        return network(name, List.of("TCP"), List.of(source), List.of(destination), List.of(port));
    }

    static FirewallRule application(
            String name, List<String> protocols, String source, List<String> targets, List<String> fqdnTags) {
        return new FirewallRule(
                name,
                protocols,
                List.of(source),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                targets,
                fqdnTags,
                "",
                "");
    }

    static FirewallRuleCollection collection(
            String name, Kind kind, int priority, Action action, FirewallRule... rules) {
        return new FirewallRuleCollection(name, kind, priority, action, List.of(rules));
    }

    static AzureFirewall firewall(FirewallRuleCollection... collections) {
        return new AzureFirewall(
                FW,
                "fw",
                "westus",
                Optional.empty(),
                Optional.empty(),
                List.of(),
                Optional.empty(),
                List.of(collections),
                Optional.empty());
    }

    static PolicySet tags(io.asegraph.policy.ServiceTag... tags) {
        return new PolicySet(List.of(), List.of(), List.of(tags));
    }

    static Decision decide(AzureFirewall fw, AddressSet destination, Question q, List<String> hostNames) {
        return decide(PolicySet.empty(), Topology.empty(), fw, destination, q, hostNames);
    }

    static Decision decide(
            PolicySet policies,
            Topology topology,
            AzureFirewall fw,
            AddressSet destination,
            Question q,
            List<String> hostNames) {
        Decision d = new FirewallEvaluator(policies, topology).evaluate(fw, SOURCES, destination, q, hostNames);
        assertPartition(d);
        return d;
    }

    /** Every source address ends in exactly one of allowed, denied and undetermined. */
    static void assertPartition(Decision d) {
        assertEquals(SOURCES, d.allowed().union(d.denied()).union(d.undetermined()), "every source is decided");
        assertTrue(d.allowed().intersect(d.denied()).isEmpty());
        assertTrue(d.allowed().intersect(d.undetermined()).isEmpty());
        assertTrue(d.denied().intersect(d.undetermined()).isEmpty());
        AddressSet matched = AddressSet.EMPTY;
        for (Match m : d.matches()) {
            assertTrue(matched.intersect(m.sources()).isEmpty(), "a source is decided by one rule: " + m);
            matched = matched.union(m.sources());
        }
        assertEquals(d.allowed().union(d.denied()), matched, "the matches name every decided source");
    }

    static AddressSet set(String... prefixes) {
        return AddressSet.parse(prefixes);
    }

    @Nested
    class Order {
        @Test
        void aSourceNoRuleMatchesIsDeniedByTheImplicitDeny() {
            Decision d = decide(
                    firewall(collection(
                            "net",
                            Kind.NETWORK,
                            100,
                            Action.ALLOW,
                            network("half", "10.1.0.0/25", "10.2.0.0/24", "1433"))),
                    SQL,
                    TCP_1433,
                    List.of());
            assertEquals(set("10.1.0.0/25"), d.allowed());
            assertEquals(set("10.1.0.128/25"), d.denied());
            assertEquals(Verdict.PARTIAL, d.verdict());
            Match last = d.matches().get(d.matches().size() - 1);
            assertEquals(FirewallEvaluator.NO_RULE_MATCHES, last.rule());
            assertEquals(65000, last.priority());
            assertEquals(Action.DENY, last.action());
            assertEquals("(no rule matches) (the implicit deny)", last.describe());
            assertEquals(List.of(FirewallEvaluator.NO_RULE_MATCHES), d.denyingRules());
            assertEquals("net/half (priority 100)", d.matches().get(0).describe());
        }

        @Test
        void theFirstMatchingRuleDecidesAndLaterRulesSeeOnlyTheRest() {
            Decision d = decide(
                    firewall(collection(
                            "net",
                            Kind.NETWORK,
                            100,
                            Action.ALLOW,
                            network("quarter", "10.1.0.0/26", "*", "1433"),
                            network("all", "*", "*", "1433"))),
                    SQL,
                    TCP_1433,
                    List.of());
            assertEquals(SOURCES, d.allowed());
            assertEquals(2, d.matches().size(), "no implicit deny when every source matched: " + d.matches());
            assertEquals(set("10.1.0.0/26"), d.matches().get(0).sources());
            assertEquals(
                    set("10.1.0.64/26", "10.1.0.128/25"), d.matches().get(1).sources());
        }

        @Test
        void rulesAfterEverySourceIsDecidedAreNotConsulted() {
            Decision d = decide(
                    firewall(
                            collection("a", Kind.NETWORK, 100, Action.ALLOW, network("all", "*", "*", "1433")),
                            collection(
                                    "b",
                                    Kind.NETWORK,
                                    200,
                                    Action.DENY,
                                    network("again", "*", "*", "1433"),
                                    network("unknown", "NotATag", "*", "1433"))),
                    SQL,
                    TCP_1433,
                    List.of());
            assertEquals(Verdict.ALLOWED, d.verdict());
            assertEquals(1, d.matches().size());
            assertEquals(List.of(), d.causes(), "a later rule with an unresolved tag is never reached");
        }

        @Test
        void collectionsAreTakenByPriorityNotByTheirOrderInTheResource() {
            Decision d = decide(
                    firewall(
                            collection(
                                    "allow-later", Kind.NETWORK, 300, Action.ALLOW, network("all", "*", "*", "1433")),
                            collection(
                                    "deny-first",
                                    Kind.NETWORK,
                                    200,
                                    Action.DENY,
                                    network("low", "10.1.0.0/25", "*", "1433"))),
                    SQL,
                    TCP_1433,
                    List.of());
            assertEquals(set("10.1.0.0/25"), d.denied());
            assertEquals(set("10.1.0.128/25"), d.allowed());
            assertEquals(List.of("deny-first/low"), d.denyingRules());
        }

        @Test
        void networkCollectionsComeBeforeApplicationCollectionsWhateverTheirPriority() {
            Decision d = decide(
                    firewall(
                            collection(
                                    "app",
                                    Kind.APPLICATION,
                                    100,
                                    Action.ALLOW,
                                    application("web", List.of("Https:443"), "*", List.of("*"), List.of())),
                            collection(
                                    "net",
                                    Kind.NETWORK,
                                    4000,
                                    Action.DENY,
                                    network("no-web", "10.1.0.0/25", "*", "443"))),
                    SQL,
                    TCP_443,
                    List.of());
            assertEquals(set("10.1.0.0/25"), d.denied());
            assertEquals(set("10.1.0.128/25"), d.allowed());
            assertEquals("net", d.matches().get(0).collection());
            assertEquals("app", d.matches().get(1).collection());
        }

        @Test
        void natCollectionsTakeNoPartInACall() {
            FirewallRuleCollection nat =
                    collection("dnat", Kind.NAT, 100, Action.DNAT, network("in", "*", "*", "1433"));
            Decision d = decide(firewall(nat), SQL, TCP_1433, List.of());
            assertEquals(SOURCES, d.denied());
            assertEquals(List.of(FirewallEvaluator.NO_RULE_MATCHES), d.denyingRules());
        }
    }

    @Nested
    class ProtocolsAndPorts {
        Decision one(FirewallRule rule, Question q) {
            return decide(firewall(collection("net", Kind.NETWORK, 100, Action.ALLOW, rule)), SQL, q, List.of());
        }

        @Test
        void aRuleForAnotherProtocolDoesNotMatch() {
            assertEquals(
                    SOURCES,
                    one(network("tcp", "*", "*", "1433"), Question.of(1433, Protocol.UDP, PortSet.ALL))
                            .denied());
        }

        @Test
        void aRuleForAnyProtocolMatchesEveryProtocol() {
            FirewallRule upper = network("any", List.of("ANY"), List.of("*"), List.of("*"), List.of("1433"));
            assertEquals(
                    SOURCES,
                    one(upper, Question.of(1433, Protocol.UDP, PortSet.ALL)).allowed());
            assertEquals(SOURCES, one(upper, TCP_1433).allowed());
            assertEquals(
                    SOURCES,
                    one(upper, Question.of(1433, Protocol.ANY, PortSet.ALL)).allowed());
        }

        @Test
        void aProtocolWithoutPortsMatchesARuleForItWhateverItsPorts() {
            FirewallRule icmp = network("icmp", List.of("ICMP"), List.of("*"), List.of("*"), List.of("7"));
            assertEquals(
                    SOURCES,
                    one(icmp, Question.of(0, Protocol.ICMP, PortSet.ALL)).allowed());
        }

        @Test
        void askingAboutAnyProtocolOfARuleForOneIsUndetermined() {
            Decision d = one(network("tcp", "*", "*", "1433"), Question.of(1433, Protocol.ANY, PortSet.ALL));
            assertEquals(SOURCES, d.undetermined());
            assertEquals(Verdict.UNDETERMINED, d.verdict());
            assertEquals(1, d.causes().size());
            assertTrue(
                    d.causes()
                            .get(0)
                            .startsWith("rule tcp of collection net (priority 100) may match 10.1.0.0/24"
                                    + " but it covers only part of the protocols or ports asked about"),
                    d.causes().get(0));
        }

        @Test
        void askingAboutAnyProtocolOfARuleForAnotherStillCannotBeTold() {
            FirewallRule udp = network("udp", List.of("UDP"), List.of("*"), List.of("*"), List.of("1433"));
            assertEquals(
                    SOURCES,
                    one(udp, Question.of(1433, Protocol.ANY, PortSet.ALL)).undetermined());
        }

        @Test
        void portsInsideTheRuleMatchPortsOutsideDoNot() {
            assertEquals(
                    SOURCES,
                    one(network("range", "*", "*", "1400-1500"), TCP_1433).allowed());
            assertEquals(SOURCES, one(network("star", "*", "*", "*"), TCP_1433).allowed());
            assertEquals(
                    SOURCES,
                    one(network("other", "*", "*", "1434-1500"), TCP_1433).denied());
            assertEquals(
                    SOURCES,
                    one(network("below", "*", "*", "1000-1432"), TCP_1433).denied());
        }

        @Test
        void portsPartlyInsideTheRuleAreUndetermined() {
            Question both = new Question(PortSet.ALL, PortSet.of(List.of(PortRange.parse("1433-1434"))), Protocol.TCP);
            Decision d = one(network("one", "*", "*", "1433"), both);
            assertEquals(SOURCES, d.undetermined());
            assertTrue(d.causes().get(0).endsWith("it covers only part of the protocols or ports asked about"));
        }
    }

    @Nested
    class Destinations {
        Decision one(FirewallRule rule, AddressSet destination) {
            return decide(
                    firewall(collection("net", Kind.NETWORK, 100, Action.ALLOW, rule)),
                    destination,
                    TCP_1433,
                    List.of());
        }

        @Test
        void aDestinationInsideTheRuleMatchesOneOutsideDoesNot() {
            assertEquals(
                    SOURCES, one(network("in", "*", "10.2.0.0/24", "1433"), SQL).allowed());
            assertEquals(
                    SOURCES, one(network("exact", "*", "10.2.0.4", "1433"), SQL).allowed());
            assertEquals(
                    SOURCES,
                    one(network("out", "*", "10.3.0.0/24", "1433"), SQL).denied());
            assertEquals(
                    SOURCES,
                    one(network("range", "*", "10.2.0.1-10.2.0.9", "1433"), SQL).allowed());
            assertEquals(
                    SOURCES,
                    one(network("range-out", "*", "10.2.0.5-10.2.0.9", "1433"), SQL)
                            .denied());
        }

        @Test
        void noDestinationAddressMeansTheRuleTakesWhateverItNames() {
            assertEquals(
                    SOURCES,
                    one(network("any", "*", "10.9.0.0/16", "1433"), AddressSet.EMPTY)
                            .allowed());
        }

        @Test
        void aRuleCoveringPartOfTheDestinationIsUndetermined() {
            Decision d = one(network("part", "*", "10.2.0.0/25", "1433"), set("10.2.0.0/24"));
            assertEquals(SOURCES, d.undetermined());
            assertTrue(
                    d.causes().get(0).endsWith("it covers only part of the destination; ask about one address"),
                    d.causes().get(0));
        }

        @Test
        void aNetworkRuleByFqdnCannotBeToldFromAnAddress() {
            FirewallRule byName = new FirewallRule(
                    "sql-by-name",
                    List.of("TCP"),
                    List.of("*"),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of("sql.contoso.com"),
                    List.of("1433"),
                    List.of(),
                    List.of(),
                    "",
                    "");
            Decision d = one(byName, SQL);
            assertEquals(SOURCES, d.undetermined());
            assertTrue(
                    d.causes()
                            .get(0)
                            .endsWith("it matches by FQDN (sql.contoso.com) and the destination is given"
                                    + " by address only, so whether the name resolves to it cannot be told"),
                    d.causes().get(0));
            Decision named = decide(
                    firewall(collection("net", Kind.NETWORK, 100, Action.ALLOW, byName)),
                    SQL,
                    TCP_1433,
                    List.of("sql.contoso.com"));
            assertTrue(
                    named.causes()
                            .get(0)
                            .endsWith("it matches by FQDN (sql.contoso.com), which the firewall" + " resolves by DNS"),
                    named.causes().get(0));
        }

        @Test
        void aDestinationTagThatIsNotImportedIsUndeterminedNamingIt() {
            Decision d = one(network("tagged", "*", "Sql.WestUS", "1433"), SQL);
            assertEquals(SOURCES, d.undetermined());
            assertTrue(
                    d.causes()
                            .get(0)
                            .endsWith("its destination names Sql.WestUS, of which a service tag or IP"
                                    + " group is not imported"),
                    d.causes().get(0));
        }

        @Test
        void aDestinationTagThatIsImportedDecides() {
            PolicySet sql = tags(FlowFixtures.tag("Sql.WestUS", "10.2.0.0/24"));
            FirewallRule rule = network("tagged", "*", "Sql.WestUS", "1433");
            Decision in = decide(
                    sql,
                    Topology.empty(),
                    firewall(collection("net", Kind.NETWORK, 100, Action.ALLOW, rule)),
                    SQL,
                    TCP_1433,
                    List.of());
            assertEquals(SOURCES, in.allowed());
            Decision out = decide(
                    sql,
                    Topology.empty(),
                    firewall(collection("net", Kind.NETWORK, 100, Action.ALLOW, rule)),
                    set("10.3.0.4/32"),
                    TCP_1433,
                    List.of());
            assertEquals(SOURCES, out.denied());
        }

        @Test
        void aDestinationIpGroupThatIsNotImportedIsNamed() {
            FirewallRule rule = new FirewallRule(
                    "grouped",
                    List.of("TCP"),
                    List.of("*"),
                    List.of(),
                    List.of("10.8.0.0/24"),
                    List.of(ResourceId.of(NET + "/ipGroups/dbs")),
                    List.of(),
                    List.of("1433"),
                    List.of(),
                    List.of(),
                    "",
                    "");
            Decision d = one(rule, SQL);
            assertEquals(SOURCES, d.undetermined());
            assertTrue(
                    d.causes().get(0).contains("its destination names 10.8.0.0/24 and IP groups [dbs]"),
                    d.causes().get(0));
        }
    }

    @Nested
    class Sources {
        @Test
        void aSourceServiceTagThatIsNotImportedMakesTheRestOfTheSourcesUndetermined() {
            Decision d = decide(
                    firewall(collection(
                            "net",
                            Kind.NETWORK,
                            100,
                            Action.ALLOW,
                            network(
                                    "tagged",
                                    List.of("TCP"),
                                    List.of("10.1.0.0/26", "AppService"),
                                    List.of("*"),
                                    List.of("1433")))),
                    SQL,
                    TCP_1433,
                    List.of());
            assertEquals(set("10.1.0.0/26"), d.allowed(), "the addresses it names decide");
            assertEquals(set("10.1.0.64/26", "10.1.0.128/25"), d.undetermined(), "the tag may name the rest");
            assertTrue(d.denied().isEmpty(), "never the implicit deny for what an unknown tag may take");
            assertEquals(
                    List.of("rule tagged of collection net (priority 100) may match 10.1.0.64/26, 10.1.0.128/25:"
                            + " its source names service tag 'AppService' (not imported)"),
                    d.causes());
        }

        @Test
        void aSourceServiceTagThatIsImportedDecides() {
            PolicySet policies = tags(FlowFixtures.tag("AppService", "10.1.0.128/25"));
            Decision d = decide(
                    policies,
                    Topology.empty(),
                    firewall(collection(
                            "net", Kind.NETWORK, 100, Action.DENY, network("tagged", "AppService", "*", "1433"))),
                    SQL,
                    TCP_1433,
                    List.of());
            assertEquals(SOURCES, d.denied());
            assertEquals(List.of("net/tagged", FirewallEvaluator.NO_RULE_MATCHES), d.denyingRules());
            assertEquals(set("10.1.0.128/25"), d.matches().get(0).sources());
        }

        @Test
        void anImportedIpGroupNamesItsAddressesAndAMissingOneIsUndetermined() {
            ResourceId group = ResourceId.of(NET + "/ipGroups/web");
            ResourceId missing = ResourceId.of(NET + "/ipGroups/gone");
            Topology topology = Topology.of(ResourceSet.builder()
                    .add(
                            NetworkTypes.IP_GROUP,
                            new IpGroup(group, "web", "westus", List.of("10.1.0.0/27", "10.1.0.32-10.1.0.63")))
                    .build());
            FirewallRule rule = new FirewallRule(
                    "grouped",
                    List.of("TCP"),
                    List.of(),
                    List.of(group),
                    List.of("*"),
                    List.of(),
                    List.of(),
                    List.of("1433"),
                    List.of(),
                    List.of(),
                    "",
                    "");
            Decision d = decide(
                    PolicySet.empty(),
                    topology,
                    firewall(collection("net", Kind.NETWORK, 100, Action.ALLOW, rule)),
                    SQL,
                    TCP_1433,
                    List.of());
            assertEquals(set("10.1.0.0/26"), d.allowed());
            assertEquals(set("10.1.0.64/26", "10.1.0.128/25"), d.denied());

            FirewallRule gone = new FirewallRule(
                    "gone",
                    List.of("TCP"),
                    List.of(),
                    List.of(missing),
                    List.of("*"),
                    List.of(),
                    List.of(),
                    List.of("1433"),
                    List.of(),
                    List.of(),
                    "",
                    "");
            Decision g = decide(
                    PolicySet.empty(),
                    topology,
                    firewall(collection("net", Kind.NETWORK, 100, Action.ALLOW, gone)),
                    SQL,
                    TCP_1433,
                    List.of());
            assertEquals(SOURCES, g.undetermined());
            assertTrue(
                    g.causes().get(0).endsWith("its source names IP group 'gone' (not imported)"),
                    g.causes().get(0));
        }

        @Test
        void aSourceRangeAndAnAddressWithoutLengthAreRead() {
            FirewallRuleCollection c = collection(
                    "net",
                    Kind.NETWORK,
                    100,
                    Action.ALLOW,
                    network("range", "10.1.0.10-10.1.0.11", "*", "1433"),
                    network("host", "10.1.0.200", "*", "1433"));
            Decision d = decide(firewall(c), SQL, TCP_1433, List.of());
            assertEquals(set("10.1.0.10/31", "10.1.0.200/32"), d.allowed());
        }

        @Test
        void theSourcesOfARuleAreResolvedAsTheEvaluatorDoes() {
            FirewallEvaluator evaluator =
                    new FirewallEvaluator(tags(FlowFixtures.tag("AppService", "20.0.0.0/8")), Topology.empty());
            FirewallEvaluator.Resolved r = evaluator.sources(network(
                    "r", List.of("TCP"), List.of("AppService", "Storage", "10.0.0.1"), List.of("*"), List.of("1")));
            assertEquals(set("20.0.0.0/8", "10.0.0.1/32"), r.addresses());
            assertEquals(List.of("service tag 'Storage' (not imported)"), r.unresolved());
        }
    }

    @Nested
    class ApplicationRules {
        Decision one(FirewallRule rule, Question q, List<String> hostNames) {
            return decide(firewall(collection("app", Kind.APPLICATION, 100, Action.ALLOW, rule)), SQL, q, hostNames);
        }

        FirewallRule https(String... targets) {
            return application("https", List.of("Https:443"), "*", List.of(targets), List.of());
        }

        @Test
        void anyTargetMatchesEveryHttpsCall() {
            assertEquals(SOURCES, one(https("*"), TCP_443, List.of()).allowed());
        }

        @Test
        void onlyTcpCallsOnTheRulesPortsAreConsidered() {
            assertEquals(
                    SOURCES,
                    one(https("*"), Question.of(443, Protocol.UDP, PortSet.ALL), List.of())
                            .denied());
            assertEquals(SOURCES, one(https("*"), TCP_1433, List.of()).denied());
            FirewallRule sql = application("sql", List.of("Mssql:1433"), "*", List.of("*"), List.of());
            assertEquals(SOURCES, one(sql, TCP_1433, List.of()).allowed());
            FirewallRule both = application("both", List.of("Http:80", "Https:443"), "*", List.of("*"), List.of());
            assertEquals(
                    SOURCES,
                    one(both, Question.of(80, Protocol.TCP, PortSet.ALL), List.of())
                            .allowed());
        }

        @Test
        void anyProtocolOrPortsPartlyCoveredAreUndetermined() {
            assertEquals(
                    SOURCES,
                    one(https("*"), Question.of(443, Protocol.ANY, PortSet.ALL), List.of())
                            .undetermined());
            Question two = new Question(PortSet.ALL, PortSet.of(List.of(PortRange.parse("443-444"))), Protocol.TCP);
            assertEquals(SOURCES, one(https("*"), two, List.of()).undetermined());
        }

        @Test
        void hostNamesThatAllMatchAreAllowedNoneMatchingDoNotMatch() {
            assertEquals(
                    SOURCES,
                    one(
                                    https("*.azurewebsites.net"),
                                    TCP_443,
                                    List.of("app.azurewebsites.net", "APP.scm.azurewebsites.net "))
                            .allowed());
            assertEquals(
                    SOURCES,
                    one(https("api.contoso.com"), TCP_443, List.of("app.azurewebsites.net"))
                            .denied());
        }

        @Test
        void hostNamesOfWhichSomeMatchAreUndetermined() {
            Decision d = one(
                    https("app.azurewebsites.net"),
                    TCP_443,
                    List.of("app.azurewebsites.net", "app.scm.azurewebsites.net"));
            assertEquals(SOURCES, d.undetermined());
            assertTrue(
                    d.causes()
                            .get(0)
                            .endsWith("it matches by FQDN (app.azurewebsites.net), which the firewall"
                                    + " resolves by DNS"),
                    d.causes().get(0));
        }

        @Test
        void aDestinationGivenByAddressCannotBeMatchedByName() {
            Decision d = one(https("api.contoso.com"), TCP_443, List.of());
            assertEquals(SOURCES, d.undetermined());
            assertTrue(
                    d.causes().get(0).contains("given by address only"),
                    d.causes().get(0));
        }

        @Test
        void fqdnTagsAreListsThatAreNotModelled() {
            FirewallRule tagged =
                    application("updates", List.of("Https:443"), "*", List.of(), List.of("WindowsUpdate"));
            Decision d = one(tagged, TCP_443, List.of("app.azurewebsites.net"));
            assertEquals(SOURCES, d.undetermined());
            assertTrue(
                    d.causes()
                            .get(0)
                            .endsWith("its FQDN tags (WindowsUpdate) are lists Microsoft keeps, not" + " modelled"),
                    d.causes().get(0));
            assertEquals(SOURCES, one(tagged, TCP_443, List.of()).undetermined());
        }

        @Test
        void aRuleWithTargetsAndTagsThatNoNameMatchesIsStillUndetermined() {
            FirewallRule both = application(
                    "both", List.of("Https:443"), "*", List.of("api.contoso.com"), List.of("WindowsUpdate"));
            assertEquals(
                    SOURCES,
                    one(both, TCP_443, List.of("app.azurewebsites.net")).undetermined());
        }

        @Test
        void fqdnPatterns() {
            assertTrue(FirewallEvaluator.fqdnMatches("*", "anything.example"));
            assertTrue(FirewallEvaluator.fqdnMatches(" *.Contoso.com", "a.b.contoso.COM"));
            assertFalse(FirewallEvaluator.fqdnMatches("*.contoso.com", "contoso.com"));
            assertFalse(FirewallEvaluator.fqdnMatches("*.contoso.com", "evilcontoso.com"));
            assertTrue(FirewallEvaluator.fqdnMatches("Api.Contoso.com", "api.contoso.com "));
            assertFalse(FirewallEvaluator.fqdnMatches("api.contoso.com", "www.api.contoso.com"));
        }
    }

    @Nested
    class Policies {
        final ResourceId policyId = ResourceId.of(NET + "/firewallPolicies/pol");
        final ResourceId groupId = ResourceId.of(NET + "/firewallPolicies/pol/ruleCollectionGroups/g");

        AzureFirewall withPolicy() {
            return new AzureFirewall(
                    FW,
                    "fw",
                    "westus",
                    Optional.empty(),
                    Optional.empty(),
                    List.of(),
                    Optional.empty(),
                    List.of(),
                    Optional.of(policyId));
        }

        @Test
        void aFirewallTakesItsRulesFromItsPolicy() {
            Topology topology = Topology.of(ResourceSet.builder()
                    .add(
                            NetworkTypes.FIREWALL_POLICY,
                            new FirewallPolicy(
                                    policyId, "pol", "westus", Optional.empty(), Optional.empty(), List.of(groupId)))
                    .add(
                            NetworkTypes.RULE_COLLECTION_GROUP,
                            new FirewallRuleCollectionGroup(
                                    groupId,
                                    "g",
                                    policyId,
                                    100,
                                    List.of(collection(
                                            "net",
                                            Kind.NETWORK,
                                            100,
                                            Action.ALLOW,
                                            network("half", "10.1.0.0/25", "*", "1433")))))
                    .build());
            Decision d = decide(PolicySet.empty(), topology, withPolicy(), SQL, TCP_1433, List.of());
            assertEquals(set("10.1.0.0/25"), d.allowed());
            assertEquals(set("10.1.0.128/25"), d.denied());
        }

        @Test
        void aPolicyMissingFromTheSnapshotLeavesEverySourceUndetermined() {
            Decision d = decide(PolicySet.empty(), Topology.empty(), withPolicy(), SQL, TCP_1433, List.of());
            assertEquals(SOURCES, d.undetermined());
            assertEquals(List.of(), d.matches());
            assertEquals(1, d.causes().size());
            assertTrue(
                    d.causes().get(0).startsWith("fw takes its rules from firewall policy pol"),
                    d.causes().get(0));
            assertEquals(Verdict.UNDETERMINED, d.verdict());
        }
    }
}
