package io.asegraph.api.read.filter;

import io.asegraph.api.read.StringFilter;
import io.asegraph.net.AddressSet;
import io.asegraph.topology.PrivateEndpoint;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("PrivateEndpointWhere")
@Description("Filters on private endpoints: every given condition must hold; AND, OR and NOT combine filters.")
public class PrivateEndpointWhere {
    @Description("Every filter in this list must hold.")
    public List<PrivateEndpointWhere> AND;

    @Description("At least one filter in this list must hold.")
    public List<PrivateEndpointWhere> OR;

    @Description("This filter must not hold.")
    public PrivateEndpointWhere NOT;

    @Description("The Azure resource id (case-insensitive).")
    public StringFilter id;

    @Description("The private endpoint name (case-insensitive).")
    public StringFilter name;

    @Description("The Azure region (eq or in).")
    public StringFilter location;

    @Description("The private addresses it records, as one set (none: passes no address condition).")
    public AddressFilter privateIpAddresses;

    @Description("The subnet its network interface is in (one referenced but not imported is undetermined).")
    public SubnetWhere subnet;

    @Description("Holds a target (the private link resource's name with its group ids, e.g. 'kv-prod (vault)')"
            + " meeting every given condition (case-insensitive).")
    public StringFilter targets;

    @Description("The network interfaces Azure created for it ({none: {}}: none; one referenced but not imported is"
            + " undetermined).")
    public NetworkInterfaceListWhere networkInterfaces;

    public static Pred<PrivateEndpoint> compile(PrivateEndpointWhere w, String path, Scope scope) {
        return w == null ? Pred.always() : Pred.all(w.parts(path, scope));
    }

    List<Pred<PrivateEndpoint>> parts(String path, Scope scope) {
        List<Pred<PrivateEndpoint>> out = Pred.parts();
        Scalars.logic(out, AND, OR, NOT, path, (w, p) -> compile(w, p, scope));
        Scalars.string(out, id, path + ".id", e -> e.id().value());
        Scalars.string(out, name, path + ".name", PrivateEndpoint::name);
        Scalars.choice(out, location, path + ".location", PrivateEndpoint::location);
        Scalars.addressList(out, privateIpAddresses, path + ".privateIpAddresses", scope, e -> {
            AddressSet a = AddressSet.EMPTY;
            for (long ip : e.privateIps()) {
                a = a.union(AddressSet.host(ip));
            }
            return a;
        });
        if (targets != null) {
            List<Pred<String>> t = Pred.parts();
            Scalars.string(t, targets, path + ".targets", x -> x);
            Pred<String> one = Pred.all(t);
            out.add(e -> Tri.of(e.targets().stream().anyMatch(x -> one.test(x) == Tri.TRUE)));
        }
        NetworkInterfaceListWhere.apply(
                out,
                networkInterfaces,
                path + ".networkInterfaces",
                scope,
                e -> Links.referenced(e.nicIds(), scope.topology()::nic));
        if (subnet != null) {
            SubnetWhere s = subnet;
            out.add(Relations.one(
                    s.exists,
                    s.parts(path + ".subnet", scope),
                    e -> scope.subnet(e.subnetId()),
                    e -> Optional.of(e.subnetId())));
        }
        return out;
    }
}
