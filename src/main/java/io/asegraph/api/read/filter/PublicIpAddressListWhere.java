package io.asegraph.api.read.filter;

import io.asegraph.topology.PublicIpAddress;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("PublicIpAddressListWhere")
@Description("Conditions on a list of related public IP addresses ({none: {}}: there are none).")
public class PublicIpAddressListWhere {
    @Description("At least one related resource matches this filter.")
    public PublicIpAddressWhere some;

    @Description("No related resource matches this filter ({} means: there are none).")
    public PublicIpAddressWhere none;

    @Description("Every related resource matches this filter (true when there are none).")
    public PublicIpAddressWhere all;

    @Description("Exactly one related resource matches this filter.")
    public PublicIpAddressWhere single;

    /** Adds the conditions of {@code l} (none when null) on the related rows {@code get} gives. */
    static <P> void apply(
            List<Pred<P>> out,
            PublicIpAddressListWhere l,
            String path,
            Scope scope,
            Function<P, ? extends Collection<PublicIpAddress>> get) {
        if (l != null) {
            Relations.list(
                    out,
                    l.some,
                    l.none,
                    l.all,
                    l.single,
                    path,
                    (w, p) -> PublicIpAddressWhere.compile(w, p, scope),
                    get);
        }
    }
}
