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
    public SubnetWhere some;
    public SubnetWhere none;
    public SubnetWhere all;
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
