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
    public PublicIpAddressWhere some;
    public PublicIpAddressWhere none;
    public PublicIpAddressWhere all;
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
