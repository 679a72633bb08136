package io.asegraph.api.change;

import io.asegraph.graph.ChangeRecord;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** One committed write, as the store recorded it in the write's own transaction. */
@Type("Change")
@Description("One committed write: who made it, when, what it was, the store version it produced and its counts.")
public record Change(
        @NonNull @Description("Who made it: the authenticated user or token subject ('system' for the service's own)")
                String principal,
        @NonNull
                @Description(
                        "What it was: importResources, POST /import, putSecurityRule, removeSecurityRule, putRoute,"
                                + " removeRoute or deleteResource (with its argument)")
                String operation,
        @NonNull @Description("When it was committed, ISO 8601 with offset (the store's clock)") String at,
        @NonNull @Description("The store version it produced (versions count committed writes)") Long version,
        @Description("For imports: SHA-256 of the document as received, hex") String documentSha256,
        @NonNull @Description("Resources created") Long created,
        @NonNull @Description("Resources updated") Long updated,
        @NonNull @Description("Resources stated but unchanged (imports; 0 for edits)") Long unchanged,
        @NonNull @Description("Resources removed") Long removed) {

    /** A change as the store recorded it. */
    static Change of(ChangeRecord c) {
        return new Change(
                c.principal(),
                c.operation(),
                c.at().toString(),
                c.version(),
                c.documentSha256().orElse(null),
                c.created(),
                c.updated(),
                c.unchanged(),
                c.removed());
    }
}
