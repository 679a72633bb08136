package io.asegraph.analysis.audit;

import io.asegraph.analysis.FlowResult;
import io.asegraph.analysis.SourceKind;
import io.asegraph.net.AddressSet;
import io.asegraph.policy.Direction;
import io.asegraph.policy.Verdict;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a destination must admit for a call, and whether it does: the seed document's advice ("the subnet range
 * containing the ASE needs to be granted access"), computed by the path engine (see {@link RequiredAccessAudit}).
 *
 * @param flow          the flow analysis it is built on
 * @param sourceKind    how the source is decided (VIP, NAT gateway, subnet range, NIC address, undetermined,
 *                      unreachable)
 * @param sources       what the destination must admit (the VIP or NAT address, the ASE subnet, the NIC's address);
 *                      empty when the source is undetermined or the call unreachable
 * @param satisfied     true when the call is allowed from every source address
 * @param fixes         one rule per NSG that blocks (or may block) the call, in evaluation order (source side
 *                      outbound, then destination side inbound); empty when satisfied, or when nothing can be added
 *                      (the source is undetermined, or the call is unreachable: see {@code reason})
 * @param firewallFixes the network rule to add to each Azure Firewall on the path that denies (part of) the call,
 *                      between the source side and the destination side in path order; a part a parent firewall
 *                      policy denies gets a fix with a problem; nothing for what a firewall cannot decide (see
 *                      {@code reason})
 * @param verified      when there are fixes: whether the same flow, re-analysed with every fix (NSG and firewall)
 *                      applied, is allowed
 * @param reason        one sentence: why it is or is not satisfied
 */
public record RequiredAccess(
        FlowResult flow,
        SourceKind sourceKind,
        AddressSet sources,
        boolean satisfied,
        List<RuleFix> fixes,
        List<FirewallRuleFix> firewallFixes,
        Optional<Boolean> verified,
        String reason) {
    public RequiredAccess {
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(sourceKind, "sourceKind");
        Objects.requireNonNull(sources, "sources");
        fixes = List.copyOf(fixes);
        firewallFixes = List.copyOf(firewallFixes);
        Objects.requireNonNull(verified, "verified");
        Objects.requireNonNull(reason, "reason");
    }

    /** An answer with nothing to add: satisfied, or with no range to admit or no rule that would help. */
    static RequiredAccess withoutFixes(FlowResult flow, AddressSet sources, boolean satisfied, String reason) {
        return new RequiredAccess(
                flow, flow.callSource().kind(), sources, satisfied, List.of(), List.of(), Optional.empty(), reason);
    }

    public Verdict verdict() {
        return flow.verdict();
    }

    /** The first fix on the destination side (the destination's NSG), if any; else the first fix. */
    public Optional<RuleFix> destinationFix() {
        return fixes.stream()
                .filter(f -> f.direction() == Direction.INBOUND)
                .findFirst()
                .or(() -> fixes.stream().findFirst());
    }
}
