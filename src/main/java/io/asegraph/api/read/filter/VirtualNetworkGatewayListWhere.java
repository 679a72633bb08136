package io.asegraph.api.read.filter;

import io.asegraph.topology.VirtualNetworkGateway;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("VirtualNetworkGatewayListWhere")
@Description("Conditions on a list of related virtual network gateways ({none: {}}: there are none).")
public class VirtualNetworkGatewayListWhere {
    @Description("At least one related resource matches this filter.")
    public VirtualNetworkGatewayWhere some;

    @Description("No related resource matches this filter ({} means: there are none).")
    public VirtualNetworkGatewayWhere none;

    @Description("Every related resource matches this filter (true when there are none).")
    public VirtualNetworkGatewayWhere all;

    @Description("Exactly one related resource matches this filter.")
    public VirtualNetworkGatewayWhere single;

    /** Adds the conditions of {@code l} (none when null) on the related rows {@code get} gives. */
    static <P> void apply(
            List<Pred<P>> out,
            VirtualNetworkGatewayListWhere l,
            String path,
            Scope scope,
            Function<P, ? extends Collection<VirtualNetworkGateway>> get) {
        if (l != null) {
            Relations.list(
                    out,
                    l.some,
                    l.none,
                    l.all,
                    l.single,
                    path,
                    (w, p) -> VirtualNetworkGatewayWhere.compile(w, p, scope),
                    get);
        }
    }
}
