package io.asegraph.api.read.filter;

import io.asegraph.api.read.StringFilter;
import io.asegraph.net.AddressSet;
import io.asegraph.net.InvalidAddressException;
import io.asegraph.net.Ipv4;
import io.asegraph.topology.LocalNetworkGateway;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("LocalNetworkGatewayWhere")
@Description("Filters on local network gateways (on-premises sites): every given condition must hold; AND, OR and NOT"
        + " combine filters.")
public class LocalNetworkGatewayWhere {
    @Description("Every filter in this list must hold.")
    public List<LocalNetworkGatewayWhere> AND;

    @Description("At least one filter in this list must hold.")
    public List<LocalNetworkGatewayWhere> OR;

    @Description("This filter must not hold.")
    public LocalNetworkGatewayWhere NOT;

    @Description("Only inside a relationship filter: whether the related local network gateway exists.")
    public Boolean exists;

    @Description("The Azure resource id (case-insensitive).")
    public StringFilter id;

    @Description("The site name (case-insensitive).")
    public StringFilter name;

    @Description("The Azure region (eq or in).")
    public StringFilter location;

    @Description("The on-premises address space behind it, as one set (none: passes no address condition).")
    public AddressFilter addressPrefixes;

    @Description("The on-premises VPN device's public address (none: passes no address condition; a device named by"
            + " a host name is undetermined).")
    public AddressFilter gatewayIpAddress;

    @Description("Connections that reach this site ({none: {}}: none).")
    public GatewayConnectionListWhere connections;

    public static Pred<LocalNetworkGateway> compile(LocalNetworkGatewayWhere w, String path, Scope scope) {
        return w == null ? Pred.always() : Pred.all(w.parts(path, scope));
    }

    List<Pred<LocalNetworkGateway>> parts(String path, Scope scope) {
        List<Pred<LocalNetworkGateway>> out = Pred.parts();
        Scalars.logic(out, AND, OR, NOT, path, (w, p) -> compile(w, p, scope));
        Scalars.string(out, id, path + ".id", l -> l.id().value());
        Scalars.string(out, name, path + ".name", LocalNetworkGateway::name);
        Scalars.choice(out, location, path + ".location", LocalNetworkGateway::location);
        Scalars.addressList(
                out, addressPrefixes, path + ".addressPrefixes", scope, l -> AddressSet.of(l.addressPrefixes()));
        if (gatewayIpAddress != null) {
            List<Pred<LocalNetworkGateway>> a = Pred.parts();
            Scalars.optionalAddresses(
                    a, gatewayIpAddress, path + ".gatewayIpAddress", scope, l -> address(l.gatewayIpAddress()));
            Pred<LocalNetworkGateway> known = Pred.all(a);
            out.add(l -> !l.gatewayIpAddress().isBlank()
                            && address(l.gatewayIpAddress()).isEmpty()
                    ? Tri.UNKNOWN
                    : known.test(l));
        }
        GatewayConnectionListWhere.apply(out, connections, path + ".connections", scope, l -> scope.links()
                .connectionsByPeer
                .get(l.id()));
        return out;
    }

    /** The device address as imported (nothing, or a host name: no known address). */
    private static Optional<AddressSet> address(String text) {
        try {
            return text.isBlank() ? Optional.empty() : Optional.of(AddressSet.host(Ipv4.parse(text)));
        } catch (InvalidAddressException e) {
            return Optional.empty();
        }
    }
}
