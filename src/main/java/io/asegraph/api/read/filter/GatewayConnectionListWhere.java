package io.asegraph.api.read.filter;

import io.asegraph.topology.Connection;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("GatewayConnectionListWhere")
@Description("Conditions on a list of related gateway connections ({none: {}}: there are none).")
public class GatewayConnectionListWhere {
    @Description("At least one related resource matches this filter.")
    public GatewayConnectionWhere some;

    @Description("No related resource matches this filter ({} means: there are none).")
    public GatewayConnectionWhere none;

    @Description("Every related resource matches this filter (true when there are none).")
    public GatewayConnectionWhere all;

    @Description("Exactly one related resource matches this filter.")
    public GatewayConnectionWhere single;

    /** Adds the conditions of {@code l} (none when null) on the related rows {@code get} gives. */
    static <P> void apply(
            List<Pred<P>> out,
            GatewayConnectionListWhere l,
            String path,
            Scope scope,
            Function<P, ? extends Collection<Connection>> get) {
        if (l != null) {
            Relations.list(
                    out,
                    l.some,
                    l.none,
                    l.all,
                    l.single,
                    path,
                    (w, p) -> GatewayConnectionWhere.compile(w, p, scope),
                    get);
        }
    }
}
