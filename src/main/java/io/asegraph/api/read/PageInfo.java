package io.asegraph.api.read;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** Relay page info; cursors are opaque. */
@Description("Relay page information; cursors are opaque.")
public record PageInfo(
        @Description("Whether rows follow this page.") @NonNull Boolean hasNextPage,
        @Description("Whether rows precede this page.") @NonNull Boolean hasPreviousPage,
        @Description("The cursor of the first row of this page; null when the page is empty.") String startCursor,
        @Description(
                        "The cursor of the last row of this page (pass it as `after` for the next page); null when the page is empty.")
                String endCursor) {}
