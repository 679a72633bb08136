package io.asegraph.api.read.filter;

import io.asegraph.api.read.StringFilter;
import io.asegraph.topology.RouteTable;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("RouteTableWhere")
@Description("Filters on a related route table: every given condition must hold.")
public class RouteTableWhere {
    @Description("Every filter in this list must hold.")
    public List<RouteTableWhere> AND;

    @Description("At least one filter in this list must hold.")
    public List<RouteTableWhere> OR;

    @Description("This filter must not hold.")
    public RouteTableWhere NOT;

    @Description("Whether the related route table exists.")
    public Boolean exists;

    @Description("The Azure resource id (case-insensitive).")
    public StringFilter id;

    @Description("The resource name (case-insensitive).")
    public StringFilter name;

    @Description("The Azure region (case-insensitive).")
    public StringFilter location;

    @Description("Route tables with BGP route propagation disabled (true) or enabled (false).")
    public Boolean disableBgpRoutePropagation;

    @Description("Its user routes.")
    public RouteListWhere routes;

    @Description("Subnets it is associated with ({none: {}}: none).")
    public SubnetListWhere subnets;

    public static Pred<RouteTable> compile(RouteTableWhere w, String path, Scope scope) {
        return w == null ? Pred.always() : Pred.all(w.parts(path, scope));
    }

    List<Pred<RouteTable>> parts(String path, Scope scope) {
        List<Pred<RouteTable>> out = Pred.parts();
        Scalars.logic(out, AND, OR, NOT, path, (w, p) -> compile(w, p, scope));
        Scalars.string(out, id, path + ".id", t -> t.id().value());
        Scalars.string(out, name, path + ".name", RouteTable::name);
        Scalars.choice(out, location, path + ".location", RouteTable::location);
        Scalars.bool(out, disableBgpRoutePropagation, t -> Tri.of(t.disableBgpRoutePropagation()));
        RouteListWhere.apply(out, routes, path + ".routes", scope, RouteTable::routes);
        SubnetListWhere.apply(out, subnets, path + ".subnets", scope, t -> scope.subnetsRoutedBy(t.id()));
        return out;
    }
}
