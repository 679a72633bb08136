package io.asegraph.policy;

import io.asegraph.net.PortRange;
import io.asegraph.net.PortSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A security rule resolved against one {@link PrefixResolver}: {@code definite} is the box of flows it certainly
 * matches, {@code possible} the box it may match (equal to {@code definite} when everything resolved; an unresolved
 * dimension is widened to everything). {@code causes} names what did not resolve.
 */
record CompiledRule(SecurityRule rule, Box definite, Box possible, List<String> causes, boolean usesVirtualNetwork) {
    static final Comparator<SecurityRule> EVALUATION_ORDER =
            Comparator.comparingInt(SecurityRule::priority).thenComparing(SecurityRule::isDefault);

    boolean resolved() {
        return causes.isEmpty();
    }

    String cause() {
        return rule.qualifiedName() + ": " + String.join("; ", causes);
    }

    static CompiledRule compile(SecurityRule rule, PrefixResolver resolver) {
        List<String> causes = new ArrayList<>();
        ResolvedAddresses src = resolver.source(rule);
        ResolvedAddresses dst = resolver.destination(rule);
        causes.addAll(src.unresolved());
        causes.addAll(dst.unresolved());
        PortSet srcPorts = ports(rule.sourcePorts(), "source", causes);
        PortSet dstPorts = ports(rule.destinationPorts(), "destination", causes);
        int protocols = Box.mask(rule.protocol());
        Box definite = new Box(src.addresses(), dst.addresses(), srcPorts, dstPorts, protocols);
        Box possible = causes.isEmpty()
                ? definite
                : new Box(
                        src.possible(),
                        dst.possible(),
                        rule.sourcePorts().isEmpty() ? PortSet.ALL : srcPorts,
                        rule.destinationPorts().isEmpty() ? PortSet.ALL : dstPorts,
                        protocols);
        boolean vnet = rule.sourcePrefixes().stream().anyMatch(PrefixResolver::isVirtualNetworkTag)
                || rule.destinationPrefixes().stream().anyMatch(PrefixResolver::isVirtualNetworkTag);
        return new CompiledRule(rule, definite.isEmpty() ? Box.EMPTY : definite, possible, List.copyOf(causes), vnet);
    }

    private static PortSet ports(List<PortRange> ranges, String side, List<String> causes) {
        if (ranges.isEmpty()) {
            causes.add("the rule has no " + side + " port range");
            return PortSet.EMPTY;
        }
        return PortSet.of(ranges);
    }

    /**
     * The rules of one NSG and direction in Azure's evaluation order: user rules and {@link DefaultRules#ALL}, by
     * priority ascending. Default rules are taken from {@link DefaultRules}; copies of them among the NSG's own rules
     * ({@code isDefault}) are ignored so that they are never evaluated twice.
     */
    static List<CompiledRule> compile(NetworkSecurityGroup nsg, Direction direction, PrefixResolver resolver) {
        return ordered(nsg, direction).stream().map(r -> compile(r, resolver)).toList();
    }

    static List<SecurityRule> ordered(NetworkSecurityGroup nsg, Direction direction) {
        List<SecurityRule> rules = new ArrayList<>();
        nsg.rules().stream()
                .filter(r -> !r.isDefault() && r.direction() == direction)
                .forEach(rules::add);
        DefaultRules.ALL.stream().filter(r -> r.direction() == direction).forEach(rules::add);
        rules.sort(EVALUATION_ORDER);
        return rules;
    }
}
