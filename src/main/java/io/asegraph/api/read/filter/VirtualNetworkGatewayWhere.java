package io.asegraph.api.read.filter;

import io.asegraph.api.read.StringFilter;
import io.asegraph.net.AddressSet;
import io.asegraph.topology.VirtualNetworkGateway;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("VirtualNetworkGatewayWhere")
@Description("Filters on virtual network gateways: every given condition must hold; AND, OR and NOT combine filters.")
public class VirtualNetworkGatewayWhere {
    @Description("Every filter in this list must hold.")
    public List<VirtualNetworkGatewayWhere> AND;

    @Description("At least one filter in this list must hold.")
    public List<VirtualNetworkGatewayWhere> OR;

    @Description("This filter must not hold.")
    public VirtualNetworkGatewayWhere NOT;

    @Description("Only inside a relationship filter: whether the related gateway exists.")
    public Boolean exists;

    @Description("The Azure resource id (case-insensitive).")
    public StringFilter id;

    @Description("The gateway name (case-insensitive).")
    public StringFilter name;

    @Description("The Azure region (eq or in).")
    public StringFilter location;

    @Description("VPN or EXPRESS_ROUTE, or Azure's Vpn, ExpressRoute (eq or in, case-insensitive).")
    public StringFilter gatewayType;

    @Description("The prefixes it learned over BGP, as one set (a gateway that learned none passes no address"
            + " condition); contains: \"0.0.0.0/0\" finds forced tunnelling.")
    public AddressFilter learnedRoutes;

    @Description("The virtual network it serves.")
    public VirtualNetworkWhere virtualNetwork;

    @Description("The local network gateway forced-tunnelled traffic goes to ({exists: false}: none set).")
    public LocalNetworkGatewayWhere defaultSite;

    @Description("Its connections ({none: {}}: none).")
    public GatewayConnectionListWhere connections;

    public static Pred<VirtualNetworkGateway> compile(VirtualNetworkGatewayWhere w, String path, Scope scope) {
        return w == null ? Pred.always() : Pred.all(w.parts(path, scope));
    }

    List<Pred<VirtualNetworkGateway>> parts(String path, Scope scope) {
        List<Pred<VirtualNetworkGateway>> out = Pred.parts();
        Scalars.logic(out, AND, OR, NOT, path, (w, p) -> compile(w, p, scope));
        Scalars.string(out, id, path + ".id", g -> g.id().value());
        Scalars.string(out, name, path + ".name", VirtualNetworkGateway::name);
        Scalars.choice(out, location, path + ".location", VirtualNetworkGateway::location);
        Scalars.oneOf(out, gatewayType, path + ".gatewayType", List.of("Vpn", "ExpressRoute"), g -> g.gatewayType()
                .azureName());
        Scalars.addressList(out, learnedRoutes, path + ".learnedRoutes", scope, g -> AddressSet.of(g.learnedRoutes()));
        if (virtualNetwork != null) {
            VirtualNetworkWhere v = virtualNetwork;
            out.add(Relations.one(
                    v.exists,
                    v.parts(path + ".virtualNetwork", scope),
                    g -> scope.topology().vnet(g.vnetId()).orElse(null),
                    g -> Optional.of(g.vnetId())));
        }
        if (defaultSite != null) {
            LocalNetworkGatewayWhere l = defaultSite;
            out.add(Relations.one(
                    l.exists,
                    l.parts(path + ".defaultSite", scope),
                    g -> g.defaultSite().flatMap(scope.topology()::localGateway).orElse(null),
                    VirtualNetworkGateway::defaultSite));
        }
        GatewayConnectionListWhere.apply(out, connections, path + ".connections", scope, g -> scope.links()
                .connectionsByGateway
                .get(g.id()));
        return out;
    }
}
