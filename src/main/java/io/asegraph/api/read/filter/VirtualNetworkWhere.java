package io.asegraph.api.read.filter;

import io.asegraph.api.read.StringFilter;
import io.asegraph.net.AddressSet;
import io.asegraph.topology.VirtualNetwork;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("VirtualNetworkWhere")
@Description("Filters on virtual networks: every given condition must hold; AND, OR and NOT combine filters.")
public class VirtualNetworkWhere {
    @Description("Every filter in this list must hold.")
    public List<VirtualNetworkWhere> AND;

    @Description("At least one filter in this list must hold.")
    public List<VirtualNetworkWhere> OR;

    @Description("This filter must not hold.")
    public VirtualNetworkWhere NOT;

    @Description("Only inside a relationship filter: whether the related virtual network exists.")
    public Boolean exists;

    @Description("The Azure resource id (case-insensitive).")
    public StringFilter id;

    @Description("The virtual network name (case-insensitive).")
    public StringFilter name;

    @Description("The Azure region (eq or in).")
    public StringFilter location;

    @Description("Virtual networks whose address space holds this IPv4 address.")
    public String containsAddress;

    @Description("Its address space (the union of its address prefixes).")
    public AddressFilter addressPrefixes;

    @Description("Its subnets ({none: {}}: none).")
    public SubnetListWhere subnets;

    @Description("Its peerings, this VNet's side ({none: {}}: not peered).")
    public PeeringListWhere peerings;

    @Description("Its VPN / ExpressRoute gateways ({none: {}}: none).")
    public VirtualNetworkGatewayListWhere gateways;

    public static Pred<VirtualNetwork> compile(VirtualNetworkWhere w, String path, Scope scope) {
        return w == null ? Pred.always() : Pred.all(w.parts(path, scope));
    }

    List<Pred<VirtualNetwork>> parts(String path, Scope scope) {
        List<Pred<VirtualNetwork>> out = Pred.parts();
        Scalars.logic(out, AND, OR, NOT, path, (w, p) -> compile(w, p, scope));
        Scalars.string(out, id, path + ".id", v -> v.id().value());
        Scalars.string(out, name, path + ".name", VirtualNetwork::name);
        Scalars.choice(out, location, path + ".location", VirtualNetwork::location);
        Scalars.containsAddress(out, containsAddress, path + ".containsAddress", v -> AddressSet.of(v.addressSpace()));
        Scalars.addressList(
                out, addressPrefixes, path + ".addressPrefixes", scope, v -> AddressSet.of(v.addressSpace()));
        SubnetListWhere.apply(out, subnets, path + ".subnets", scope, v -> scope.links()
                .subnetsByVnet
                .get(v.id()));
        PeeringListWhere.apply(out, peerings, path + ".peerings", scope, v -> scope.links()
                .peeringsByVnet
                .get(v.id()));
        VirtualNetworkGatewayListWhere.apply(out, gateways, path + ".gateways", scope, v -> scope.links()
                .gatewaysByVnet
                .get(v.id()));
        return out;
    }
}
