package io.asegraph.policy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds NSG rules that no packet can reach: every flow a rule matches (source and destination addresses, source and
 * destination ports, protocol) is matched first by higher-priority rules. Exact: the rule's match is a box and the
 * higher rules' boxes are subtracted from it in priority order; it is shadowed when nothing is left. Rules that only
 * partly overlap higher rules are not reported.
 *
 * <p>Default rules: their priorities (65000–65500) are below every user rule (100–4096), so a default rule never
 * shadows a user rule; default rules can only <em>be</em> shadowed, by user rules (a user deny-all at 4096 makes
 * AllowVnetInBound, AllowAzureLoadBalancerInBound and DenyAllInBound unreachable — for an ASE subnet that blocks the
 * load balancer's health probes) or by one another (when VirtualNetwork is widened to everything by a 0.0.0.0/0 user
 * route, AllowVnetOutBound makes AllowInternetOutBound redundant and DenyAllOutBound dead). They are reported too
 * unless {@link #analyseUserRules} is used. Their VirtualNetwork expansion comes from the resolver's context, which
 * belongs to one subnet: an NSG associated with several subnets is analysed once per context.
 *
 * <p>Unresolved tags and ASGs: a rule whose possible match (unresolved parts widened to everything) is still covered
 * by the certain matches of higher rules is shadowed whatever the tag holds; a rule that certainly matches some flow
 * no higher rule can possibly match is reachable; anything in between is {@link ShadowFinding.Kind#UNDECIDABLE}, with
 * the causes. {@code differentAction} compares the access of the higher rules whose certain matches cover the rule.
 *
 * <p>Cost: for each rule, only the higher rules whose boxes overlap it in every dimension are subtracted, so audits
 * over many NSGs stay linear in the number of NSGs and near-linear in the rules of typical NSGs.
 */
public final class ShadowAnalysis {
    private ShadowAnalysis() {}

    /** Findings for both directions of {@code nsg}, inbound first, each in priority order; default rules included. */
    public static List<ShadowFinding> analyse(NetworkSecurityGroup nsg, PrefixResolver resolver) {
        List<ShadowFinding> out = new ArrayList<>(analyse(nsg, Direction.INBOUND, resolver));
        out.addAll(analyse(nsg, Direction.OUTBOUND, resolver));
        return List.copyOf(out);
    }

    /** Findings for one direction in priority order; default rules included. */
    public static List<ShadowFinding> analyse(NetworkSecurityGroup nsg, Direction direction, PrefixResolver resolver) {
        return analyse(nsg, direction, resolver, true);
    }

    /** Findings for one direction about user rules only (default rules still cover nothing above them). */
    public static List<ShadowFinding> analyseUserRules(
            NetworkSecurityGroup nsg, Direction direction, PrefixResolver resolver) {
        return analyse(nsg, direction, resolver, false);
    }

    private static List<ShadowFinding> analyse(
            NetworkSecurityGroup nsg, Direction direction, PrefixResolver resolver, boolean includeDefaults) {
        List<CompiledRule> rules = CompiledRule.compile(nsg, direction, resolver);
        List<ShadowFinding> out = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            CompiledRule rule = rules.get(i);
            if (rule.rule().isDefault() && !includeDefaults) {
                continue;
            }
            if (rule.possible().isEmpty()) {
                continue; // matches no IPv4 flow at all (e.g. IPv6-only prefixes): nothing to shadow
            }
            List<CompiledRule> candidates = new ArrayList<>();
            for (int j = 0; j < i; j++) {
                if (rules.get(j).possible().overlaps(rule.possible())) {
                    candidates.add(rules.get(j));
                }
            }
            analyseRule(nsg, rule, candidates).ifPresent(out::add);
        }
        return List.copyOf(out);
    }

    private static Optional<ShadowFinding> analyseRule(
            NetworkSecurityGroup nsg, CompiledRule rule, List<CompiledRule> higher) {
        List<Box> left = new ArrayList<>(List.of(rule.possible()));
        List<String> covering = new ArrayList<>();
        boolean differentAction = false;
        for (CompiledRule h : higher) {
            if (left.isEmpty()) {
                break;
            }
            if (h.definite().isEmpty()) {
                continue;
            }
            List<Box> next = new ArrayList<>(left.size() + 4);
            boolean claimed = false;
            for (Box piece : left) {
                if (piece.overlaps(h.definite())) {
                    claimed = true;
                    piece.subtractInto(h.definite(), next);
                } else {
                    next.add(piece);
                }
            }
            if (claimed) {
                covering.add(h.rule().qualifiedName());
                differentAction |= h.rule().access() != rule.rule().access();
            }
            left = next;
        }
        if (left.isEmpty()) {
            return Optional.of(new ShadowFinding(
                    nsg.id(),
                    rule.rule(),
                    differentAction ? ShadowFinding.Kind.DEAD : ShadowFinding.Kind.REDUNDANT,
                    covering,
                    differentAction,
                    List.of()));
        }
        boolean anyUnresolved = !rule.resolved() || higher.stream().anyMatch(h -> !h.resolved());
        if (!anyUnresolved) {
            return Optional.empty();
        }
        // Reachable for certain if the rule certainly matches a flow that no higher rule can possibly match.
        List<Box> certain = new ArrayList<>();
        if (!rule.definite().isEmpty()) {
            certain.add(rule.definite());
        }
        for (CompiledRule h : higher) {
            if (certain.isEmpty()) {
                break;
            }
            List<Box> next = new ArrayList<>(certain.size() + 4);
            for (Box piece : certain) {
                piece.subtractInto(h.possible(), next);
            }
            certain = next;
        }
        if (!certain.isEmpty()) {
            return Optional.empty();
        }
        Set<String> causes = new LinkedHashSet<>();
        if (!rule.resolved()) {
            causes.add(rule.cause());
        }
        higher.stream().filter(h -> !h.resolved()).forEach(h -> causes.add(h.cause()));
        return Optional.of(new ShadowFinding(
                nsg.id(), rule.rule(), ShadowFinding.Kind.UNDECIDABLE, covering, false, List.copyOf(causes)));
    }
}
