package io.asegraph.api.read.filter;

import io.asegraph.api.read.StringFilter;
import io.asegraph.net.AddressSet;
import io.asegraph.topology.Endpoint;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("EndpointWhere")
@Description("Filters on public endpoints outside any VNet: every given condition must hold; AND, OR and NOT combine"
        + " filters.")
public class EndpointWhere {
    @Description("Every filter in this list must hold.")
    public List<EndpointWhere> AND;

    @Description("At least one filter in this list must hold.")
    public List<EndpointWhere> OR;

    @Description("This filter must not hold.")
    public EndpointWhere NOT;

    @Description("The Azure resource id (case-insensitive).")
    public StringFilter id;

    @Description("The endpoint name (case-insensitive).")
    public StringFilter name;

    @Description("The Azure region (eq or in).")
    public StringFilter location;

    @Description("Endpoints whose addresses hold this IPv4 address.")
    public String containsAddress;

    @Description("Its addresses, as one set.")
    public AddressFilter addresses;

    @Description("The service tag its addresses belong to (case-insensitive; an endpoint without one passes no"
            + " string condition).")
    public StringFilter serviceTag;

    public static Pred<Endpoint> compile(EndpointWhere w, String path, Scope scope) {
        return w == null ? Pred.always() : Pred.all(w.parts(path, scope));
    }

    List<Pred<Endpoint>> parts(String path, Scope scope) {
        List<Pred<Endpoint>> out = Pred.parts();
        Scalars.logic(out, AND, OR, NOT, path, (w, p) -> compile(w, p, scope));
        Scalars.string(out, id, path + ".id", e -> e.id().value());
        Scalars.string(out, name, path + ".name", Endpoint::name);
        Scalars.choice(out, location, path + ".location", Endpoint::location);
        Scalars.containsAddress(out, containsAddress, path + ".containsAddress", e -> AddressSet.of(e.addresses()));
        Scalars.addressList(out, addresses, path + ".addresses", scope, e -> AddressSet.of(e.addresses()));
        Scalars.string(
                out, serviceTag, path + ".serviceTag", e -> e.serviceTag().orElse(null));
        return out;
    }
}
