package io.asegraph.analysis.audit;

import io.asegraph.analysis.FlowResult;
import io.asegraph.analysis.ReferenceKind;
import io.asegraph.policy.Verdict;
import io.asegraph.topology.ResourceId;
import java.util.Objects;

/**
 * One caller's answer in {@link ReachabilityAudit#whoCanReach}: an ASE, an app (which calls from its ASE, so it
 * shares the ASE's flow) or a network interface, and the flow from it to the destination.
 *
 * @param caller     the caller's id
 * @param callerName its name
 * @param callerKind APP_SERVICE_ENVIRONMENT, APP or NETWORK_INTERFACE
 * @param flow       the flow analysis from it (an app's is its ASE's)
 */
public record Reachability(ResourceId caller, String callerName, ReferenceKind callerKind, FlowResult flow) {
    public Reachability {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(callerName, "callerName");
        Objects.requireNonNull(callerKind, "callerKind");
        Objects.requireNonNull(flow, "flow");
    }

    public Verdict verdict() {
        return flow.verdict();
    }
}
