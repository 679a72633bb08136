package io.asegraph.api.read.filter;

import io.asegraph.api.read.StringFilter;
import io.asegraph.topology.Route;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("RouteWhere")
@Description("Filters on user routes: every given condition must hold; AND, OR and NOT combine filters.")
public class RouteWhere {
    @Description("Every filter in this list must hold.")
    public List<RouteWhere> AND;

    @Description("At least one filter in this list must hold.")
    public List<RouteWhere> OR;

    @Description("This filter must not hold.")
    public RouteWhere NOT;

    @Description("The route name (case-insensitive).")
    public StringFilter name;

    @Description("Its destination: a prefix, or a service tag resolved from the imported Service Tags (a tag not"
            + " imported is undetermined). contains: \"0.0.0.0/0\" finds default routes.")
    public AddressFilter addressPrefix;

    @Description("Routes whose next hop type is as given.")
    public NextHopTypeFilter nextHopType;

    @Description("Its next hop address (a route without one passes no address condition).")
    public AddressFilter nextHopIpAddress;

    public static Pred<Route> compile(RouteWhere w, String path, Scope scope) {
        return w == null ? Pred.always() : Pred.all(w.parts(path, scope));
    }

    List<Pred<Route>> parts(String path, Scope scope) {
        List<Pred<Route>> out = Pred.parts();
        Scalars.logic(out, AND, OR, NOT, path, (w, p) -> compile(w, p, scope));
        Scalars.string(out, name, path + ".name", Route::name);
        Scalars.resolvedAddresses(
                out, addressPrefix, path + ".addressPrefix", scope, r -> scope.routePrefix(r.addressPrefix()));
        if (nextHopType != null) {
            Scalars.enumeration(
                    out, nextHopType.eq, nextHopType.in, io.asegraph.topology.NextHopType.class, Route::nextHopType);
        }
        Scalars.optionalAddresses(
                out, nextHopIpAddress, path + ".nextHopIpAddress", scope, r -> Scalars.host(r.nextHopIp()));
        return out;
    }
}
