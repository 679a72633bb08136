package io.asegraph.api.read.filter;

import io.asegraph.api.read.StringFilter;
import io.asegraph.topology.Subnet;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("SubnetWhere")
@Description("Filters on subnets: every given condition must hold; AND, OR and NOT combine filters.")
public class SubnetWhere {
    @Description("Every filter in this list must hold.")
    public List<SubnetWhere> AND;

    @Description("At least one filter in this list must hold.")
    public List<SubnetWhere> OR;

    @Description("This filter must not hold.")
    public SubnetWhere NOT;

    @Description("Only inside a relationship filter: whether the related subnet exists.")
    public Boolean exists;

    @Description("The Azure resource id (case-insensitive).")
    public StringFilter id;

    @Description("The subnet name (case-insensitive).")
    public StringFilter name;

    @Description("The Azure region (eq or in).")
    public StringFilter location;

    @Description("Subnets whose address space holds this IPv4 address.")
    public String containsAddress;

    @Description("Its address space (the union of its prefixes).")
    public AddressFilter addressPrefix;

    @Description("Its NSG ({exists: false}: subnets without one).")
    public NetworkSecurityGroupWhere networkSecurityGroup;

    @Description("Its route table ({exists: false}: subnets without one).")
    public RouteTableWhere routeTable;

    @Description("Network interfaces in the subnet.")
    public NetworkInterfaceListWhere networkInterfaces;

    public static Pred<Subnet> compile(SubnetWhere w, String path, Scope scope) {
        return w == null ? Pred.always() : Pred.all(w.parts(path, scope));
    }

    List<Pred<Subnet>> parts(String path, Scope scope) {
        List<Pred<Subnet>> out = Pred.parts();
        Scalars.logic(out, AND, OR, NOT, path, (w, p) -> compile(w, p, scope));
        Scalars.string(out, id, path + ".id", s -> s.id().value());
        Scalars.string(out, name, path + ".name", Subnet::name);
        Scalars.choice(out, location, path + ".location", Subnet::location);
        Scalars.containsAddress(out, containsAddress, path + ".containsAddress", Subnet::addresses);
        Scalars.addresses(out, addressPrefix, path + ".addressPrefix", scope, Subnet::addresses);
        if (networkSecurityGroup != null) {
            NetworkSecurityGroupWhere n = networkSecurityGroup;
            out.add(Relations.one(
                    n.exists,
                    n.parts(path + ".networkSecurityGroup", scope),
                    s -> scope.nsg(s.nsgId()),
                    Subnet::nsgId));
        }
        if (routeTable != null) {
            RouteTableWhere r = routeTable;
            out.add(Relations.one(
                    r.exists,
                    r.parts(path + ".routeTable", scope),
                    s -> scope.routeTable(s.routeTableId()),
                    Subnet::routeTableId));
        }
        NetworkInterfaceListWhere.apply(
                out, networkInterfaces, path + ".networkInterfaces", scope, s -> scope.nicsIn(s.id()));
        return out;
    }
}
