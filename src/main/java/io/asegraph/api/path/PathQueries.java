package io.asegraph.api.path;

import io.asegraph.analysis.Reference;
import io.asegraph.api.Engines;
import io.asegraph.api.Errors;
import io.asegraph.topology.Subnet;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** Where a call appears from, and where a packet goes first: the route half of the path engine. */
@GraphQLApi
public class PathQueries {
    private final Engines engines;

    public PathQueries(Engines engines) {
        this.engines = engines;
    }

    @Query("callSource")
    @Description("Which address a call from `from` (an app, an ASE or a network interface) appears from at `to`.")
    public @NonNull CallSource callSource(@NonNull @Description("An app, ASE or network interface: id, host name, unique name, or an address in a subnet") String from,
            @NonNull @Description("An app, ASE, network interface, endpoint, host name or IPv4 address") String to) {
        return Errors.guard(() -> {
            Engines.Built e = engines.current();
            Reference caller = e.resolver().resolveCaller(from);
            Reference target = e.resolver().resolveDestination(to);
            return PathMapping.callSource(e.walker().walk(caller, target));
        });
    }

    @Query("nextHop")
    @Description("Network Watcher next hop: where a packet from `source` (a subnet, network interface or ASE) to an address goes first.")
    public @NonNull NextHopResult nextHop(@NonNull @Description("A subnet, network interface or ASE") String source,
            @NonNull @Description("An IPv4 address") String destinationAddress) {
        return Errors.guard(() -> PathMapping.nextHop(engines.current().nextHops().nextHop(source, destinationAddress)));
    }

    @Query("effectiveRoutes")
    @Description("The effective route table of a subnet (or a network interface's or ASE's subnet): every system, gateway and user route with its origin and state, longest prefix first.")
    public @NonNull List<@NonNull EffectiveRoute> effectiveRoutes(@NonNull @Description("A subnet, network interface or ASE") String target) {
        return Errors.guard(() -> {
            Engines.Built e = engines.current();
            Subnet subnet = e.nextHops().sourceSubnet(e.resolver().resolveLocated(target));
            return e.routing().effectiveRoutes(subnet).routes().stream().map(PathMapping::effectiveRoute).toList();
        });
    }
}
