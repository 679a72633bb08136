package io.asegraph.api.history;

import io.asegraph.graph.ChangeRecord;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** One store version: the committed write that made it ({@code Change}), and whether a diff can start at it. */
@Type("EstateVersion")
@Description("One version of the estate: the committed write that produced it (as `changes` lists it) and whether the"
        + " resource states after it are still kept (estateDiff can start from it).")
public record EstateVersion(
        @NonNull @Description("The store version (versions count committed writes)") Long version,
        @NonNull @Description("When it was committed, ISO 8601 with offset (the store's clock)") String at,
        @NonNull @Description("Who made it: the authenticated user or token subject") String principal,
        @NonNull @Description("What it was: importResources, POST /import, putSecurityRule, … (as in `changes`)")
                String operation,
        @Description("For imports: SHA-256 of the document as received, hex") String documentSha256,
        @NonNull @Description("Resources created") Long created,
        @NonNull @Description("Resources updated") Long updated,
        @NonNull @Description("Resources stated but unchanged (imports; 0 for edits)") Long unchanged,
        @NonNull @Description("Resources removed") Long removed,
        @NonNull
                @Description("True when estateDiff can start from this version: the resource states recorded after it"
                        + " are kept (asegraph.history.keep-versions / keep-days)")
                Boolean diffable) {

    static EstateVersion of(ChangeRecord c, long historyFrom) {
        return new EstateVersion(
                c.version(),
                c.at().toString(),
                c.principal(),
                c.operation(),
                c.documentSha256().orElse(null),
                c.created(),
                c.updated(),
                c.unchanged(),
                c.removed(),
                c.version() >= historyFrom);
    }
}
