package io.asegraph.api.change;

import io.asegraph.api.security.CodedRefusals;
import io.asegraph.api.security.Roles;
import io.smallrye.graphql.api.Subscription;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;

/**
 * {@code estateChanged}: each committed write as it happens, over WebSocket at {@code /graphql} (protocols
 * {@code graphql-transport-ws} and {@code graphql-ws}). The upgrade request is authenticated like any request (basic
 * auth or a bearer token in its {@code Authorization} header); an anonymous one is refused with 401 before any message.
 */
@GraphQLApi
@RolesAllowed({Roles.READER, Roles.WRITER})
@CodedRefusals
public class ChangeSubscriptions {
    private final ChangeFeed feed;

    public ChangeSubscriptions(ChangeFeed feed) {
        this.feed = feed;
    }

    @Subscription("estateChanged")
    @Description(
            "Each write committed from now on, as `changes` lists it: who, what, when, the store version it produced"
                    + " and its counts (created, updated, unchanged, removed). Dashboards refresh on it instead of polling.")
    public Multi<@NonNull Change> estateChanged() {
        return feed.changes();
    }
}
