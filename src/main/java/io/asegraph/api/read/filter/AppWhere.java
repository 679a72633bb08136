package io.asegraph.api.read.filter;

import io.asegraph.api.read.StringFilter;
import io.asegraph.topology.App;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("AppWhere")
@Description("Filters on apps: every given condition must hold; AND, OR and NOT combine filters.")
public class AppWhere {
    @Description("Every filter in this list must hold.")
    public List<AppWhere> AND;

    @Description("At least one filter in this list must hold.")
    public List<AppWhere> OR;

    @Description("This filter must not hold.")
    public AppWhere NOT;

    @Description("Only inside a relationship filter: whether the related app exists.")
    public Boolean exists;

    @Description("The Azure resource id (case-insensitive).")
    public StringFilter id;

    @Description("The app name (case-insensitive).")
    public StringFilter name;

    @Description("The Azure region (eq or in).")
    public StringFilter location;

    @Description("Its default host name (case-insensitive).")
    public StringFilter defaultHostName;

    @Description("The App Service Environment hosting it.")
    public AppServiceEnvironmentWhere environment;

    public static Pred<App> compile(AppWhere w, String path, Scope scope) {
        return w == null ? Pred.always() : Pred.all(w.parts(path, scope));
    }

    List<Pred<App>> parts(String path, Scope scope) {
        List<Pred<App>> out = Pred.parts();
        Scalars.logic(out, AND, OR, NOT, path, (w, p) -> compile(w, p, scope));
        Scalars.string(out, id, path + ".id", a -> a.id().value());
        Scalars.string(out, name, path + ".name", App::name);
        Scalars.choice(out, location, path + ".location", App::location);
        Scalars.string(out, defaultHostName, path + ".defaultHostName", App::defaultHostName);
        if (environment != null) {
            AppServiceEnvironmentWhere e = environment;
            out.add(Relations.one(e.exists, e.parts(path + ".environment", scope), a -> scope.environment(a.aseId())));
        }
        return out;
    }
}
