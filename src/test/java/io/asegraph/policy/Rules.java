package io.asegraph.policy;

import io.asegraph.net.AddressSet;
import io.asegraph.net.PortRange;
import io.asegraph.net.Protocol;
import io.asegraph.topology.ResourceId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Small builders for rules, NSGs and resolvers used by the policy tests. */
final class Rules {
    static final String SUB = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Network/";

    private Rules() {}

    static SecurityRule in(
            String name,
            int priority,
            Access access,
            Protocol protocol,
            String source,
            String sourcePorts,
            String destination,
            String destinationPorts) {
        return rule(
                name,
                priority,
                Direction.INBOUND,
                access,
                protocol,
                List.of(source),
                List.of(sourcePorts),
                List.of(destination),
                List.of(destinationPorts));
    }

    static SecurityRule out(
            String name,
            int priority,
            Access access,
            Protocol protocol,
            String source,
            String sourcePorts,
            String destination,
            String destinationPorts) {
        return rule(
                name,
                priority,
                Direction.OUTBOUND,
                access,
                protocol,
                List.of(source),
                List.of(sourcePorts),
                List.of(destination),
                List.of(destinationPorts));
    }

    static SecurityRule rule(
            String name,
            int priority,
            Direction direction,
            Access access,
            Protocol protocol,
            List<String> sources,
            List<String> sourcePorts,
            List<String> destinations,
            List<String> destinationPorts) {
        return new SecurityRule(
                name,
                priority,
                direction,
                access,
                protocol,
                sources,
                ports(sourcePorts),
                destinations,
                ports(destinationPorts),
                List.of(),
                List.of(),
                "",
                false);
    }

    /** An inbound TCP allow from 10.1.0.0/16 to 10.0.0.4 with the given port lists and description. */
    static SecurityRule tcpIn(List<PortRange> sourcePorts, List<PortRange> destinationPorts, String description) {
        return new SecurityRule(
                "r",
                100,
                Direction.INBOUND,
                Access.ALLOW,
                Protocol.TCP,
                List.of("10.1.0.0/16"),
                sourcePorts,
                List.of("10.0.0.4"),
                destinationPorts,
                List.of(),
                List.of(),
                description,
                false);
    }

    static SecurityRule asgRule(
            String name,
            int priority,
            Direction direction,
            Access access,
            Protocol protocol,
            List<String> sources,
            List<ResourceId> sourceAsgs,
            List<String> destinations,
            List<ResourceId> destinationAsgs,
            String destinationPorts) {
        return new SecurityRule(
                name,
                priority,
                direction,
                access,
                protocol,
                sources,
                List.of(PortRange.ALL),
                destinations,
                ports(List.of(destinationPorts)),
                sourceAsgs,
                destinationAsgs,
                "",
                false);
    }

    static List<PortRange> ports(List<String> texts) {
        return texts.stream().map(PortRange::parse).toList();
    }

    static NetworkSecurityGroup nsg(String name, SecurityRule... rules) {
        return new NetworkSecurityGroup(id("networkSecurityGroups/" + name), name, "westus", "", Arrays.asList(rules));
    }

    static ResourceId id(String tail) {
        return ResourceId.of(SUB + tail);
    }

    static AppliedNsg onSubnet(NetworkSecurityGroup nsg, String subnet) {
        return new AppliedNsg(nsg, id("virtualNetworks/vnet/subnets/" + subnet), NsgLevel.SUBNET);
    }

    static AppliedNsg onNic(NetworkSecurityGroup nsg, String nic) {
        return new AppliedNsg(nsg, id("networkInterfaces/" + nic), NsgLevel.NETWORK_INTERFACE);
    }

    static AddressSet set(String... prefixes) {
        return AddressSet.parse(prefixes);
    }

    /** A VirtualNetwork expansion as Azure shows it: the VNet's space plus the host IP 168.63.129.16/32. */
    static EvaluationContext vnet(String... spaces) {
        return EvaluationContext.of(set(spaces).union(set("168.63.129.16/32")));
    }

    static NsgEvaluator evaluator(EvaluationContext context) {
        return new NsgEvaluator(new PrefixResolver(PolicySet.empty(), context));
    }

    static NsgEvaluator evaluator(PolicySet policies, EvaluationContext context) {
        return new NsgEvaluator(new PrefixResolver(policies, context));
    }

    static PolicySet withTags(ServiceTag... tags) {
        return new PolicySet(List.of(), List.of(), Arrays.asList(tags));
    }

    static ServiceTag tag(String name, String... prefixes) {
        return new ServiceTag(
                name,
                "",
                "",
                1,
                Arrays.stream(prefixes).map(io.asegraph.net.Cidr::parseBlock).toList(),
                0);
    }

    static Optional<AppliedNsg> none() {
        return Optional.empty();
    }
}
