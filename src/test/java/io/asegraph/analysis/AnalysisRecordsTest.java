package io.asegraph.analysis;

import static io.asegraph.analysis.FlowFixtures.in;
import static io.asegraph.analysis.ReferenceTopology.ASE_ONE;
import static io.asegraph.analysis.ReferenceTopology.DB_NIC;
import static io.asegraph.analysis.ReferenceTopology.DB_NSG;
import static io.asegraph.analysis.ReferenceTopology.DB_SUBNET;
import static io.asegraph.analysis.ReferenceTopology.NET;
import static io.asegraph.analysis.ReferenceTopology.VNET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.net.AddressSet;
import io.asegraph.net.Ipv4;
import io.asegraph.policy.Access;
import io.asegraph.policy.Direction;
import io.asegraph.policy.NsgLevel;
import io.asegraph.policy.RuleDecision;
import io.asegraph.policy.Verdict;
import io.asegraph.topology.NetworkTypes;
import io.asegraph.topology.PrivateEndpoint;
import io.asegraph.topology.Resource;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.Topology;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The small value types of the analysis: what kind a resolved resource is ({@link ReferenceKind}), a reference's
 * invariants and label ({@link Reference}), one NSG's decision ({@link NsgDecisionResult}) and the accessors of a flow
 * ({@link FlowResult}).
 */
class AnalysisRecordsTest {
    static final String PEER_VNET = NET + "/virtualNetworks/records-peer-vnet";
    static final String PIP = NET + "/publicIPAddresses/records-pip";
    static final String NAT = NET + "/natGateways/records-nat";
    static final String PE = NET + "/privateEndpoints/records-pe";

    /** The seed with one resource of each kind the seed lacks: a peering, a NAT gateway, its IP, a private endpoint. */
    static Topology everyKind() {
        return ReferenceTopology.builder()
                .vnet(PEER_VNET, "10.9.0.0/16")
                .peerBothWays(VNET, PEER_VNET)
                .publicIp(PIP, "52.160.9.9")
                .natGateway(NAT, PIP)
                .add(
                        NetworkTypes.PRIVATE_ENDPOINT,
                        new PrivateEndpoint(
                                ResourceId.of(PE),
                                "records-pe",
                                "westus",
                                ResourceId.of(DB_SUBNET),
                                List.of(),
                                List.of(Ipv4.parse("10.0.2.9")),
                                List.of()))
                .build();
    }

    static void assertKind(ReferenceKind expected, Collection<? extends Resource> resources) {
        assertFalse(resources.isEmpty(), "the fixture holds a " + expected);
        for (Resource r : resources) {
            assertEquals(expected, ReferenceKind.of(r), r.id().value());
        }
    }

    @Test
    void everyModelResourceHasItsOwnKind() {
        Topology t = everyKind();
        assertKind(ReferenceKind.VIRTUAL_NETWORK, t.vnets());
        assertKind(ReferenceKind.SUBNET, t.subnets());
        assertKind(ReferenceKind.PEERING, t.peerings());
        assertKind(ReferenceKind.APP_SERVICE_ENVIRONMENT, t.environments());
        assertKind(ReferenceKind.APP, t.apps());
        assertKind(ReferenceKind.NETWORK_INTERFACE, t.nics());
        assertKind(ReferenceKind.ENDPOINT, t.endpoints());
        assertKind(ReferenceKind.PRIVATE_ENDPOINT, t.privateEndpoints());
        assertKind(ReferenceKind.ROUTE_TABLE, t.routeTables());
        assertKind(ReferenceKind.VIRTUAL_NETWORK_GATEWAY, t.gateways());
        assertKind(ReferenceKind.LOCAL_NETWORK_GATEWAY, t.localGateways());
        assertKind(ReferenceKind.CONNECTION, t.connections());
        assertKind(ReferenceKind.NAT_GATEWAY, t.natGateways());
        assertKind(ReferenceKind.PUBLIC_IP_ADDRESS, t.publicIps());
        assertKind(ReferenceKind.NETWORK_SECURITY_GROUP, ReferenceTopology.nsgs());
        assertKind(
                ReferenceKind.APPLICATION_SECURITY_GROUP,
                List.of(new io.asegraph.policy.ApplicationSecurityGroup(
                        ResourceId.of(NET + "/applicationSecurityGroups/records-asg"), "records-asg", "westus")));
    }

    @Test
    void aResourceOfNoModelledKindIsOther() {
        Resource firewallLike = new Resource() {
            @Override
            public ResourceId id() {
                return ResourceId.of(NET + "/azureFirewalls/records-fw");
            }

            @Override
            public String name() {
                return "records-fw";
            }
        };
        assertEquals(ReferenceKind.OTHER, ReferenceKind.of(firewallLike));
        assertEquals("resource", ReferenceKind.OTHER.label());
    }

    @Test
    void aReferenceToAResourceNeedsTheResourceAndAnAddressReferenceItsAddress() {
        IllegalArgumentException noResource = assertThrows(
                IllegalArgumentException.class,
                () -> new Reference(
                        "db-subnet", ReferenceKind.SUBNET, Optional.empty(), Optional.empty(), Resolution.NAME));
        assertEquals("a subnet reference needs its resource", noResource.getMessage());
        IllegalArgumentException noAddress = assertThrows(
                IllegalArgumentException.class,
                () -> new Reference(
                        "10.0.2.4", ReferenceKind.ADDRESS, Optional.empty(), Optional.empty(), Resolution.ADDRESS));
        assertEquals("an address reference needs its address", noAddress.getMessage());
    }

    @Test
    void aReferenceDescribesItsResourceOrElseItsAddress() {
        Topology t = ReferenceTopology.topology();
        Resource nic = t.nic(ResourceId.of(DB_NIC)).orElseThrow();
        assertEquals(
                "network interface db-vm-nic",
                Reference.of(DB_NIC, nic, Resolution.RESOURCE_ID).describe());
        Reference bare = new Reference(
                " 8.8.8.8 ",
                ReferenceKind.ADDRESS,
                Optional.empty(),
                Optional.of(Ipv4.parse("8.8.8.8")),
                Resolution.ADDRESS);
        assertEquals("address 8.8.8.8", bare.describe(), "the address, not the text as typed");
    }

    @Test
    void aResolvedAddressReferenceDescribesTheResourceHoldingIt() {
        ReferenceResolver r = new ReferenceResolver(ReferenceTopology.topology(), List.of());
        assertEquals(
                "App Service Environment ase-one", r.resolveLocated(ASE_ONE).describe());
        assertEquals("address 8.8.8.8", r.resolveDestination("8.8.8.8").describe());
    }

    static NsgDecisionResult decision(NsgLevel level, Direction direction, List<RuleDecision> matches, String denied) {
        ResourceId appliedTo = ResourceId.of(level == NsgLevel.SUBNET ? DB_SUBNET : DB_NIC);
        AddressSet deniedSet = denied.isEmpty() ? AddressSet.EMPTY : AddressSet.parse(denied);
        return new NsgDecisionResult(
                ResourceId.of(DB_NSG),
                appliedTo,
                level,
                direction,
                deniedSet.isEmpty() ? Verdict.ALLOWED : Verdict.PARTIAL,
                matches,
                AddressSet.parse("10.0.1.0/26"),
                AddressSet.parse("10.0.1.0/26").minus(deniedSet),
                deniedSet,
                AddressSet.EMPTY,
                List.of(),
                List.of());
    }

    @Test
    void anNsgDescribesItselfByNameLevelAndDirection() {
        assertEquals(
                "db-nsg (network interface db-vm-nic, inbound)",
                decision(NsgLevel.NETWORK_INTERFACE, Direction.INBOUND, List.of(), "")
                        .describe());
        assertEquals(
                "db-nsg (subnet db-subnet, outbound)",
                decision(NsgLevel.SUBNET, Direction.OUTBOUND, List.of(), "").describe());
    }

    /** A rule on SQL from {@code source} that decided {@code sources} and left {@code undetermined} open. */
    static RuleDecision match(String name, Access access, String source, String sources, String undetermined) {
        AddressSet u = undetermined.isEmpty() ? AddressSet.EMPTY : AddressSet.parse(undetermined);
        return new RuleDecision(
                in(name, 100, access, source, "*", "1433"),
                access,
                sources.isEmpty() ? AddressSet.EMPTY : AddressSet.parse(sources),
                u,
                u.isEmpty() ? Optional.empty() : Optional.of("tag " + source + " not imported"));
    }

    @Test
    void anNsgBlocksWhenItDeniesSomePartAndListsTheRulesThatDenied() {
        RuleDecision allow = match("allow-first", Access.ALLOW, "10.0.1.0/27", "10.0.1.0/27", "");
        RuleDecision deny = match("deny-rest", Access.DENY, "VirtualNetwork", "10.0.1.32/27", "");
        RuleDecision maybeDeny = match("deny-tag", Access.DENY, "Sql", "", "10.0.1.0/27");
        NsgDecisionResult d =
                decision(NsgLevel.SUBNET, Direction.INBOUND, List.of(allow, maybeDeny, deny), "10.0.1.32/27");
        assertTrue(d.blocks());
        assertEquals(List.of(deny), d.denyingMatches(), "an allow, and a deny deciding nothing for certain, are not");
        assertEquals(
                List.of("securityRules/allow-first", "securityRules/deny-tag", "securityRules/deny-rest"),
                d.ruleNames());
        assertFalse(
                decision(NsgLevel.SUBNET, Direction.INBOUND, List.of(allow), "").blocks());
    }

    @Test
    void aFlowThatCannotBeWalkedIsUndeterminedWithItsReasonAsOnlyCause() {
        FlowResult f = FlowResult.undetermined("db-vm-nic lies in a subnet never imported");
        assertEquals(Verdict.UNDETERMINED, f.verdict());
        assertEquals("db-vm-nic lies in a subnet never imported", f.reason());
        assertEquals(List.of("db-vm-nic lies in a subnet never imported"), f.causes());
        assertEquals(SourceKind.UNDETERMINED, f.callSource().kind());
        assertEquals(Optional.empty(), f.destination());
        assertTrue(f.decisions().isEmpty());
        assertTrue(f.trace().isEmpty());
        assertTrue(f.allowedSources().isEmpty());
        assertTrue(f.unreachableSources().isEmpty());
        assertEquals(Optional.empty(), f.outcomeFor(Ipv4.parse("10.0.2.4")));
    }

    @Test
    void aFlowFindsTheOutcomeOfTheSourcePartHoldingAnAddress() {
        FlowResult f = FlowFixtures.flow(
                ReferenceTopology.topology(),
                FlowFixtures.seedPolicyWith(FlowScenarioTest.dbNsgForFirstHalf()),
                "ase-one",
                "db-vm-nic",
                1433);
        assertEquals(Verdict.PARTIAL, f.verdict(), f.reason());
        assertEquals(
                Verdict.ALLOWED,
                f.outcomeFor(Ipv4.parse("10.0.1.31")).orElseThrow().verdict());
        assertEquals(
                Verdict.DENIED,
                f.outcomeFor(Ipv4.parse("10.0.1.32")).orElseThrow().verdict());
        assertEquals(Optional.empty(), f.outcomeFor(Ipv4.parse("10.0.1.64")), "outside ase-one's subnet");
        assertEquals(List.of(ASE_ONE, DB_NIC), f.hopNodes());
        assertEquals(f.trace().stream().flatMap(h -> h.stepTypes().stream()).toList(), f.stepTypes());
        assertTrue(f.stepTypes().contains(StepType.FILTER), f.stepTypes().toString());
    }
}
