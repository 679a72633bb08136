package io.asegraph.policy;

import static io.asegraph.policy.Rules.asgRule;
import static io.asegraph.policy.Rules.in;
import static io.asegraph.policy.Rules.nsg;
import static io.asegraph.policy.Rules.onNic;
import static io.asegraph.policy.Rules.onSubnet;
import static io.asegraph.policy.Rules.out;
import static io.asegraph.policy.Rules.set;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.net.Protocol;
import io.asegraph.topology.ResourceId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The IP flow verify vectors of azure-semantics §1.8 (T1, T3, T4) and §2.7 (T6). */
class IpFlowVerifyTest {
    private static String answer(IpFlowResult r) {
        return r.access().map(Access::azureName).orElse("?") + " "
                + r.ruleName().orElse("(none)");
    }

    // ---- T1: a VM 10.0.0.4 with a default NSG on its NIC (IP flow verify quickstarts).
    private static final NsgEvaluator T1 = Rules.evaluator(Rules.vnet("10.0.0.0/16"));
    private static final List<AppliedNsg> T1_NSGS = List.of(onNic(nsg("myVm-nsg"), "myVmVMNic"));

    @ParameterizedTest(name = "T1{0}")
    @CsvSource({
        "a, OUTBOUND, 10.0.0.4, 60000, 13.107.21.200, 80, Allow defaultSecurityRules/AllowInternetOutBound",
        "b, OUTBOUND, 10.0.0.4, 60000, 172.31.0.100, 80, Deny defaultSecurityRules/DenyAllOutBound",
        "c, INBOUND, 10.0.0.4, 80, 172.31.0.100, 60000, Deny defaultSecurityRules/DenyAllInBound"
    })
    void reproducesTheIpFlowVerifyQuickstart(
            String id,
            Direction direction,
            String local,
            int localPort,
            String remote,
            int remotePort,
            String expected) {
        IpFlowResult r =
                ReferenceChain.verify(T1, T1_NSGS, direction, Protocol.TCP, local, localPort, remote, remotePort);
        assertEquals(expected, answer(r));
        assertEquals("myVm-nsg", r.nsg().orElseThrow().nsg().name());
    }

    // ---- T3: the 2016 two-tier sample (FrontEnd 192.168.1.0/24 with Web1 .4 / Web2 .5; BackEnd 192.168.2.0/24, DB1
    // .4).
    private static final NsgEvaluator T3 = Rules.evaluator(Rules.vnet("192.168.0.0/16"));
    private static final NetworkSecurityGroup FRONT_END = nsg(
            "FrontEnd-nsg",
            in("allow-HTTP", 100, Access.ALLOW, Protocol.TCP, "Internet", "*", "*", "80"),
            in("allow-RDP-from-FrontEnd", 200, Access.ALLOW, Protocol.TCP, "192.168.1.0/24", "*", "*", "3389"),
            in("deny-anything-from-Internet", 300, Access.DENY, Protocol.TCP, "Internet", "*", "*", "*"),
            out("deny-Internet", 100, Access.DENY, Protocol.ANY, "*", "*", "Internet", "*"));
    private static final NetworkSecurityGroup BACK_END = nsg(
            "BackEnd-nsg",
            in("deny-Internet", 100, Access.DENY, Protocol.ANY, "Internet", "*", "*", "*"),
            out("deny-Internet", 100, Access.DENY, Protocol.ANY, "*", "*", "Internet", "*"));
    private static final NetworkSecurityGroup SQL_NIC = nsg(
            "SQL-nic-nsg",
            in("allow-SQL-from-front-end", 100, Access.ALLOW, Protocol.TCP, "192.168.1.0/24", "*", "*", "1433"));

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "Internet to Web1 HTTP, INBOUND, 192.168.1.4, 80, 203.0.113.9, 50000, Allow securityRules/allow-HTTP",
        "Internet to Web1 RDP, INBOUND, 192.168.1.4, 3389, 203.0.113.9, 50000, Deny securityRules/deny-anything-from-Internet",
        "Web1 to Web2 RDP, INBOUND, 192.168.1.5, 3389, 192.168.1.4, 50000, Allow securityRules/allow-RDP-from-FrontEnd",
        "Web1 to the Internet, OUTBOUND, 192.168.1.4, 50000, 13.107.21.200, 443, Deny securityRules/deny-Internet"
    })
    void reproducesTheTwoTierSampleOnTheFrontEnd(
            String name,
            Direction direction,
            String local,
            int localPort,
            String remote,
            int remotePort,
            String expected) {
        IpFlowResult r = ReferenceChain.verify(
                T3,
                List.of(onSubnet(FRONT_END, "FrontEnd")),
                direction,
                Protocol.TCP,
                local,
                localPort,
                remote,
                remotePort);
        assertEquals(expected, answer(r));
    }

    @Test
    void reportsTheLastNsgsAllowingRuleWhenSubnetAndNicBothAllow() {
        List<AppliedNsg> nsgs = NsgChain.order(
                Direction.INBOUND, Optional.of(onSubnet(BACK_END, "BackEnd")), Optional.of(onNic(SQL_NIC, "DB1-nic")));
        IpFlowResult r = ReferenceChain.verify(
                T3, nsgs, Direction.INBOUND, Protocol.TCP, "192.168.2.4", 1433, "192.168.1.4", 50000);
        assertEquals("Allow securityRules/allow-SQL-from-front-end", answer(r));
        assertEquals(NsgLevel.NETWORK_INTERFACE, r.nsg().orElseThrow().level());
        ChainEvaluation chain = ReferenceChain.evaluate(
                T3,
                nsgs,
                Direction.INBOUND,
                FlowSpace.point(
                        io.asegraph.net.Ipv4.parse("192.168.1.4"),
                        50000,
                        io.asegraph.net.Ipv4.parse("192.168.2.4"),
                        1433,
                        Protocol.TCP));
        assertEquals(
                "defaultSecurityRules/AllowVnetInBound",
                chain.steps().get(0).evaluation().decisions().get(0).ruleName(),
                "the subnet NSG allowed it by default");
    }

    @Test
    void reportsTheSubnetDenyWhenItComesFirst() {
        List<AppliedNsg> nsgs = NsgChain.order(
                Direction.INBOUND, Optional.of(onSubnet(BACK_END, "BackEnd")), Optional.of(onNic(SQL_NIC, "DB1-nic")));
        IpFlowResult r = ReferenceChain.verify(
                T3, nsgs, Direction.INBOUND, Protocol.TCP, "192.168.2.4", 1433, "203.0.113.9", 50000);
        assertEquals("Deny securityRules/deny-Internet", answer(r));
        assertEquals(NsgLevel.SUBNET, r.nsg().orElseThrow().level());
    }

    // ---- T4: application security groups. NIC1/NIC2 in AsgWeb, NIC3 in AsgLogic, NIC4 in AsgDb; NSG1 on both subnets.
    private static final ResourceId ASG_WEB = Rules.id("applicationSecurityGroups/AsgWeb");
    private static final ResourceId ASG_LOGIC = Rules.id("applicationSecurityGroups/AsgLogic");
    private static final ResourceId ASG_DB = Rules.id("applicationSecurityGroups/AsgDb");
    private static final NsgEvaluator T4 = Rules.evaluator(Rules.vnet("10.0.0.0/16")
            .withAsgMembers(
                    Map.of(ASG_WEB, set("10.0.0.4", "10.0.0.5"), ASG_LOGIC, set("10.0.0.6"), ASG_DB, set("10.0.1.4"))));
    private static final NetworkSecurityGroup NSG1 = nsg(
            "NSG1",
            asgRule(
                    "Allow-HTTP-Inbound-Internet",
                    100,
                    Direction.INBOUND,
                    Access.ALLOW,
                    Protocol.TCP,
                    List.of("Internet"),
                    List.of(),
                    List.of(),
                    List.of(ASG_WEB),
                    "80"),
            asgRule(
                    "Allow-Database-BusinessLogic",
                    110,
                    Direction.INBOUND,
                    Access.ALLOW,
                    Protocol.TCP,
                    List.of(),
                    List.of(ASG_LOGIC),
                    List.of(),
                    List.of(ASG_DB),
                    "1433"),
            asgRule(
                    "Deny-Database-All",
                    120,
                    Direction.INBOUND,
                    Access.DENY,
                    Protocol.ANY,
                    List.of("*"),
                    List.of(),
                    List.of(),
                    List.of(ASG_DB),
                    "1433"));

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "NIC3 to NIC4 SQL, 10.0.1.4, 1433, 10.0.0.6, Allow securityRules/Allow-Database-BusinessLogic",
        "NIC1 to NIC4 SQL, 10.0.1.4, 1433, 10.0.0.4, Deny securityRules/Deny-Database-All",
        "Internet to NIC1 HTTP, 10.0.0.4, 80, 203.0.113.9, Allow securityRules/Allow-HTTP-Inbound-Internet",
        "Internet to NIC3 HTTP, 10.0.0.6, 80, 203.0.113.9, Deny defaultSecurityRules/DenyAllInBound"
    })
    void reproducesTheApplicationSecurityGroupExample(
            String name, String local, int localPort, String remote, String expected) {
        IpFlowResult r = ReferenceChain.verify(
                T4,
                List.of(onSubnet(NSG1, "subnet")),
                Direction.INBOUND,
                Protocol.TCP,
                local,
                localPort,
                remote,
                50000);
        assertEquals(expected, answer(r));
    }

    // ---- T6: the NSG on ASE Two's subnet (10.0.1.64/26); the ASE's worker 10.0.1.70 receives after NAT.
    private static final NsgEvaluator T6 = Rules.evaluator(Rules.vnet("10.0.0.0/16", "192.168.0.0/16"));
    static final NetworkSecurityGroup ASE_TWO_NSG = nsg(
            "ase-two-nsg",
            in("Allow-ASE-Management", 100, Access.ALLOW, Protocol.TCP, "INTERNET", "*", "*", "454-455"),
            in("Allow-ASE-One-HTTP", 200, Access.ALLOW, Protocol.TCP, "192.23.1.2/32", "*", "*", "80"),
            in("Allow-ASE-One-HTTPS", 300, Access.ALLOW, Protocol.TCP, "192.23.1.2/32", "*", "*", "443"));

    @ParameterizedTest(name = "T6{0}")
    @CsvSource({
        "a, 192.23.1.2, 443, Allow securityRules/Allow-ASE-One-HTTPS",
        "b, 10.0.1.5, 443, Allow defaultSecurityRules/AllowVnetInBound",
        "c, 198.51.100.7, 443, Deny defaultSecurityRules/DenyAllInBound",
        "d, 70.37.57.58, 454, Allow securityRules/Allow-ASE-Management",
        "e, 198.51.100.7, 21, Deny defaultSecurityRules/DenyAllInBound"
    })
    void reproducesTheAseTwoSubnetVectors(String id, String remote, int port, String expected) {
        IpFlowResult r = ReferenceChain.verify(
                T6,
                List.of(onSubnet(ASE_TWO_NSG, "ase-two-subnet")),
                Direction.INBOUND,
                Protocol.TCP,
                "10.0.1.70",
                port,
                remote,
                50000);
        assertEquals(expected, answer(r));
    }

    @Test
    void answersTheAseTwoQuestionOverRangesWithTheSubRangeEachRuleDecided() {
        ChainEvaluation chain = ReferenceChain.evaluate(
                T6,
                List.of(onSubnet(ASE_TWO_NSG, "ase-two-subnet")),
                Direction.INBOUND,
                FlowSpace.of(set("192.23.1.2/32", "198.51.100.0/24"), set("10.0.1.64/26"), 443, Protocol.TCP));
        assertEquals(Verdict.PARTIAL, chain.verdict());
        assertEquals(
                List.of(
                        "securityRules/Allow-ASE-One-HTTPS=192.23.1.2/32",
                        "defaultSecurityRules/DenyAllInBound=198.51.100.0/24"),
                chain.steps().get(0).evaluation().decisions().stream()
                        .map(d -> d.ruleName() + "=" + d.sources())
                        .toList());
    }

    @Test
    void allowsWithoutARuleNameWhenNoNsgApplies() {
        IpFlowResult r = ReferenceChain.verify(
                T1, List.of(), Direction.INBOUND, Protocol.TCP, "10.0.0.4", 22, "203.0.113.9", 50000);
        assertEquals(Verdict.ALLOWED, r.verdict());
        assertEquals(Optional.empty(), r.ruleName());
    }

    @Test
    void answersUndeterminedNamingTheUnresolvedRuleAndTag() {
        NetworkSecurityGroup nsg =
                nsg("nsg", out("allow-sql", 100, Access.ALLOW, Protocol.TCP, "*", "*", "Sql.WestUS", "1433"));
        IpFlowResult r = ReferenceChain.verify(
                T1,
                List.of(onNic(nsg, "nic")),
                Direction.OUTBOUND,
                Protocol.TCP,
                "10.0.0.4",
                50000,
                "40.112.240.9",
                1433);
        assertEquals(Verdict.UNDETERMINED, r.verdict());
        assertEquals(Optional.empty(), r.access());
        assertEquals(Optional.of("securityRules/allow-sql"), r.ruleName());
        assertTrue(r.undeterminedCause().orElseThrow().contains("Sql.WestUS"));

        NsgEvaluator withTag =
                Rules.evaluator(Rules.withTags(Rules.tag("Sql.WestUS", "40.112.240.0/20")), Rules.vnet("10.0.0.0/16"));
        assertEquals(
                "Allow securityRules/allow-sql",
                answer(ReferenceChain.verify(
                        withTag,
                        List.of(onNic(nsg, "nic")),
                        Direction.OUTBOUND,
                        Protocol.TCP,
                        "10.0.0.4",
                        50000,
                        "40.112.240.9",
                        1433)));
    }
}
