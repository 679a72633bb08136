package io.asegraph.api.read.filter;

import io.asegraph.api.read.StringFilter;
import io.asegraph.policy.NetworkSecurityGroup;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("NetworkSecurityGroupWhere")
@Description("Filters on NSGs: every given condition must hold; AND, OR and NOT combine filters.")
public class NetworkSecurityGroupWhere {
    @Description("Every filter in this list must hold.")
    public List<NetworkSecurityGroupWhere> AND;

    @Description("At least one filter in this list must hold.")
    public List<NetworkSecurityGroupWhere> OR;

    @Description("This filter must not hold.")
    public NetworkSecurityGroupWhere NOT;

    @Description("Only inside a relationship filter: whether the related NSG exists.")
    public Boolean exists;

    @Description("The Azure resource id (case-insensitive).")
    public StringFilter id;

    @Description("The NSG name (case-insensitive).")
    public StringFilter name;

    @Description("The Azure region (eq or in).")
    public StringFilter location;

    @Description("Subnets it is associated with ({none: {}}: none).")
    public SubnetListWhere appliedToSubnets;

    @Description("Network interfaces it is associated with ({none: {}}: none).")
    public NetworkInterfaceListWhere appliedToNetworkInterfaces;

    @Description("Its user rules (default rules excluded).")
    public SecurityRuleListWhere securityRules;

    public static Pred<NetworkSecurityGroup> compile(NetworkSecurityGroupWhere w, String path, Scope scope) {
        return w == null ? Pred.always() : Pred.all(w.parts(path, scope));
    }

    List<Pred<NetworkSecurityGroup>> parts(String path, Scope scope) {
        List<Pred<NetworkSecurityGroup>> out = Pred.parts();
        Scalars.logic(out, AND, OR, NOT, path, (w, p) -> compile(w, p, scope));
        Scalars.string(out, id, path + ".id", n -> n.id().value());
        Scalars.string(out, name, path + ".name", NetworkSecurityGroup::name);
        Scalars.choice(out, location, path + ".location", NetworkSecurityGroup::location);
        SubnetListWhere.apply(out, appliedToSubnets, path + ".appliedToSubnets", scope, n -> scope.subnetsOf(n.id()));
        NetworkInterfaceListWhere.apply(
                out,
                appliedToNetworkInterfaces,
                path + ".appliedToNetworkInterfaces",
                scope,
                n -> scope.nicsOf(n.id()));
        SecurityRuleListWhere.apply(out, securityRules, path + ".securityRules", scope, n -> scope.rulesOf(n.id()));
        return out;
    }
}
