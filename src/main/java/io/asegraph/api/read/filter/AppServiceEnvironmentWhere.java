package io.asegraph.api.read.filter;

import io.asegraph.analysis.audit.EnvironmentHealth;
import io.asegraph.api.read.StringFilter;
import io.asegraph.topology.AppServiceEnvironment;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("AppServiceEnvironmentWhere")
@Description(
        "Filters on App Service Environments: every given condition must hold; AND, OR and NOT combine" + " filters.")
public class AppServiceEnvironmentWhere {
    @Description("Every filter in this list must hold.")
    public List<AppServiceEnvironmentWhere> AND;

    @Description("At least one filter in this list must hold.")
    public List<AppServiceEnvironmentWhere> OR;

    @Description("This filter must not hold.")
    public AppServiceEnvironmentWhere NOT;

    @Description("Only inside a relationship filter: whether the related environment exists.")
    public Boolean exists;

    @Description("The Azure resource id (case-insensitive).")
    public StringFilter id;

    @Description("The ASE name (case-insensitive).")
    public StringFilter name;

    @Description("The Azure region (eq or in).")
    public StringFilter location;

    @Description("ASEV1, ASEV2 or ASEV3 (eq or in, case-insensitive).")
    public StringFilter kind;

    @Description("None, Web, Publishing or Web, Publishing (case-insensitive).")
    public StringFilter internalLoadBalancingMode;

    @Description("Its public virtual IP (an ASE without one passes no address condition).")
    public AddressFilter publicVip;

    @Description("Its subnet.")
    public SubnetWhere subnet;

    @Description("Whether environmentHealth finds every check PASS (false: some check WARNs or FAILs).")
    public Boolean healthy;

    @Description("environmentHealth's overall status: PASS, WARN or FAIL (eq or in).")
    public StringFilter status;

    public static Pred<AppServiceEnvironment> compile(AppServiceEnvironmentWhere w, String path, Scope scope) {
        return w == null ? Pred.always() : Pred.all(w.parts(path, scope));
    }

    List<Pred<AppServiceEnvironment>> parts(String path, Scope scope) {
        List<Pred<AppServiceEnvironment>> out = Pred.parts();
        Scalars.logic(out, AND, OR, NOT, path, (w, p) -> compile(w, p, scope));
        Scalars.string(out, id, path + ".id", e -> e.id().value());
        Scalars.string(out, name, path + ".name", AppServiceEnvironment::name);
        Scalars.choice(out, location, path + ".location", AppServiceEnvironment::location);
        Scalars.choice(out, kind, path + ".kind", e -> e.kind().name());
        Scalars.string(
                out,
                internalLoadBalancingMode,
                path + ".internalLoadBalancingMode",
                AppServiceEnvironment::internalLoadBalancingMode);
        Scalars.optionalAddresses(out, publicVip, path + ".publicVip", scope, e -> Scalars.host(e.publicVip()));
        Scalars.bool(out, healthy, e -> {
            EnvironmentHealth h = scope.health(e.id());
            return h == null ? Tri.UNKNOWN : Tri.of(h.healthy());
        });
        Scalars.choice(out, status, path + ".status", e -> {
            EnvironmentHealth h = scope.health(e.id());
            return h == null ? null : h.status().name();
        });
        if (subnet != null) {
            out.add(Relations.one(
                    subnet.exists, subnet.parts(path + ".subnet", scope), e -> scope.subnet(e.subnetId())));
        }
        return out;
    }
}
