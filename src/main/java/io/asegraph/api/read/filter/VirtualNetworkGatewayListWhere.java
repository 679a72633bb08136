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
    public VirtualNetworkGatewayWhere some;
    public VirtualNetworkGatewayWhere none;
    public VirtualNetworkGatewayWhere all;
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
