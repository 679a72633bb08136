package io.asegraph.api.unresolved;

import io.asegraph.api.security.CodedRefusals;
import io.asegraph.api.security.Roles;
import io.asegraph.estate.Unresolved;
import io.asegraph.graph.EstateCache;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** What partial exports left out ({@code unresolvedReferences}), for auditors. */
@GraphQLApi
@RolesAllowed({Roles.READER, Roles.WRITER})
@CodedRefusals
public class UnresolvedQueries {
    private final EstateCache estates;

    public UnresolvedQueries(EstateCache estates) {
        this.estates = estates;
    }

    @Query("unresolvedReferences")
    @Description("Resources that imported resources reference but that were never imported (placeholders made by"
            + " asegraph.import.unresolved-references=placeholder), by id, each with the resources that reference it"
            + " and how to import it. Empty when every reference is resolved.")
    public @NonNull List<@NonNull UnresolvedReference> unresolvedReferences() {
        return estates.current().unresolved().placeholders().stream()
                .map(UnresolvedQueries::map)
                .toList();
    }

    private static UnresolvedReference map(Unresolved.Placeholder p) {
        return new UnresolvedReference(
                p.id().value(),
                p.kind().armType(),
                p.name(),
                p.howToImport(),
                p.referencedBy().stream()
                        .map(r -> new UnresolvedReference.Referrer(
                                r.id().value(), r.name(), r.kind().armType(), r.field(), r.heldBack()))
                        .toList(),
                p.hosted().stream()
                        .map(h -> new UnresolvedReference.Referrer(
                                h.id().value(), h.name(), h.kind().armType(), "hostingEnvironmentProfile", true))
                        .toList());
    }
}
