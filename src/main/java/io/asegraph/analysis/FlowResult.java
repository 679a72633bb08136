package io.asegraph.analysis;

import io.asegraph.net.AddressSet;
import io.asegraph.policy.Verdict;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole walk of one call (the contract's {@code FlowAnalysis}): where it appears from, every NSG on the way, and
 * the verdict over every address it may come from.
 *
 * <p>The source sets are over the caller's <em>original</em> private source range (an ASE's whole subnet, a NIC's
 * address), whatever the destination saw: they are disjoint and cover {@code callSource.privateSources()}. A part
 * denied by the destination's NSG for a translated source (the ASE's VIP) is the whole part that reached it, since
 * every worker leaves from that VIP.
 *
 * @param verdict             ALLOWED (every source address), DENIED (none), PARTIAL (some, see {@code outcomes}),
 *                            UNDETERMINED (some part depends on something not modelled, see {@code causes}),
 *                            UNREACHABLE (no route, or a destination in the ASE's own subnet)
 * @param reason              one sentence saying why
 * @param callSource          the call-source walk this flow is built on
 * @param destination         where the call is delivered after any destination translation: an ASE's workers'
 *                            subnet range, a network interface's private address, or the destination addresses as
 *                            routed when nothing translates them; empty when the call is never delivered anywhere known
 * @param decisions           every NSG evaluated, in evaluation order: source side outbound (NIC NSG, subnet NSG), then
 *                            destination side inbound (subnet NSG, NIC NSG)
 * @param blockers            the decisions that deny some part (every one of them, not only the first)
 * @param firewalls           what each Azure Firewall on the path decided, in path order
 * @param trace               the call-source hops with FILTER steps where NSGs apply, ending in DELIVER or DROP
 * @param allowedSources      original sources allowed end to end
 * @param deniedSources       original sources denied by some NSG
 * @param undeterminedSources original sources whose fate depends on something not modelled
 * @param unreachableSources  original sources whose call is never delivered (all of them when UNREACHABLE)
 * @param outcomes            the source range split into parts with the rules that decided each
 * @param causes              why anything is UNDETERMINED (an unresolved tag or ASG with its rule, forced tunnelling,
 *                            an appliance, an NSG missing from the snapshot ...)
 * @param warnings            warnings raised on the way (e.g. VirtualNetwork widened by a 0.0.0.0/0 user route)
 */
public record FlowResult(
        Verdict verdict,
        String reason,
        CallSource callSource,
        Optional<String> destination,
        List<NsgDecisionResult> decisions,
        List<NsgDecisionResult> blockers,
        List<FirewallEvaluator.Decision> firewalls,
        List<Hop> trace,
        AddressSet allowedSources,
        AddressSet deniedSources,
        AddressSet undeterminedSources,
        AddressSet unreachableSources,
        List<SourceOutcome> outcomes,
        List<String> causes,
        List<String> warnings) {
    public FlowResult {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(callSource, "callSource");
        Objects.requireNonNull(destination, "destination");
        decisions = List.copyOf(decisions);
        blockers = List.copyOf(blockers);
        firewalls = List.copyOf(firewalls);
        trace = List.copyOf(trace);
        Objects.requireNonNull(allowedSources, "allowedSources");
        Objects.requireNonNull(deniedSources, "deniedSources");
        Objects.requireNonNull(undeterminedSources, "undeterminedSources");
        Objects.requireNonNull(unreachableSources, "unreachableSources");
        outcomes = List.copyOf(outcomes);
        causes = List.copyOf(causes);
        warnings = List.copyOf(warnings);
    }

    /**
     * A flow that cannot be walked at all, UNDETERMINED with {@code why} as its reason and only cause: a caller held
     * out of the snapshot because it lies in a subnet never imported.
     */
    public static FlowResult undetermined(String why) {
        CallSource none = new CallSource(
                SourceKind.UNDETERMINED,
                Optional.empty(),
                Optional.empty(),
                why,
                List.of(),
                AddressSet.EMPTY,
                AddressSet.EMPTY,
                AddressSet.EMPTY);
        return notWalked(Verdict.UNDETERMINED, none, AddressSet.EMPTY, List.of(), List.of(why), List.of());
    }

    /**
     * A flow whose call source already ends it (UNREACHABLE or UNDETERMINED before any filter): no decisions, no
     * destination, the call source's reason and trace, and no allowed, denied or undetermined sources.
     */
    static FlowResult notWalked(
            Verdict verdict,
            CallSource cs,
            AddressSet unreachable,
            List<SourceOutcome> bySource,
            List<String> because,
            List<String> notes) {
        return new FlowResult(
                verdict,
                cs.reason(),
                cs,
                Optional.empty(),
                List.of(),
                List.of(),
                List.of(),
                cs.trace(),
                AddressSet.EMPTY,
                AddressSet.EMPTY,
                AddressSet.EMPTY,
                unreachable,
                bySource,
                because,
                notes);
    }

    /** The trace's hop nodes in order. */
    public List<String> hopNodes() {
        return trace.stream().map(Hop::node).toList();
    }

    /** Every step type of the trace, hop after hop. */
    public List<StepType> stepTypes() {
        return trace.stream().flatMap(h -> h.stepTypes().stream()).toList();
    }

    /** The outcome of the part of the source range holding {@code address}, if it is in the range. */
    public Optional<SourceOutcome> outcomeFor(long address) {
        return outcomes.stream().filter(o -> o.sources().contains(address)).findFirst();
    }
}
