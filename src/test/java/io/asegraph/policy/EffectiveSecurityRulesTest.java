package io.asegraph.policy;

import static io.asegraph.policy.Rules.in;
import static io.asegraph.policy.Rules.nsg;
import static io.asegraph.policy.Rules.out;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.net.Protocol;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EffectiveSecurityRulesTest {
    private static final PrefixResolver RESOLVER =
            new PrefixResolver(Rules.withTags(Rules.tag("Sql.WestUS", "40.112.240.0/20")), Rules.vnet("10.1.0.0/24"));
    private static final NetworkSecurityGroup SUBNET_NSG = nsg(
            "subnet-nsg",
            in("allow-https", 200, Access.ALLOW, Protocol.TCP, "Internet", "*", "*", "443"),
            in("allow-mgmt", 100, Access.ALLOW, Protocol.TCP, "AppServiceManagement", "*", "*", "454-455"),
            out("allow-sql", 100, Access.ALLOW, Protocol.TCP, "*", "*", "Sql.WestUS", "1433"));
    private static final NetworkSecurityGroup NIC_NSG = nsg(
            "nic-nsg",
            Rules.rule(
                    "web-ports",
                    100,
                    Direction.INBOUND,
                    Access.ALLOW,
                    Protocol.TCP,
                    List.of("10.1.0.0/24", "10.2.0.7"),
                    List.of("*"),
                    List.of("*"),
                    List.of("80", "8000-8080")));

    @Test
    void listsUserAndDefaultRulesInEvaluationOrderWithQualifiedNames() {
        List<EffectiveSecurityRule> rules =
                EffectiveSecurityRules.list(List.of(SUBNET_NSG, NIC_NSG), Direction.INBOUND, RESOLVER);
        assertEquals(
                List.of(
                        "subnet-nsg securityRules/allow-mgmt 100",
                        "subnet-nsg securityRules/allow-https 200",
                        "subnet-nsg defaultSecurityRules/AllowVnetInBound 65000",
                        "subnet-nsg defaultSecurityRules/AllowAzureLoadBalancerInBound 65001",
                        "subnet-nsg defaultSecurityRules/DenyAllInBound 65500",
                        "nic-nsg securityRules/web-ports 100",
                        "nic-nsg defaultSecurityRules/AllowVnetInBound 65000",
                        "nic-nsg defaultSecurityRules/AllowAzureLoadBalancerInBound 65001",
                        "nic-nsg defaultSecurityRules/DenyAllInBound 65500"),
                rules.stream()
                        .map(r -> r.nsg().name() + " " + r.name() + " " + r.priority())
                        .toList());
    }

    @Test
    void expandsTagsShowsStarPortsAsTheFullRangeAndMarksUnresolvedTags() {
        List<EffectiveSecurityRule> rules =
                EffectiveSecurityRules.list(List.of(SUBNET_NSG), Direction.INBOUND, RESOLVER);
        EffectiveSecurityRule mgmt = rules.get(0);
        assertEquals(List.of("AppServiceManagement"), mgmt.sourceAddressPrefixes());
        assertEquals(
                List.of("UNRESOLVED: service tag 'AppServiceManagement' is not imported"),
                mgmt.expandedSourceAddressPrefixes());
        assertEquals(List.of("0-65535"), mgmt.sourcePortRanges());
        assertEquals(List.of("454-455"), mgmt.destinationPortRanges());
        assertEquals(List.of("0.0.0.0/0"), mgmt.expandedDestinationAddressPrefixes());

        EffectiveSecurityRule https = rules.get(1);
        assertEquals(
                List.of("1.0.0.0/8", "2.0.0.0/7", "4.0.0.0/6", "8.0.0.0/7", "11.0.0.0/8", "12.0.0.0/6"),
                https.expandedSourceAddressPrefixes().subList(0, 6));

        EffectiveSecurityRule vnet = rules.get(2);
        assertEquals(List.of("VirtualNetwork"), vnet.sourceAddressPrefixes());
        assertEquals(List.of("10.1.0.0/24", "168.63.129.16/32"), vnet.expandedSourceAddressPrefixes());
        assertEquals(Protocol.ANY, vnet.protocol());
    }

    @Test
    void keepsPortListsAndPluralPrefixesAsWritten() {
        EffectiveSecurityRule web = EffectiveSecurityRules.list(List.of(NIC_NSG), Direction.INBOUND, RESOLVER)
                .get(0);
        assertEquals(List.of("10.1.0.0/24", "10.2.0.7"), web.sourceAddressPrefixes());
        assertEquals(List.of("10.1.0.0/24", "10.2.0.7/32"), web.expandedSourceAddressPrefixes());
        assertEquals(List.of("80", "8000-8080"), web.destinationPortRanges());
    }

    @Test
    void listsInboundInSubnetThenNicOrderAndOutboundInNicThenSubnetOrder() {
        List<EffectiveSecurityRule> rules =
                EffectiveSecurityRules.forAttachment(Optional.of(SUBNET_NSG), Optional.of(NIC_NSG), RESOLVER);
        List<String> order = rules.stream()
                .map(r -> r.direction() + " " + r.nsg().name())
                .distinct()
                .toList();
        assertEquals(
                List.of("INBOUND subnet-nsg", "INBOUND nic-nsg", "OUTBOUND nic-nsg", "OUTBOUND subnet-nsg"), order);
        EffectiveSecurityRule sql = rules.stream()
                .filter(r -> r.name().equals("securityRules/allow-sql"))
                .findFirst()
                .orElseThrow();
        assertEquals(List.of("40.112.240.0/20"), sql.expandedDestinationAddressPrefixes());
        assertTrue(sql.expandedDestination().isResolved());
    }
}
