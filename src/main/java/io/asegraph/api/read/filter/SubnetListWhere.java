package io.asegraph.api.read.filter;

import io.asegraph.topology.Subnet;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("SubnetListWhere")
@Description("Conditions on a list of related subnets ({none: {}}: there are none).")
public class SubnetListWhere {
    @Description("At least one related resource matches this filter.")
    public SubnetWhere some;

    @Description("No related resource matches this filter ({} means: there are none).")
    public SubnetWhere none;

    @Description("Every related resource matches this filter (true when there are none).")
    public SubnetWhere all;

    @Description("Exactly one related resource matches this filter.")
    public SubnetWhere single;

    /** Adds the conditions of {@code l} (none when null) on the related rows {@code get} gives. */
    static <P> void apply(
            List<Pred<P>> out,
            SubnetListWhere l,
            String path,
            Scope scope,
            Function<P, ? extends Collection<Subnet>> get) {
        if (l != null) {
            Relations.list(out, l.some, l.none, l.all, l.single, path, (w, p) -> SubnetWhere.compile(w, p, scope), get);
        }
    }
}
