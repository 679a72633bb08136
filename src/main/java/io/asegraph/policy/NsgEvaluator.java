package io.asegraph.policy;

import io.asegraph.net.AddressSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Evaluates NSGs exactly as Azure does
 * (<a href="https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview#security-rules">security
 * rules</a>): the rules of the flow's direction plus the default rules, by priority ascending, first match wins. The
 * evaluation runs over a whole {@link FlowSpace} in one pass: the not-yet-decided part of the space is a list of
 * disjoint boxes, and each rule takes the part it matches (box intersection) and leaves the rest (box subtraction),
 * so every part is decided by exactly the rule that would decide each single packet in it. The same pass records
 * which rule decided which source sub-range; there is no separate tracer.
 *
 * <p>A rule that cannot be fully resolved (a service tag not imported, an ASG with unknown members, VirtualNetwork
 * without a topology) decides the part of the space it certainly matches; the rest of the part it may match becomes
 * UNDETERMINED, naming the cause, and is not evaluated further (a lower rule cannot be said to decide it).
 *
 * <p>Protocol {@code *} in a rule matches every flow protocol. Azure documents that it encompasses TCP, UDP and ICMP;
 * whether it also matches ESP and AH is not documented, and this engine assumes it does.
 */
public final class NsgEvaluator {
    private final PrefixResolver resolver;

    public NsgEvaluator(PrefixResolver resolver) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    public PrefixResolver resolver() {
        return resolver;
    }

    /** Evaluates one NSG (its user rules and the default rules) for {@code direction} over {@code space}. */
    public NsgEvaluation evaluate(NetworkSecurityGroup nsg, Direction direction, FlowSpace space) {
        List<CompiledRule> rules = CompiledRule.compile(nsg, direction, resolver);
        List<Box> remaining = List.of(Box.of(space));
        List<RuleDecision> decisions = new ArrayList<>();
        AddressSet allowed = AddressSet.EMPTY;
        AddressSet denied = AddressSet.EMPTY;
        AddressSet undetermined = AddressSet.EMPTY;
        boolean virtualNetworkDecided = false;
        for (CompiledRule rule : rules) {
            if (remaining.isEmpty()) {
                break;
            }
            List<Box> next = new ArrayList<>();
            AddressSet decided = AddressSet.EMPTY;
            AddressSet unknown = AddressSet.EMPTY;
            for (Box box : remaining) {
                if (!box.overlaps(rule.possible())) {
                    next.add(box);
                    continue;
                }
                if (box.overlaps(rule.definite())) {
                    decided = decided.union(box.intersect(rule.definite()).src());
                }
                if (!rule.resolved()) {
                    List<Box> unknownParts = new ArrayList<>();
                    box.intersect(rule.possible()).subtractInto(rule.definite(), unknownParts);
                    for (Box part : unknownParts) {
                        unknown = unknown.union(part.src());
                    }
                }
                box.subtractInto(rule.possible(), next);
            }
            remaining = next;
            if (decided.isEmpty() && unknown.isEmpty()) {
                continue;
            }
            Access access = rule.rule().access();
            if (access == Access.ALLOW) {
                allowed = allowed.union(decided);
            } else {
                denied = denied.union(decided);
            }
            undetermined = undetermined.union(unknown);
            virtualNetworkDecided |= rule.usesVirtualNetwork();
            decisions.add(new RuleDecision(
                    rule.rule(),
                    access,
                    decided,
                    unknown,
                    unknown.isEmpty() ? Optional.empty() : Optional.of(rule.cause())));
        }
        if (!remaining.isEmpty()) {
            // Cannot happen: DenyAllInBound/DenyAllOutBound match every flow. Kept as an invariant check.
            throw new IllegalStateException("flows left undecided after the default rules of " + nsg.id());
        }
        AddressSet undeterminedSources = undetermined;
        AddressSet deniedSources = denied.minus(undeterminedSources);
        AddressSet allowedSources = allowed.minus(denied).minus(undeterminedSources);
        List<String> warnings = new ArrayList<>();
        if (virtualNetworkDecided) {
            resolver.context().virtualNetworkWarning().ifPresent(warnings::add);
        }
        return new NsgEvaluation(
                nsg.id(),
                direction,
                Verdict.of(allowedSources, deniedSources, undeterminedSources),
                decisions,
                allowedSources,
                deniedSources,
                undeterminedSources,
                warnings);
    }
}
