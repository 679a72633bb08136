package io.asegraph.analysis;

import io.asegraph.net.AddressSet;
import io.asegraph.policy.Access;
import io.asegraph.policy.Direction;
import io.asegraph.policy.NsgLevel;
import io.asegraph.policy.RuleDecision;
import io.asegraph.policy.Verdict;
import io.asegraph.topology.ResourceId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One NSG evaluated on the way of a flow: the contract's {@code NsgDecision}. The source sets are the addresses this
 * NSG saw, which on the destination side are the translated sources (an ASE's VIP, a NAT gateway address) and on the
 * source side the private ones; they split {@code evaluatedSources}, the part of the source range that reached this
 * NSG, into allowed, denied and undetermined parts (see {@link io.asegraph.policy.NsgEvaluation}).
 *
 * @param nsg                 the NSG's id
 * @param appliedTo           the subnet or network interface it is attached to
 * @param level               subnet or network interface
 * @param direction           outbound on the source side, inbound on the destination side
 * @param verdict             ALLOWED, DENIED, PARTIAL or UNDETERMINED over {@code evaluatedSources}
 * @param matches             every rule that decided some part, highest priority first, with the source sub-ranges
 * @param evaluatedSources    the sources this NSG evaluated (what earlier NSGs let through)
 * @param allowedSources      allowed for the whole flow space
 * @param deniedSources       denied for some part of it
 * @param undeterminedSources decided by an unresolved rule, or the NSG itself is not in the snapshot
 * @param causes              what could not be resolved (rule and tag or ASG, or the missing NSG)
 * @param warnings            e.g. the VirtualNetwork tag widened to every address by a 0.0.0.0/0 user route
 */
public record NsgDecisionResult(
        ResourceId nsg,
        ResourceId appliedTo,
        NsgLevel level,
        Direction direction,
        Verdict verdict,
        List<RuleDecision> matches,
        AddressSet evaluatedSources,
        AddressSet allowedSources,
        AddressSet deniedSources,
        AddressSet undeterminedSources,
        List<String> causes,
        List<String> warnings) {
    public NsgDecisionResult {
        Objects.requireNonNull(nsg, "nsg");
        Objects.requireNonNull(appliedTo, "appliedTo");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(verdict, "verdict");
        matches = List.copyOf(matches);
        Objects.requireNonNull(evaluatedSources, "evaluatedSources");
        Objects.requireNonNull(allowedSources, "allowedSources");
        Objects.requireNonNull(deniedSources, "deniedSources");
        Objects.requireNonNull(undeterminedSources, "undeterminedSources");
        causes = List.copyOf(causes);
        warnings = List.copyOf(warnings);
    }

    /** True when this NSG denied some part of what it evaluated (it is then one of the flow's blockers). */
    public boolean blocks() {
        return !deniedSources.isEmpty();
    }

    /** The qualified names of the rules that decided, in order ({@code securityRules/NAME} ...). */
    public List<String> ruleNames() {
        return matches.stream().map(RuleDecision::ruleName).toList();
    }

    /** The rules that denied some part, in order. */
    public List<RuleDecision> denyingMatches() {
        return matches.stream()
                .filter(m -> m.access() == Access.DENY && !m.sources().isEmpty())
                .toList();
    }

    /** e.g. {@code db-nsg (network interface db-vm-nic, inbound)}. */
    public String describe() {
        String where = level == NsgLevel.SUBNET ? "subnet " : "network interface ";
        return nsg.name() + " (" + where + appliedTo.name() + ", "
                + direction.azureName().toLowerCase(Locale.ROOT) + ")";
    }
}
