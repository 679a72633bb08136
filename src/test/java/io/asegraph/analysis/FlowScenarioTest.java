package io.asegraph.analysis;

import static io.asegraph.analysis.FlowFixtures.analyzer;
import static io.asegraph.analysis.FlowFixtures.flow;
import static io.asegraph.analysis.FlowFixtures.in;
import static io.asegraph.analysis.FlowFixtures.nsg;
import static io.asegraph.analysis.FlowFixtures.out;
import static io.asegraph.analysis.FlowFixtures.policy;
import static io.asegraph.analysis.FlowFixtures.seedPolicyWith;
import static io.asegraph.analysis.FlowFixtures.tag;
import static io.asegraph.analysis.ReferenceTopology.APP1;
import static io.asegraph.analysis.ReferenceTopology.ASE_ONE;
import static io.asegraph.analysis.ReferenceTopology.ASE_ONE_ROUTES;
import static io.asegraph.analysis.ReferenceTopology.ASE_ONE_SUBNET;
import static io.asegraph.analysis.ReferenceTopology.ASE_TWO_SUBNET;
import static io.asegraph.analysis.ReferenceTopology.DB_NIC;
import static io.asegraph.analysis.ReferenceTopology.DB_NSG;
import static io.asegraph.analysis.ReferenceTopology.DB_SUBNET;
import static io.asegraph.analysis.ReferenceTopology.GATEWAY;
import static io.asegraph.analysis.ReferenceTopology.NET;
import static io.asegraph.analysis.ReferenceTopology.ONPREM;
import static io.asegraph.analysis.ReferenceTopology.ORDERS_API;
import static io.asegraph.analysis.ReferenceTopology.VNET;
import static io.asegraph.analysis.ReferenceTopology.WEB;
import static io.asegraph.topology.TopologyBuilder.route;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.net.AddressSet;
import io.asegraph.net.Ipv4;
import io.asegraph.net.PortRange;
import io.asegraph.net.Protocol;
import io.asegraph.policy.Access;
import io.asegraph.policy.ApplicationSecurityGroup;
import io.asegraph.policy.Direction;
import io.asegraph.policy.NetworkSecurityGroup;
import io.asegraph.policy.PolicySet;
import io.asegraph.policy.SecurityRule;
import io.asegraph.policy.Verdict;
import io.asegraph.topology.GatewayType;
import io.asegraph.topology.NetworkInterface;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.Topology;
import io.asegraph.topology.TopologyBuilder;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Flow scenarios, Batfish style, over the seed's reference topology and variants of it: each test walks one call with
 * its NSGs and asserts the verdict, the source kind, the exact source sub-ranges with the rules that decided them, the
 * NSGs evaluated in order, the blockers and the hops of the trace.
 */
class FlowScenarioTest {
    static final String ASE_ONE_NSG = NET + "/networkSecurityGroups/ase-one-nsg";
    static final String ASE_THREE_SUBNET = VNET + "/subnets/ase-three-subnet";
    static final String ASE_THREE = WEB + "/hostingEnvironments/ase-three";
    static final String APP_SUBNET = VNET + "/subnets/app-subnet";
    static final String APP_SUBNET_NSG = NET + "/networkSecurityGroups/app-subnet-nsg";
    static final String APP_NIC = NET + "/networkInterfaces/app-vm-nic";
    static final String APP_NIC_NSG = NET + "/networkSecurityGroups/app-vm-nsg";
    static final String PLAIN_NIC = NET + "/networkInterfaces/plain-vm-nic";
    static final String WEB_NIC = NET + "/networkInterfaces/web-vm-nic";
    static final String WEB_NIC_NSG = NET + "/networkSecurityGroups/web-vm-nsg";
    static final String WEB_PIP = NET + "/publicIPAddresses/web-vm-pip";
    static final String NAT = NET + "/natGateways/ase-one-nat";
    static final String NAT_PIP = NET + "/publicIPAddresses/ase-one-nat-pip";
    static final String APP_ASG = NET + "/applicationSecurityGroups/app-servers";

    static final Topology SEED = ReferenceTopology.topology();
    static final PolicySet SEED_POLICY = ReferenceTopology.policy();

    /** The seed with a third external ASE (VIP 192.23.3.6) in 10.0.1.128/26 and a VM subnet 10.0.3.0/24. */
    static TopologyBuilder extended() {
        return ReferenceTopology.builder()
                .subnet(ASE_THREE_SUBNET, VNET, "10.0.1.128/26")
                .ase(ASE_THREE, ASE_THREE_SUBNET, "192.23.3.6")
                .subnet(APP_SUBNET, VNET, "10.0.3.0/24")
                .attachNsg(APP_SUBNET, APP_SUBNET_NSG)
                .add(new NetworkInterface(
                        ResourceId.of(APP_NIC),
                        "app-vm-nic",
                        "westus",
                        ResourceId.of(APP_SUBNET),
                        Ipv4.parse("10.0.3.4"),
                        Optional.of(ResourceId.of(APP_NIC_NSG)),
                        List.of(ResourceId.of(APP_ASG)),
                        List.of(),
                        ""));
    }

    /** db-nsg admitting SQL only from the first half of ase-one's subnet. */
    static NetworkSecurityGroup dbNsgForFirstHalf() {
        return nsg(
                DB_NSG,
                in("allow-sql-from-ase-one", 100, Access.ALLOW, "10.0.1.0/27", "*", "1433"),
                in("deny-sql-from-vnet", 200, Access.DENY, "VirtualNetwork", "*", "1433"));
    }

    static List<String> nsgNames(List<NsgDecisionResult> decisions) {
        return decisions.stream()
                .map(d -> d.nsg().name() + " " + d.direction() + " " + d.level())
                .toList();
    }

    static List<String> outcomes(FlowResult f) {
        return f.outcomes().stream().map(SourceOutcome::toString).toList();
    }

    static AddressSet set(String... prefixes) {
        return AddressSet.parse(prefixes);
    }

    @Nested
    class BetweenAses {
        @ParameterizedTest(name = "ase-one → orders-api:{0} is {1} by {2}")
        @CsvSource({
            "443, ALLOWED, securityRules/RESTRICT-HTTPS",
            "80, ALLOWED, securityRules/RESTRICT-HTTP",
            "21, DENIED, defaultSecurityRules/DenyAllInBound"
        })
        void aseTwoAdmitsAseOnesVipOnlyOnItsWebPorts(int port, Verdict verdict, String rule) {
            FlowResult f = flow(SEED, SEED_POLICY, "ase-one", "orders-api", port);
            assertEquals(verdict, f.verdict(), f.reason());
            assertEquals(SourceKind.PUBLIC_VIP, f.callSource().kind());
            assertEquals(List.of("ase-two-nsg INBOUND SUBNET"), nsgNames(f.decisions()));
            NsgDecisionResult d = f.decisions().get(0);
            assertEquals(ResourceId.of(ASE_TWO_SUBNET), d.appliedTo());
            assertEquals(List.of(rule), d.ruleNames());
            assertEquals(set("192.23.1.2/32"), d.matches().get(0).sources(), "the NSG sees the VIP, not the workers");
            assertEquals(List.of("10.0.1.0/26 " + verdict + " by ase-two-nsg " + rule), outcomes(f));
        }

        @Test
        void aseOneReachesTheOrdersApiOn443BecauseItsSourceIsTheVip() {
            FlowResult f = flow(SEED, SEED_POLICY, "ase-one", "orders-api", 443);
            assertEquals(Verdict.ALLOWED, f.verdict(), f.reason());
            assertEquals(Optional.of(Ipv4.parse("192.23.1.2")), f.callSource().address());
            assertEquals(Optional.of("10.0.1.64/26"), f.destination(), "delivered to ase-two's workers");
            assertEquals(set("10.0.1.0/26"), f.allowedSources());
            assertTrue(f.deniedSources().isEmpty());
            assertEquals(List.of(), f.blockers());
            assertEquals(List.of(ASE_ONE, ORDERS_API), f.hopNodes());
            assertEquals(
                    List.of(StepType.ROUTE, StepType.SOURCE_NAT),
                    f.trace().get(0).stepTypes());
            assertEquals(
                    List.of(StepType.FILTER, StepType.DELIVER), f.trace().get(1).stepTypes());
            assertTrue(
                    f.trace()
                            .get(1)
                            .steps()
                            .get(0)
                            .detail()
                            .startsWith("Inbound NSG ase-two-nsg on subnet ase-two-subnet: "
                                    + "ALLOWED — 192.23.1.2/32 allowed by securityRules/RESTRICT-HTTPS"),
                    f.trace().get(1).steps().get(0).detail());
            assertTrue(
                    f.reason().startsWith("Allowed from every source address (10.0.1.0/26, seen as 192.23.1.2)"),
                    f.reason());
        }

        @Test
        void anotherAseWithAnotherVipIsDeniedByDenyAllInBound() {
            FlowResult f = flow(extended().build(), SEED_POLICY, "ase-three", "orders-api", 443);
            assertEquals(Verdict.DENIED, f.verdict(), f.reason());
            assertEquals(SourceKind.PUBLIC_VIP, f.callSource().kind());
            assertEquals(set("10.0.1.128/26"), f.deniedSources());
            assertTrue(f.allowedSources().isEmpty());
            assertEquals(List.of("ase-two-nsg INBOUND SUBNET"), nsgNames(f.blockers()));
            assertEquals(
                    List.of("defaultSecurityRules/DenyAllInBound"),
                    f.blockers().get(0).ruleNames());
            assertEquals(
                    set("192.23.3.6/32"), f.blockers().get(0).matches().get(0).sources());
            assertEquals(
                    List.of("10.0.1.128/26 DENIED by ase-two-nsg defaultSecurityRules/DenyAllInBound"), outcomes(f));
            assertEquals(List.of(ASE_THREE, ORDERS_API), f.hopNodes());
            assertEquals(
                    List.of(StepType.FILTER, StepType.DROP), f.trace().get(1).stepTypes());
        }

        @Test
        void aNatGatewayOnTheCallersSubnetChangesTheSourceAndLosesTheVipRule() {
            Topology t = ReferenceTopology.builder()
                    .publicIp(NAT_PIP, "52.160.1.1")
                    .natGateway(NAT, NAT_PIP)
                    .attachNatGateway(ASE_ONE_SUBNET, NAT)
                    .build();
            FlowResult f = flow(t, SEED_POLICY, "ase-one", "orders-api", 443);
            assertEquals(Verdict.DENIED, f.verdict(), f.reason());
            assertEquals(SourceKind.NAT_GATEWAY, f.callSource().kind());
            assertEquals(set("52.160.1.1/32"), f.blockers().get(0).deniedSources());
            assertEquals(List.of(ASE_ONE, NAT, ORDERS_API), f.hopNodes());
        }
    }

    @Nested
    class ToTheDatabase {
        @Test
        void everyWorkerOfAseOneIsAllowedBecauseTheRuleCoversTheWholeSubnet() {
            FlowResult f = flow(SEED, SEED_POLICY, "ase-one", "db-vm-nic", 1433);
            assertEquals(Verdict.ALLOWED, f.verdict(), f.reason());
            assertEquals(SourceKind.SUBNET_RANGE, f.callSource().kind());
            assertEquals(Optional.of("10.0.2.4"), f.destination());
            assertEquals(List.of("db-nsg INBOUND NETWORK_INTERFACE"), nsgNames(f.decisions()));
            assertEquals(ResourceId.of(DB_NIC), f.decisions().get(0).appliedTo());
            assertEquals(
                    List.of("securityRules/allow-sql-from-ase-one"),
                    f.decisions().get(0).ruleNames());
            assertEquals(set("10.0.1.0/26"), f.allowedSources());
            assertEquals(List.of(ASE_ONE, DB_NIC), f.hopNodes());
            assertEquals(
                    List.of(StepType.FILTER, StepType.DELIVER), f.trace().get(1).stepTypes());
        }

        @Test
        void deniesPartOfTheSubnetWhenTheRuleCoversOnlyHalf() {
            FlowResult f = flow(SEED, seedPolicyWith(dbNsgForFirstHalf()), "ase-one", "db-vm-nic", 1433);
            assertEquals(Verdict.PARTIAL, f.verdict(), f.reason());
            assertEquals(set("10.0.1.0/27"), f.allowedSources());
            assertEquals(set("10.0.1.32/27"), f.deniedSources());
            assertEquals(
                    List.of(
                            "10.0.1.0/27 ALLOWED by db-nsg securityRules/allow-sql-from-ase-one",
                            "10.0.1.32/27 DENIED by db-nsg securityRules/deny-sql-from-vnet"),
                    outcomes(f));
            NsgDecisionResult db = f.decisions().get(0);
            assertEquals(Verdict.PARTIAL, db.verdict());
            assertEquals(
                    List.of("securityRules/allow-sql-from-ase-one", "securityRules/deny-sql-from-vnet"),
                    db.ruleNames());
            assertEquals(set("10.0.1.0/27"), db.matches().get(0).sources());
            assertEquals(set("10.0.1.32/27"), db.matches().get(1).sources());
            assertEquals(List.of(db), f.blockers());
            Step deliver = f.trace().get(1).steps().get(1);
            assertEquals(StepType.DELIVER, deliver.type());
            assertTrue(
                    deliver.detail().endsWith("Delivered only from 10.0.1.0/27; 10.0.1.32/27 denied."),
                    deliver.detail());
            assertTrue(
                    f.reason()
                            .startsWith(
                                    "Allowed only from 10.0.1.0/27 of 10.0.1.0/26; 10.0.1.32/27 denied: "
                                            + "securityRules/deny-sql-from-vnet of db-nsg (network interface db-vm-nic, inbound) denies 10.0.1.32/27"),
                    f.reason());
        }

        @Test
        void listsEveryBlockerWhenTheSourceAndTheDestinationSideEachDenyAPart() {
            Topology t = ReferenceTopology.builder()
                    .attachNsg(ASE_ONE_SUBNET, ASE_ONE_NSG)
                    .build();
            NetworkSecurityGroup aseOne =
                    nsg(ASE_ONE_NSG, out("deny-sql-from-first-workers", 100, Access.DENY, "10.0.1.0/28", "*", "1433"));
            FlowResult f = flow(t, seedPolicyWith(aseOne, dbNsgForFirstHalf()), "app1", "db-vm-nic", 1433);
            assertEquals(Verdict.PARTIAL, f.verdict(), f.reason());
            assertEquals(set("10.0.1.16/28"), f.allowedSources());
            assertEquals(set("10.0.1.0/28", "10.0.1.32/27"), f.deniedSources());
            assertEquals(
                    List.of("ase-one-nsg OUTBOUND SUBNET", "db-nsg INBOUND NETWORK_INTERFACE"),
                    nsgNames(f.decisions()));
            assertEquals(
                    List.of("ase-one-nsg OUTBOUND SUBNET", "db-nsg INBOUND NETWORK_INTERFACE"), nsgNames(f.blockers()));
            assertEquals(
                    set("10.0.1.16/28", "10.0.1.32/27"),
                    f.decisions().get(1).evaluatedSources(),
                    "the destination sees only what the source side let out");
            assertEquals(
                    List.of(
                            "10.0.1.0/28 DENIED by ase-one-nsg securityRules/deny-sql-from-first-workers",
                            "10.0.1.16/28 ALLOWED by ase-one-nsg defaultSecurityRules/AllowVnetOutBound, "
                                    + "db-nsg securityRules/allow-sql-from-ase-one",
                            "10.0.1.32/27 DENIED by db-nsg securityRules/deny-sql-from-vnet"),
                    outcomes(f));
            assertEquals(
                    List.of(StepType.ROUTE, StepType.FILTER, StepType.SOURCE_NAT),
                    f.trace().get(0).stepTypes());
            assertEquals(
                    List.of(StepType.FILTER, StepType.DELIVER), f.trace().get(1).stepTypes());
        }

        @Test
        void theZeroRouteWideningOfVirtualNetworkSurfacesAsAWarning() {
            Topology t = ReferenceTopology.builder()
                    .attachNsg(ASE_ONE_SUBNET, ASE_ONE_NSG)
                    .build();
            FlowResult f = flow(t, seedPolicyWith(nsg(ASE_ONE_NSG)), "app1", "db-vm-nic", 1433);
            assertEquals(Verdict.ALLOWED, f.verdict(), f.reason());
            assertEquals(
                    List.of("defaultSecurityRules/AllowVnetOutBound"),
                    f.decisions().get(0).ruleNames());
            assertEquals(1, f.warnings().size(), f.warnings().toString());
            String warning = f.warnings().get(0);
            assertTrue(
                    warning.startsWith("The VirtualNetwork service tag is every address (0.0.0.0/0) for the subnets of "
                            + "ase-vnet using route table ase-one-routes: their route table has the 0.0.0.0/0 user route "
                            + "direct-internet (→ Internet)"),
                    warning);
            assertEquals(List.of(warning), f.decisions().get(0).warnings());
            assertEquals(List.of(), f.decisions().get(1).warnings(), "db-subnet has no 0.0.0.0/0 user route");
        }

        @Test
        void noWarningWhenTheCallersSubnetHasNoZeroRoute() {
            FlowResult f = flow(SEED, SEED_POLICY, "orders-api", "db-vm-nic", 1433);
            assertEquals(Verdict.DENIED, f.verdict(), f.reason());
            assertEquals(
                    List.of("ase-two-nsg OUTBOUND SUBNET", "db-nsg INBOUND NETWORK_INTERFACE"),
                    nsgNames(f.decisions()));
            assertEquals(
                    List.of("defaultSecurityRules/AllowVnetOutBound"),
                    f.decisions().get(0).ruleNames());
            assertEquals(List.of(), f.warnings());
            assertEquals(List.of("10.0.1.64/26 DENIED by db-nsg securityRules/deny-sql-from-vnet"), outcomes(f));
        }

        @Test
        void protocolAnyIsAllowedOnlyWhenEveryProtocolIs() {
            FlowResult f = analyzer(SEED, SEED_POLICY).analyze("ase-one", "db-vm-nic", 1433, Protocol.ANY);
            assertEquals(Verdict.ALLOWED, f.verdict(), f.reason());
            assertEquals(
                    List.of("securityRules/allow-sql-from-ase-one", "defaultSecurityRules/AllowVnetInBound"),
                    f.decisions().get(0).ruleNames(),
                    "TCP by the SQL rule, every other protocol by AllowVnetInBound");
        }

        @Test
        void aMissingNsgIsUndeterminedNamingIt() {
            PolicySet withoutDbNsg =
                    new PolicySet(List.of(ReferenceTopology.nsgs().get(0)), List.of(), List.of());
            FlowResult f = flow(SEED, withoutDbNsg, "ase-one", "db-vm-nic", 1433);
            assertEquals(Verdict.UNDETERMINED, f.verdict(), f.reason());
            assertEquals(set("10.0.1.0/26"), f.undeterminedSources());
            assertEquals(Verdict.UNDETERMINED, f.decisions().get(0).verdict());
            assertTrue(
                    f.causes()
                            .get(0)
                            .startsWith("NSG db-nsg (" + DB_NSG + ") is attached to db-vm-nic but is not in the "
                                    + "snapshot"),
                    f.causes().toString());
        }
    }

    @Nested
    class Undetermined {
        NetworkSecurityGroup sqlOnly() {
            return nsg(
                    ASE_ONE_NSG,
                    out("allow-sql", 100, Access.ALLOW, "*", "Sql.WestUS", "1433"),
                    out("deny-internet", 4000, Access.DENY, "*", "Internet", "*"));
        }

        @Test
        void anUnimportedServiceTagIsUndeterminedNamingTheTagThenDecidedOnceImported() {
            Topology t = ReferenceTopology.builder()
                    .attachNsg(ASE_ONE_SUBNET, ASE_ONE_NSG)
                    .build();
            FlowResult before = flow(t, seedPolicyWith(sqlOnly()), "app1", "azure-sql-westus", 1433);
            assertEquals(Verdict.UNDETERMINED, before.verdict(), before.reason());
            assertEquals(set("10.0.1.0/26"), before.undeterminedSources());
            assertEquals(List.of("securityRules/allow-sql: service tag 'Sql.WestUS' is not imported"), before.causes());
            assertEquals(
                    List.of(
                            "10.0.1.0/26 UNDETERMINED (securityRules/allow-sql: service tag 'Sql.WestUS' is not imported)"),
                    outcomes(before));
            assertEquals(
                    List.of(StepType.ROUTE, StepType.FILTER),
                    before.trace().get(0).stepTypes(),
                    "nothing certainly leaves the subnet");

            PolicySet tagged = policy(List.of(tag("Sql.WestUS", "40.112.240.0/20")), List.of(), sqlOnly());
            FlowResult after = flow(t, tagged, "app1", "azure-sql-westus", 1433);
            assertEquals(Verdict.ALLOWED, after.verdict(), after.reason());
            assertEquals(List.of("10.0.1.0/26 ALLOWED by ase-one-nsg securityRules/allow-sql"), outcomes(after));
            assertEquals(List.of(), after.causes());
            assertEquals(List.of(APP1, ReferenceTopology.AZURE_SQL), after.hopNodes());
            assertEquals(
                    List.of(StepType.DELIVER),
                    after.trace().get(1).stepTypes(),
                    "an endpoint outside the model has no inbound NSG");
        }

        Topology forcedTunnel() {
            return ReferenceTopology.builder()
                    .gatewayWithDefaultSite(GATEWAY, VNET, GatewayType.VPN, ONPREM)
                    .routeTable(ASE_ONE_ROUTES, false, route("force-onprem", "0.0.0.0/0", "VirtualNetworkGateway"))
                    .attachNsg(ASE_ONE_SUBNET, ASE_ONE_NSG)
                    .build();
        }

        @Test
        void forcedTunnellingIsUndeterminedWithTheWalksReason() {
            FlowResult f = flow(forcedTunnel(), seedPolicyWith(nsg(ASE_ONE_NSG)), "app1", "13.107.21.200", 443);
            assertEquals(Verdict.UNDETERMINED, f.verdict(), f.reason());
            assertEquals(SourceKind.UNDETERMINED, f.callSource().kind());
            assertEquals(set("10.0.1.0/26"), f.undeterminedSources());
            assertEquals(List.of(f.callSource().reason()), f.causes());
            assertTrue(
                    f.causes().get(0).contains("tunnels this Internet-bound call through ase-vnet-gw"),
                    f.causes().get(0));
            assertEquals(
                    List.of("ase-one-nsg OUTBOUND SUBNET"),
                    nsgNames(f.decisions()),
                    "the source side acts before the path leaves the model");
            assertEquals(List.of(APP1, GATEWAY, "13.107.21.200"), f.hopNodes());
        }

        @Test
        void forcedTunnellingIsDeniedWhenTheSourceSideDeniesEverything() {
            NetworkSecurityGroup noInternet =
                    nsg(ASE_ONE_NSG, out("deny-internet", 100, Access.DENY, "*", "Internet", "*"));
            FlowResult f = flow(forcedTunnel(), seedPolicyWith(noInternet), "app1", "13.107.21.200", 443);
            assertEquals(Verdict.DENIED, f.verdict(), f.reason());
            assertEquals(List.of(APP1), f.hopNodes(), "the call never leaves");
            assertEquals(
                    List.of(StepType.ROUTE, StepType.FILTER, StepType.DROP),
                    f.trace().get(0).stepTypes());
        }

        @Test
        void anAsgWithKnownMembersResolvesAndOneWithoutIsUndetermined() {
            SecurityRule fromAppServers = new SecurityRule(
                    "allow-sql-from-app-servers",
                    100,
                    Direction.INBOUND,
                    Access.ALLOW,
                    Protocol.TCP,
                    List.of(),
                    List.of(PortRange.ALL),
                    List.of("*"),
                    List.of(PortRange.single(1433)),
                    List.of(ResourceId.of(APP_ASG)),
                    List.of(),
                    "",
                    false);
            NetworkSecurityGroup db = nsg(
                    DB_NSG, fromAppServers, in("deny-sql-from-vnet", 200, Access.DENY, "VirtualNetwork", "*", "1433"));
            NetworkSecurityGroup appNic = nsg(APP_NIC_NSG);
            NetworkSecurityGroup appSubnet = nsg(APP_SUBNET_NSG);
            ApplicationSecurityGroup asg =
                    new ApplicationSecurityGroup(ResourceId.of(APP_ASG), "app-servers", "westus");
            Topology t = extended().build();

            FlowResult known =
                    flow(t, policy(List.of(), List.of(asg), db, appNic, appSubnet), "app-vm-nic", "db-vm-nic", 1433);
            assertEquals(Verdict.ALLOWED, known.verdict(), known.reason());
            assertEquals(
                    List.of("securityRules/allow-sql-from-app-servers"),
                    known.decisions().get(2).ruleNames());

            // the same rule naming an ASG that nothing defines and no NIC joins
            Topology noMembers = extended()
                    .add(new NetworkInterface(
                            ResourceId.of(APP_NIC),
                            "app-vm-nic",
                            "westus",
                            ResourceId.of(APP_SUBNET),
                            Ipv4.parse("10.0.3.4"),
                            Optional.of(ResourceId.of(APP_NIC_NSG)),
                            List.of(),
                            List.of(),
                            ""))
                    .build();
            FlowResult unknown = flow(
                    noMembers, policy(List.of(), List.of(), db, appNic, appSubnet), "app-vm-nic", "db-vm-nic", 1433);
            assertEquals(Verdict.UNDETERMINED, unknown.verdict(), unknown.reason());
            assertTrue(
                    unknown.causes().get(0).contains("application security group 'app-servers'"),
                    unknown.causes().toString());
        }
    }

    @Nested
    class Unreachable {
        @Test
        void anAddressInTheAsesOwnSubnetIsUnreachableAndNoNsgIsEvaluated() {
            Topology t = ReferenceTopology.builder()
                    .attachNsg(ASE_ONE_SUBNET, ASE_ONE_NSG)
                    .build();
            NetworkSecurityGroup denyAll = nsg(ASE_ONE_NSG, out("deny-all", 100, Access.DENY, "*", "*", "*"));
            FlowResult f = flow(t, seedPolicyWith(denyAll), "app1", "10.0.1.10", 443);
            assertEquals(Verdict.UNREACHABLE, f.verdict(), f.reason());
            assertEquals(SourceKind.UNREACHABLE, f.callSource().kind());
            assertEquals(List.of(), f.decisions());
            assertEquals(set("10.0.1.0/26"), f.unreachableSources());
            assertEquals(Optional.empty(), f.destination());
            assertEquals(List.of(APP1), f.hopNodes());
            assertEquals(
                    List.of(StepType.ROUTE, StepType.DROP), f.trace().get(0).stepTypes());
            assertTrue(f.reason().contains("inside ase-one's own subnet"), f.reason());
        }
    }

    @Nested
    class FromANetworkInterface {
        @Test
        void passesItsNicNsgThenItsSubnetNsgOutboundThenTheDestinationsInbound() {
            NetworkSecurityGroup nic =
                    nsg(APP_NIC_NSG, out("allow-sql-out", 100, Access.ALLOW, "*", "10.0.2.0/24", "1433"));
            NetworkSecurityGroup subnet = nsg(APP_SUBNET_NSG);
            FlowResult f = flow(extended().build(), seedPolicyWith(nic, subnet), "app-vm-nic", "db-vm-nic", 1433);
            assertEquals(SourceKind.PRIVATE_ADDRESS, f.callSource().kind());
            assertEquals(Verdict.DENIED, f.verdict(), f.reason());
            assertEquals(
                    List.of(
                            "app-vm-nsg OUTBOUND NETWORK_INTERFACE",
                            "app-subnet-nsg OUTBOUND SUBNET",
                            "db-nsg INBOUND NETWORK_INTERFACE"),
                    nsgNames(f.decisions()));
            assertEquals(
                    List.of("securityRules/allow-sql-out"), f.decisions().get(0).ruleNames());
            assertEquals(
                    List.of("defaultSecurityRules/AllowVnetOutBound"),
                    f.decisions().get(1).ruleNames());
            assertEquals(List.of("db-nsg INBOUND NETWORK_INTERFACE"), nsgNames(f.blockers()));
            assertEquals(List.of("10.0.3.4/32 DENIED by db-nsg securityRules/deny-sql-from-vnet"), outcomes(f));
            assertEquals(List.of(APP_NIC, DB_NIC), f.hopNodes());
            assertEquals(
                    List.of(StepType.ROUTE, StepType.FILTER, StepType.FILTER, StepType.SOURCE_NAT),
                    f.trace().get(0).stepTypes());
            assertEquals(
                    List.of(StepType.FILTER, StepType.DROP), f.trace().get(1).stepTypes());
        }

        @Test
        void aDenyInTheNicNsgIsFinalAndTheSubnetNsgNeverSeesIt() {
            NetworkSecurityGroup nic = nsg(APP_NIC_NSG, out("deny-sql-out", 100, Access.DENY, "*", "*", "1433"));
            NetworkSecurityGroup subnet = nsg(APP_SUBNET_NSG, out("deny-everything", 100, Access.DENY, "*", "*", "*"));
            FlowResult f = flow(extended().build(), seedPolicyWith(nic, subnet), "10.0.3.4", "db-vm-nic", 1433);
            assertEquals(Verdict.DENIED, f.verdict(), f.reason());
            assertEquals(List.of("app-vm-nsg OUTBOUND NETWORK_INTERFACE"), nsgNames(f.decisions()));
            assertEquals(List.of(APP_NIC), f.hopNodes());
            assertEquals(
                    List.of(StepType.ROUTE, StepType.FILTER, StepType.DROP),
                    f.trace().get(0).stepTypes());
        }
    }

    @Nested
    class Delivery {
        @Test
        void aDestinationWithoutAnyNsgIsDelivered() {
            Topology t = ReferenceTopology.builder()
                    .nic(PLAIN_NIC, DB_SUBNET, "10.0.2.20")
                    .build();
            FlowResult f = flow(t, SEED_POLICY, "ase-one", "plain-vm-nic", 8080);
            assertEquals(Verdict.ALLOWED, f.verdict(), f.reason());
            assertEquals(List.of(), f.decisions());
            assertEquals(Optional.of("10.0.2.20"), f.destination());
            assertEquals(List.of(StepType.DELIVER), f.trace().get(1).stepTypes());
            assertTrue(
                    f.trace()
                            .get(1)
                            .steps()
                            .get(0)
                            .detail()
                            .endsWith("No NSG is attached to db-subnet or to plain-vm-nic."),
                    f.trace().get(1).steps().get(0).detail());
            assertEquals(List.of("10.0.1.0/26 ALLOWED"), outcomes(f));
        }

        @Test
        void anInternetHostOutsideTheModelIsDeliveredAfterTheSourceSide() {
            FlowResult f = flow(SEED, SEED_POLICY, "app1", "13.107.21.200", 443);
            assertEquals(Verdict.ALLOWED, f.verdict(), f.reason());
            assertEquals(Optional.of("13.107.21.200"), f.destination());
            assertEquals(List.of(APP1, "13.107.21.200"), f.hopNodes());
            assertTrue(f.reason().contains("outside the modelled subnets"), f.reason());
        }

        @Test
        void aVmReachedAtItsPublicIpIsFilteredByItsNsgsAgainstTheCallersVip() {
            Topology t = extended()
                    .publicIp(WEB_PIP, "52.1.2.3")
                    .add(new NetworkInterface(
                            ResourceId.of(WEB_NIC),
                            "web-vm-nic",
                            "westus",
                            ResourceId.of(APP_SUBNET),
                            Ipv4.parse("10.0.3.5"),
                            Optional.of(ResourceId.of(WEB_NIC_NSG)),
                            List.of(),
                            List.of(ResourceId.of(WEB_PIP)),
                            ""))
                    .build();
            NetworkSecurityGroup web =
                    nsg(WEB_NIC_NSG, in("allow-https-from-ase-one", 100, Access.ALLOW, "192.23.1.2", "*", "443"));
            NetworkSecurityGroup subnet =
                    nsg(APP_SUBNET_NSG, in("allow-https", 100, Access.ALLOW, "Internet", "*", "443"));
            PolicySet p = seedPolicyWith(web, subnet);

            FlowResult fromOne = flow(t, p, "ase-one", "52.1.2.3", 443);
            assertEquals(Verdict.ALLOWED, fromOne.verdict(), fromOne.reason());
            assertEquals(Optional.of("10.0.3.5"), fromOne.destination());
            assertEquals(
                    List.of("app-subnet-nsg INBOUND SUBNET", "web-vm-nsg INBOUND NETWORK_INTERFACE"),
                    nsgNames(fromOne.decisions()));

            FlowResult fromThree = flow(t, p, "ase-three", "web-vm-pip", 443);
            assertEquals(Verdict.DENIED, fromThree.verdict(), fromThree.reason());
            assertEquals(List.of("web-vm-nsg INBOUND NETWORK_INTERFACE"), nsgNames(fromThree.blockers()));
        }

        @Test
        void anAddressAcrossAVnetToVnetConnectionIsFilteredByItsSubnetsNsg() {
            String remote = NET + "/virtualNetworks/remote-vnet";
            String remoteSubnet = remote + "/subnets/backend";
            String remoteGw = NET + "/virtualNetworkGateways/remote-gw";
            String remoteNsg = NET + "/networkSecurityGroups/backend-nsg";
            Topology t = ReferenceTopology.builder()
                    .vnet(remote, "10.5.0.0/16")
                    .subnet(remoteSubnet, remote, "10.5.1.0/24")
                    .attachNsg(remoteSubnet, remoteNsg)
                    .gateway(remoteGw, remote, GatewayType.VPN)
                    .connection(NET + "/connections/ase-to-remote", "Vnet2Vnet", GATEWAY, remoteGw)
                    .build();
            NetworkSecurityGroup backend =
                    nsg(remoteNsg, in("deny-https-from-ase-one", 100, Access.DENY, "10.0.1.0/26", "*", "443"));
            FlowResult f = flow(t, seedPolicyWith(backend), "app1", "10.5.1.9", 443);
            assertEquals(
                    SourceKind.SUBNET_RANGE,
                    f.callSource().kind(),
                    f.callSource().reason());
            assertEquals(
                    Optional.of(ResourceId.of(remoteSubnet)),
                    CallSourceScenarioTest.walk(t, "app1", "10.5.1.9").destinationSubnet());
            assertEquals(Verdict.DENIED, f.verdict(), f.reason());
            assertEquals(List.of("backend-nsg INBOUND SUBNET"), nsgNames(f.blockers()));
            assertEquals(List.of(APP1, GATEWAY, "10.5.1.9"), f.hopNodes());
        }

        @Test
        void aPublicIpOfNothingModelledIsDeliveredWithAWarning() {
            Topology t =
                    ReferenceTopology.builder().publicIp(WEB_PIP, "52.1.2.3").build();
            FlowResult f = flow(t, SEED_POLICY, "ase-one", "web-vm-pip", 443);
            assertEquals(Verdict.ALLOWED, f.verdict(), f.reason());
            assertEquals(List.of(), f.decisions());
            assertEquals(
                    List.of("Public IP web-vm-pip is not attached to a modelled network interface (a load balancer or "
                            + "gateway is not modelled), so no NSG behind it is evaluated."),
                    f.warnings());
        }

        @Test
        void icmpIgnoresThePortAndSaysSo() {
            FlowResult f = analyzer(SEED, SEED_POLICY).analyze("ase-one", "db-vm-nic", 0, Protocol.ICMP);
            assertEquals(Verdict.ALLOWED, f.verdict(), f.reason());
            assertEquals(
                    List.of("defaultSecurityRules/AllowVnetInBound"),
                    f.decisions().get(0).ruleNames());
            assertTrue(
                    f.warnings()
                            .contains("ICMP has no ports: it is evaluated over every port, so a port-restricted rule "
                                    + "decides only part of it"),
                    f.warnings().toString());
        }

        @Test
        void aPortOutsideTheRangeIsAnInvalidArgument() {
            InvalidArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
                    InvalidArgumentException.class,
                    () -> analyzer(SEED, SEED_POLICY).analyze("ase-one", "db-vm-nic", 70000, Protocol.TCP));
            assertEquals("INVALID_ARGUMENT", e.code().wire());
            assertFalse(e.getMessage().isBlank());
        }
    }
}
