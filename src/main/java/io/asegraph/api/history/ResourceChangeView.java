package io.asegraph.api.history;

import io.asegraph.api.path.ResourceType;
import io.asegraph.history.ResourceChange;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** One resource that differs between two states, as the API answers it. */
@Type("ResourceChange")
@Description("One resource that differs between two states (a dry run against the store, two versions): its id, name,"
        + " type, how it changed and what changed in it, field by field.")
public record ResourceChangeView(
        @NonNull @Description("The resource's id (a service tag's name for service tags)") String id,
        @NonNull @Description("The resource's name") String name,
        @Description("The resource's type") ResourceType type,
        @NonNull @Description("CREATED, UPDATED or REMOVED") ResourceChangeKind change,
        @NonNull
                @Description("What changed, one human-readable line per field or child (\"rule deny-all priority 4000"
                        + " → 4010\", \"route default-to-fw nextHopIpAddress 10.50.1.4 → 10.50.1.5\",\"rule"
                        + " allow-sql removed\"); for a created resource what it holds; none for a removed one")
                List<@NonNull String> details) {

    /** The API's form of a change the differ found. */
    public static ResourceChangeView of(ResourceChange c) {
        return new ResourceChangeView(
                c.id(), c.name(), ResourceType.of(c.kind()), ResourceChangeKind.of(c.change()), c.details());
    }

    /** The API's form of each. */
    public static List<ResourceChangeView> of(List<ResourceChange> changes) {
        return changes.stream().map(ResourceChangeView::of).toList();
    }
}
