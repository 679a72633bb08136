package io.asegraph.api.read.filter;

import io.asegraph.topology.Route;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("RouteListWhere")
@Description("Conditions on a route table's routes ({none: {}}: it has none).")
public class RouteListWhere {
    @Description("At least one related resource matches this filter.")
    public RouteWhere some;

    @Description("No related resource matches this filter ({} means: there are none).")
    public RouteWhere none;

    @Description("Every related resource matches this filter (true when there are none).")
    public RouteWhere all;

    @Description("Exactly one related resource matches this filter.")
    public RouteWhere single;

    /** Adds the conditions of {@code l} (none when null) on the related rows {@code get} gives. */
    static <P> void apply(
            List<Pred<P>> out,
            RouteListWhere l,
            String path,
            Scope scope,
            Function<P, ? extends Collection<Route>> get) {
        if (l != null) {
            Relations.list(out, l.some, l.none, l.all, l.single, path, (w, p) -> RouteWhere.compile(w, p, scope), get);
        }
    }
}
