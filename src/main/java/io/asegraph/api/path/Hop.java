package io.asegraph.api.path;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A place the call passes, with what happened there.")
public record Hop(
        @NonNull @Description("The resource id, or an address for places outside the model (e.g. the Internet).")
                String node,
        @NonNull String kind,
        @NonNull List<@NonNull Step> steps) {}
