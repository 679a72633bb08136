package io.asegraph.api.read.filter;

import io.asegraph.api.read.StringFilter;
import io.asegraph.topology.PublicIpAddress;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("PublicIpAddressWhere")
@Description("Filters on public IP addresses: every given condition must hold; AND, OR and NOT combine filters. What"
        + " uses a public IP is known for network interfaces, NAT gateways and Azure Firewalls; the snapshot does not"
        + " hold which VPN gateway or load balancer uses one.")
public class PublicIpAddressWhere {
    @Description("Every filter in this list must hold.")
    public List<PublicIpAddressWhere> AND;

    @Description("At least one filter in this list must hold.")
    public List<PublicIpAddressWhere> OR;

    @Description("This filter must not hold.")
    public PublicIpAddressWhere NOT;

    @Description("Only inside a relationship filter: whether there is one.")
    public Boolean exists;

    @Description("The Azure resource id (case-insensitive).")
    public StringFilter id;

    @Description("The public IP resource's name (case-insensitive).")
    public StringFilter name;

    @Description("The Azure region (eq or in).")
    public StringFilter location;

    @Description("Its address (a public IP without an allocated address passes no address condition).")
    public AddressFilter ipAddress;

    @Description("Network interfaces using it ({none: {}}: none).")
    public NetworkInterfaceListWhere networkInterfaces;

    @Description("The NAT gateway translating to it ({exists: false}: none).")
    public NatGatewayWhere natGateway;

    @Description("Whether an Azure Firewall of the estate uses it.")
    public Boolean usedByAzureFirewall;

    public static Pred<PublicIpAddress> compile(PublicIpAddressWhere w, String path, Scope scope) {
        return w == null ? Pred.always() : Pred.all(w.parts(path, scope));
    }

    List<Pred<PublicIpAddress>> parts(String path, Scope scope) {
        List<Pred<PublicIpAddress>> out = Pred.parts();
        Scalars.logic(out, AND, OR, NOT, path, (w, p) -> compile(w, p, scope));
        Scalars.string(out, id, path + ".id", t -> t.id().value());
        Scalars.string(out, name, path + ".name", PublicIpAddress::name);
        Scalars.choice(out, location, path + ".location", PublicIpAddress::location);
        Scalars.optionalAddresses(out, ipAddress, path + ".ipAddress", scope, p -> Scalars.host(p.ipAddress()));
        NetworkInterfaceListWhere.apply(out, networkInterfaces, path + ".networkInterfaces", scope, p -> scope.links()
                .nicsByPublicIp
                .get(p.id()));
        if (natGateway != null) {
            NatGatewayWhere n = natGateway;
            out.add(Relations.anyOf(n.exists, n.parts(path + ".natGateway", scope), p -> scope.links()
                    .natsByPublicIp
                    .get(p.id())));
        }
        Scalars.bool(
                out,
                usedByAzureFirewall,
                p -> Tri.of(!scope.links().firewallsByPublicIp.get(p.id()).isEmpty()));
        return out;
    }
}
