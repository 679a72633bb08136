package io.asegraph.api.read;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

@Description("An app hosted on an App Service Environment.")
public record App(
        @NonNull String id,
        @NonNull String name,
        String location,
        String defaultHostName,
        @NonNull List<@NonNull String> hostNames,
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
