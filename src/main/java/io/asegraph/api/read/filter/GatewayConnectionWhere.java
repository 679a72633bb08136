package io.asegraph.api.read.filter;

import io.asegraph.api.read.StringFilter;
import io.asegraph.topology.Connection;
import io.asegraph.topology.LocalNetworkGateway;
import io.asegraph.topology.VirtualNetworkGateway;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("GatewayConnectionWhere")
@Description("Filters on gateway connections: every given condition must hold; AND, OR and NOT combine filters.")
public class GatewayConnectionWhere {
    @Description("Every filter in this list must hold.")
    public List<GatewayConnectionWhere> AND;

    @Description("At least one filter in this list must hold.")
    public List<GatewayConnectionWhere> OR;

    @Description("This filter must not hold.")
    public GatewayConnectionWhere NOT;

    @Description("Only inside a relationship filter: whether the related connection exists.")
    public Boolean exists;

    @Description("The Azure resource id (case-insensitive).")
    public StringFilter id;

    @Description("The connection name (case-insensitive).")
    public StringFilter name;

    @Description("Connections have no region in the graph: as before, a location condition matches none.")
    public StringFilter location;

    @Description("IPSEC, VNET2VNET or EXPRESS_ROUTE, or Azure's IPsec, Vnet2Vnet, ExpressRoute (eq or in,"
            + " case-insensitive).")
    public StringFilter connectionType;

    @Description("The virtual network gateway's id (case-insensitive).")
    public StringFilter gateway;

    @Description("The peer's id: the local network gateway or the remote gateway (case-insensitive).")
    public StringFilter peer;

    @Description("The virtual network gateway the connection belongs to.")
    public VirtualNetworkGatewayWhere virtualNetworkGateway;

    @Description("The peer when it is a local network gateway (IPsec); {exists: false}: the peer is not one. A peer"
            + " referenced but not imported is undetermined.")
    public LocalNetworkGatewayWhere localNetworkGateway;

    @Description("The peer when it is another virtual network gateway (Vnet2Vnet); {exists: false}: the peer is not"
            + " one. A peer referenced but not imported is undetermined.")
    public VirtualNetworkGatewayWhere remoteGateway;

    public static Pred<Connection> compile(GatewayConnectionWhere w, String path, Scope scope) {
        return w == null ? Pred.always() : Pred.all(w.parts(path, scope));
    }

    List<Pred<Connection>> parts(String path, Scope scope) {
        List<Pred<Connection>> out = Pred.parts();
        Scalars.logic(out, AND, OR, NOT, path, (w, p) -> compile(w, p, scope));
        Scalars.string(out, id, path + ".id", c -> c.id().value());
        Scalars.string(out, name, path + ".name", Connection::name);
        Scalars.choice(out, location, path + ".location", Connection::location);
        Scalars.oneOf(
                out,
                connectionType,
                path + ".connectionType",
                List.of("IPsec", "Vnet2Vnet", "ExpressRoute"),
                Connection::connectionType);
        Scalars.string(out, gateway, path + ".gateway", c -> c.gatewayId().value());
        Scalars.string(out, peer, path + ".peer", c -> c.peerId().value());
        if (virtualNetworkGateway != null) {
            VirtualNetworkGatewayWhere g = virtualNetworkGateway;
            out.add(Relations.one(
                    g.exists,
                    g.parts(path + ".virtualNetworkGateway", scope),
                    c -> scope.topology().gateway(c.gatewayId()).orElse(null),
                    c -> Optional.of(c.gatewayId())));
        }
        if (localNetworkGateway != null) {
            LocalNetworkGatewayWhere l = localNetworkGateway;
            out.add(Relations.one(
                    l.exists,
                    l.parts(path + ".localNetworkGateway", scope),
                    c -> local(scope, c),
                    c -> unresolvedPeer(scope, c)));
        }
        if (remoteGateway != null) {
            VirtualNetworkGatewayWhere g = remoteGateway;
            out.add(Relations.one(
                    g.exists,
                    g.parts(path + ".remoteGateway", scope),
                    c -> remote(scope, c),
                    c -> unresolvedPeer(scope, c)));
        }
        return out;
    }

    private static LocalNetworkGateway local(Scope scope, Connection c) {
        return scope.topology().localGateway(c.peerId()).orElse(null);
    }

    private static VirtualNetworkGateway remote(Scope scope, Connection c) {
        return scope.topology().gateway(c.peerId()).orElse(null);
    }

    /** The peer's id when it is neither a local nor a virtual network gateway of the snapshot (not imported). */
    private static Optional<?> unresolvedPeer(Scope scope, Connection c) {
        return local(scope, c) == null && remote(scope, c) == null ? Optional.of(c.peerId()) : Optional.empty();
    }
}
