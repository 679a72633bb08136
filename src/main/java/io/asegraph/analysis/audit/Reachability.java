package io.asegraph.analysis.audit;

import io.asegraph.analysis.Reference;
import io.asegraph.analysis.ReferenceKind;
import io.asegraph.analysis.SourceKind;
import io.asegraph.net.AddressSet;
import io.asegraph.policy.Verdict;
import io.asegraph.topology.ResourceId;
import java.util.Objects;

/**
 * One caller's answer in {@link ReachabilityAudit#whoCanReach}: an ASE, an app (which calls from its ASE, so it shares
 * the ASE's answer) or a network interface, with the verdict and source sets of its flow to the destination — what
 * {@link io.asegraph.analysis.FlowAnalyzer#analyze} gives for it, without the explanation (ask the analyzer with
 * {@code caller} for that).
 *
 * @param caller              the caller, as a reference the flow analyzer takes
 * @param callerName          its name
 * @param callerKind          APP_SERVICE_ENVIRONMENT, APP or NETWORK_INTERFACE
 * @param verdict             ALLOWED, PARTIAL, DENIED, UNDETERMINED or UNREACHABLE
 * @param sourceKind          how the destination sees the call's source
 * @param sources             the addresses the destination sees (empty when undetermined or unreachable)
 * @param privateSources      the caller's own range (an ASE's subnet, a NIC's address)
 * @param allowedSources      the part of {@code privateSources} allowed end to end
 * @param deniedSources       the part denied by some NSG
 * @param undeterminedSources the part whose fate the model cannot tell
 */
public record Reachability(
        Reference caller,
        String callerName,
        ReferenceKind callerKind,
        Verdict verdict,
        SourceKind sourceKind,
        AddressSet sources,
        AddressSet privateSources,
        AddressSet allowedSources,
        AddressSet deniedSources,
        AddressSet undeterminedSources) {
    public Reachability {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(callerName, "callerName");
        Objects.requireNonNull(callerKind, "callerKind");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(sourceKind, "sourceKind");
        Objects.requireNonNull(sources, "sources");
        Objects.requireNonNull(privateSources, "privateSources");
        Objects.requireNonNull(allowedSources, "allowedSources");
        Objects.requireNonNull(deniedSources, "deniedSources");
        Objects.requireNonNull(undeterminedSources, "undeterminedSources");
    }

    /** The caller's resource id. */
    public ResourceId callerId() {
        return caller.resource().orElseThrow().id();
    }
}
