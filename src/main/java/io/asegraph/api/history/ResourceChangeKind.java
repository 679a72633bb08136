package io.asegraph.api.history;

import io.asegraph.history.ChangeKind;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("ResourceChangeKind")
@Description("How a resource changed between two states.")
public enum ResourceChangeKind {
    @Description("It did not exist before and does after.")
    CREATED,
    @Description("It exists in both and differs; `details` says in what.")
    UPDATED,
    @Description("It existed before and does not after.")
    REMOVED;

    static ResourceChangeKind of(ChangeKind k) {
        return valueOf(k.name());
    }
}
