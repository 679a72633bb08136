package io.asegraph.api.read.filter;

import io.asegraph.topology.NetworkInterface;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("NetworkInterfaceListWhere")
@Description("Conditions on a list of related network interfaces ({none: {}}: there are none).")
public class NetworkInterfaceListWhere {
    @Description("At least one related resource matches this filter.")
    public NetworkInterfaceWhere some;

    @Description("No related resource matches this filter ({} means: there are none).")
    public NetworkInterfaceWhere none;

    @Description("Every related resource matches this filter (true when there are none).")
    public NetworkInterfaceWhere all;

    @Description("Exactly one related resource matches this filter.")
    public NetworkInterfaceWhere single;

    /** Adds the conditions of {@code l} (none when null) on the related rows {@code get} gives. */
    static <P> void apply(
            List<Pred<P>> out,
            NetworkInterfaceListWhere l,
            String path,
            Scope scope,
            Function<P, ? extends Collection<NetworkInterface>> get) {
        if (l != null) {
            Relations.list(
                    out,
                    l.some,
                    l.none,
                    l.all,
                    l.single,
                    path,
                    (w, p) -> NetworkInterfaceWhere.compile(w, p, scope),
                    get);
        }
    }
}
