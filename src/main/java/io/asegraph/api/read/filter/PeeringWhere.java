package io.asegraph.api.read.filter;

import io.asegraph.api.read.StringFilter;
import io.asegraph.topology.Peering;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("PeeringWhere")
@Description("Filters on VNet peerings (one per direction): every given condition must hold; AND, OR and NOT combine"
        + " filters.")
public class PeeringWhere {
    @Description("Every filter in this list must hold.")
    public List<PeeringWhere> AND;

    @Description("At least one filter in this list must hold.")
    public List<PeeringWhere> OR;

    @Description("This filter must not hold.")
    public PeeringWhere NOT;

    @Description("Only inside a relationship filter: whether the related peering exists.")
    public Boolean exists;

    @Description("The Azure resource id (case-insensitive).")
    public StringFilter id;

    @Description("The peering name (case-insensitive).")
    public StringFilter name;

    @Description("Peerings have no region of their own: as before, a location condition matches none.")
    public StringFilter location;

    @Description("INITIATED, CONNECTED or DISCONNECTED, or Azure's Initiated, Connected, Disconnected (eq or in,"
            + " case-insensitive).")
    public StringFilter state;

    @Description("Peerings with allowGatewayTransit as given.")
    public Boolean allowGatewayTransit;

    @Description("Peerings with useRemoteGateways as given.")
    public Boolean useRemoteGateways;

    @Description("Peerings with allowForwardedTraffic as given.")
    public Boolean allowForwardedTraffic;

    @Description("The local virtual network (the side this peering belongs to).")
    public VirtualNetworkWhere localVirtualNetwork;

    @Description("The remote virtual network (one referenced but not imported is undetermined).")
    public VirtualNetworkWhere remoteVirtualNetwork;

    public static Pred<Peering> compile(PeeringWhere w, String path, Scope scope) {
        return w == null ? Pred.always() : Pred.all(w.parts(path, scope));
    }

    List<Pred<Peering>> parts(String path, Scope scope) {
        List<Pred<Peering>> out = Pred.parts();
        Scalars.logic(out, AND, OR, NOT, path, (w, p) -> compile(w, p, scope));
        Scalars.string(out, id, path + ".id", p -> p.id().value());
        Scalars.string(out, name, path + ".name", Peering::name);
        Scalars.choice(out, location, path + ".location", Peering::location);
        Scalars.oneOf(out, state, path + ".state", List.of("Initiated", "Connected", "Disconnected"), p -> p.state()
                .azureName());
        Scalars.bool(out, allowGatewayTransit, p -> Tri.of(p.allowGatewayTransit()));
        Scalars.bool(out, useRemoteGateways, p -> Tri.of(p.useRemoteGateways()));
        Scalars.bool(out, allowForwardedTraffic, p -> Tri.of(p.allowForwardedTraffic()));
        if (localVirtualNetwork != null) {
            VirtualNetworkWhere v = localVirtualNetwork;
            out.add(Relations.one(
                    v.exists,
                    v.parts(path + ".localVirtualNetwork", scope),
                    p -> scope.topology().vnet(p.localVnetId()).orElse(null),
                    p -> Optional.of(p.localVnetId())));
        }
        if (remoteVirtualNetwork != null) {
            VirtualNetworkWhere v = remoteVirtualNetwork;
            out.add(Relations.one(
                    v.exists,
                    v.parts(path + ".remoteVirtualNetwork", scope),
                    p -> scope.topology().vnet(p.remoteVnetId()).orElse(null),
                    p -> Optional.of(p.remoteVnetId())));
        }
        return out;
    }
}
