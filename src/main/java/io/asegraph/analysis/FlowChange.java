package io.asegraph.analysis;

import io.asegraph.net.AddressSet;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One flow asked of two estates (before and after a proposed change), both walked by the same {@link FlowAnalyzer}
 * code. {@code gained} are the original source addresses allowed end to end after the change and not before,
 * {@code lost} those allowed before and not after (an ALLOWED flow narrowed to PARTIAL loses the half no longer
 * admitted). It {@code changed} when the verdict, any of the allowed, denied, undetermined or unreachable source
 * ranges, or the kind and addresses of the call source (a VIP became the firewall's SNAT addresses) differ.
 */
public record FlowChange(FlowResult before, FlowResult after, AddressSet gained, AddressSet lost, boolean changed) {
    public FlowChange {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }

    public static FlowChange of(FlowResult before, FlowResult after) {
        boolean changed = before.verdict() != after.verdict()
                || !before.allowedSources().equals(after.allowedSources())
                || !before.deniedSources().equals(after.deniedSources())
                || !before.undeterminedSources().equals(after.undeterminedSources())
                || !before.unreachableSources().equals(after.unreachableSources())
                || before.callSource().kind() != after.callSource().kind()
                || !before.callSource().sources().equals(after.callSource().sources());
        return new FlowChange(
                before,
                after,
                after.allowedSources().minus(before.allowedSources()),
                before.allowedSources().minus(after.allowedSources()),
                changed);
    }

    /**
     * Asks {@code before} and {@code after}. A question that fails on one side only (a reference to a resource the
     * change creates or removes) is UNDETERMINED on that side, naming why; one that fails on both sides fails.
     */
    public static FlowChange ask(Supplier<FlowResult> before, Supplier<FlowResult> after) {
        FlowResult b = null;
        FlowResult a = null;
        AnalysisException beforeFailed = null;
        try {
            b = before.get();
        } catch (AnalysisException e) {
            beforeFailed = e;
        }
        try {
            a = after.get();
        } catch (AnalysisException e) {
            if (beforeFailed != null) {
                throw beforeFailed;
            }
            a = FlowResult.undetermined("After the change: " + e.getMessage());
        }
        if (beforeFailed != null) {
            b = FlowResult.undetermined("Before the change: " + beforeFailed.getMessage());
        }
        return of(b, a);
    }
}
