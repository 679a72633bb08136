package io.asegraph.api.read;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

@Description("An app hosted on an App Service Environment.")
public record App(
        @Description("The Azure resource id (compared case-insensitively).") @NonNull String id,
        @Description("The resource name (Azure's `name`).") @NonNull String name,
        @Description("The Azure region (Azure's `location`, e.g. westeurope).") String location,
        @Description(
                        "The app's default host name (<app>.<ase>.p.azurewebsites.net; ASEv3: <app>.<ase>.appserviceenvironment.net).")
                String defaultHostName,
        @Description("Every host name of the app (default and custom); a reference to the app may use any of them.")
                @NonNull
                List<@NonNull String> hostNames,
        @Ignore String key)
        implements Resource {
    static App from(Map<String, Object> r) {
        return new App(
                Row.str(r, "id"),
                Row.str(r, "name"),
                Row.str(r, "location"),
                Row.str(r, "defaultHostName"),
                Row.list(r, "hostNames"),
                Row.key(r));
    }
}
