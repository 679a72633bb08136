package io.asegraph.api.change;

import io.asegraph.api.ApiConfig;
import io.asegraph.api.InvalidArgumentException;
import io.asegraph.api.security.CodedRefusals;
import io.asegraph.api.security.Roles;
import io.asegraph.graph.ChangeLog;
import jakarta.annotation.security.RolesAllowed;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** The record of every committed write ({@code changes}), for auditors. */
@GraphQLApi
@RolesAllowed({Roles.READER, Roles.WRITER})
@CodedRefusals
public class ChangeQueries {
    private final ChangeLog log;
    private final ApiConfig config;

    public ChangeQueries(ChangeLog log, ApiConfig config) {
        this.log = log;
        this.config = config;
    }

    @Query("changes")
    @Description("Committed writes, newest first: who, when, what (with the document's SHA-256 for imports), the store"
            + " version each produced and its counts. Recorded in the same transaction as the write; kept across"
            + " restarts. Dry runs and imports that change nothing write nothing and are not recorded.")
    public @NonNull List<@NonNull Change> changes(
            @DefaultValue("50") @Description("At most this many (1 to asegraph.api.max-page-size)") Integer limit,
            @Description("Only changes committed at or after this instant, ISO 8601 with offset,"
                            + " e.g. 2026-12-02T18:00:00Z")
                    String since) {
        checkLimit(limit, config);
        Optional<OffsetDateTime> from;
        try {
            from = since == null ? Optional.empty() : Optional.of(OffsetDateTime.parse(since));
        } catch (DateTimeParseException e) {
            throw new InvalidArgumentException(
                    "since must be an ISO 8601 instant with offset (e.g. 2026-12-02T18:00:00Z), got '" + since + "'");
        }
        return log.recent(limit, from).stream().map(Change::of).toList();
    }

    /** Refuses a page size outside 1 to {@code asegraph.api.max-page-size}. */
    public static void checkLimit(Integer limit, ApiConfig config) {
        if (limit == null || limit < 1 || limit > config.maxPageSize()) {
            throw new InvalidArgumentException(
                    "limit must be 1 to " + config.maxPageSize() + " (asegraph.api.max-page-size), got " + limit);
        }
    }
}
