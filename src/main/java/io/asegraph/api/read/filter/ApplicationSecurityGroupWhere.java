package io.asegraph.api.read.filter;

import io.asegraph.api.read.StringFilter;
import io.asegraph.policy.ApplicationSecurityGroup;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("ApplicationSecurityGroupWhere")
@Description("Filters on application security groups: every given condition must hold; AND, OR and NOT combine"
        + " filters.")
public class ApplicationSecurityGroupWhere {
    @Description("Every filter in this list must hold.")
    public List<ApplicationSecurityGroupWhere> AND;

    @Description("At least one filter in this list must hold.")
    public List<ApplicationSecurityGroupWhere> OR;

    @Description("This filter must not hold.")
    public ApplicationSecurityGroupWhere NOT;

    @Description("The Azure resource id (case-insensitive).")
    public StringFilter id;

    @Description("The ASG name (case-insensitive).")
    public StringFilter name;

    @Description("The Azure region (eq or in).")
    public StringFilter location;

    @Description("Its member network interfaces ({none: {}}: no member).")
    public NetworkInterfaceListWhere networkInterfaces;

    public static Pred<ApplicationSecurityGroup> compile(ApplicationSecurityGroupWhere w, String path, Scope scope) {
        return w == null ? Pred.always() : Pred.all(w.parts(path, scope));
    }

    List<Pred<ApplicationSecurityGroup>> parts(String path, Scope scope) {
        List<Pred<ApplicationSecurityGroup>> out = Pred.parts();
        Scalars.logic(out, AND, OR, NOT, path, (w, p) -> compile(w, p, scope));
        Scalars.string(out, id, path + ".id", a -> a.id().value());
        Scalars.string(out, name, path + ".name", ApplicationSecurityGroup::name);
        Scalars.choice(out, location, path + ".location", ApplicationSecurityGroup::location);
        NetworkInterfaceListWhere.apply(out, networkInterfaces, path + ".networkInterfaces", scope, a -> scope.links()
                .nicsByAsg
                .get(a.id()));
        return out;
    }
}
