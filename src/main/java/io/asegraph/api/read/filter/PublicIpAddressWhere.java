package io.asegraph.api.read.filter;

import io.asegraph.api.read.StringFilter;
import io.asegraph.net.AddressSet;
import io.asegraph.topology.PublicIpAddress;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("PublicIpAddressWhere")
@Description("Filters on a related public IP address: every given condition must hold.")
public class PublicIpAddressWhere {
    public List<PublicIpAddressWhere> AND;
    public List<PublicIpAddressWhere> OR;
    public PublicIpAddressWhere NOT;

    @Description("Whether there is one.")
    public Boolean exists;

    public StringFilter id;
    public StringFilter name;
    public StringFilter location;

    @Description("Its address (a public IP without an allocated address passes no address condition).")
    public AddressFilter ipAddress;

    public static Pred<PublicIpAddress> compile(PublicIpAddressWhere w, String path, Scope scope) {
        return w == null ? Pred.always() : Pred.all(w.parts(path, scope));
    }

    List<Pred<PublicIpAddress>> parts(String path, Scope scope) {
        List<Pred<PublicIpAddress>> out = Pred.parts();
        Scalars.logic(out, AND, OR, NOT, path, (w, p) -> compile(w, p, scope));
        Scalars.string(out, id, path + ".id", t -> t.id().value());
        Scalars.string(out, name, path + ".name", PublicIpAddress::name);
        Scalars.choice(out, location, path + ".location", PublicIpAddress::location);
        if (ipAddress != null) {
            List<Pred<AddressSet>> a = Pred.parts();
            Scalars.addresses(a, ipAddress, path + ".ipAddress", scope, s -> s);
            Pred<AddressSet> all = Pred.all(a);
            out.add(p -> p.ipAddress().map(x -> all.test(AddressSet.host(x))).orElse(Tri.FALSE));
        }
        return out;
    }
}
