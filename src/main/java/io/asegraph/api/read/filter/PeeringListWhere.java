package io.asegraph.api.read.filter;

import io.asegraph.topology.Peering;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("PeeringListWhere")
@Description("Conditions on a list of related peerings ({none: {}}: there are none).")
public class PeeringListWhere {
    @Description("At least one related resource matches this filter.")
    public PeeringWhere some;

    @Description("No related resource matches this filter ({} means: there are none).")
    public PeeringWhere none;

    @Description("Every related resource matches this filter (true when there are none).")
    public PeeringWhere all;

    @Description("Exactly one related resource matches this filter.")
    public PeeringWhere single;

    /** Adds the conditions of {@code l} (none when null) on the related rows {@code get} gives. */
    static <P> void apply(
            List<Pred<P>> out,
            PeeringListWhere l,
            String path,
            Scope scope,
            Function<P, ? extends Collection<Peering>> get) {
        if (l != null) {
            Relations.list(
                    out, l.some, l.none, l.all, l.single, path, (w, p) -> PeeringWhere.compile(w, p, scope), get);
        }
    }
}
