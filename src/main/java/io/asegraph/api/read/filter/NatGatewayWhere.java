package io.asegraph.api.read.filter;

import io.asegraph.api.read.StringFilter;
import io.asegraph.topology.NatGateway;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("NatGatewayWhere")
@Description("Filters on NAT gateways: every given condition must hold; AND, OR and NOT combine filters.")
public class NatGatewayWhere {
    @Description("Every filter in this list must hold.")
    public List<NatGatewayWhere> AND;

    @Description("At least one filter in this list must hold.")
    public List<NatGatewayWhere> OR;

    @Description("This filter must not hold.")
    public NatGatewayWhere NOT;

    @Description("Only inside a relationship filter: whether the related NAT gateway exists.")
    public Boolean exists;

    @Description("The Azure resource id (case-insensitive).")
    public StringFilter id;

    @Description("The NAT gateway name (case-insensitive).")
    public StringFilter name;

    @Description("The Azure region (eq or in).")
    public StringFilter location;

    @Description("The public IP addresses it translates to ({none: {}}: none; one referenced but not imported is"
            + " undetermined).")
    public PublicIpAddressListWhere publicIpAddresses;

    @Description("Subnets egressing through it ({none: {}}: none).")
    public SubnetListWhere subnets;

    public static Pred<NatGateway> compile(NatGatewayWhere w, String path, Scope scope) {
        return w == null ? Pred.always() : Pred.all(w.parts(path, scope));
    }

    List<Pred<NatGateway>> parts(String path, Scope scope) {
        List<Pred<NatGateway>> out = Pred.parts();
        Scalars.logic(out, AND, OR, NOT, path, (w, p) -> compile(w, p, scope));
        Scalars.string(out, id, path + ".id", n -> n.id().value());
        Scalars.string(out, name, path + ".name", NatGateway::name);
        Scalars.choice(out, location, path + ".location", NatGateway::location);
        PublicIpAddressListWhere.apply(
                out,
                publicIpAddresses,
                path + ".publicIpAddresses",
                scope,
                n -> Links.referenced(n.publicIpIds(), scope.topology()::publicIp));
        SubnetListWhere.apply(out, subnets, path + ".subnets", scope, n -> scope.links()
                .subnetsByNat
                .get(n.id()));
        return out;
    }
}
