package io.asegraph.api.history;

import io.asegraph.api.ApiConfig;
import io.asegraph.api.InvalidArgumentException;
import io.asegraph.api.change.ChangeQueries;
import io.asegraph.api.security.CodedRefusals;
import io.asegraph.api.security.Roles;
import io.asegraph.graph.ChangeLog;
import io.asegraph.graph.EstateHistory;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** What changed: the versions of the estate ({@code estateVersions}) and the diff between two ({@code estateDiff}). */
@GraphQLApi
@RolesAllowed({Roles.READER, Roles.WRITER})
@CodedRefusals
public class HistoryQueries {
    private final ChangeLog log;
    private final EstateHistory history;
    private final ApiConfig config;

    public HistoryQueries(ChangeLog log, EstateHistory history, ApiConfig config) {
        this.log = log;
        this.history = history;
        this.config = config;
    }

    @Query("estateVersions")
    @Description("The versions of the estate, newest first: each committed write with who, when, what and its counts,"
            + " and whether estateDiff can start from it (resource states are kept for the newest"
            + " asegraph.history.keep-versions versions or asegraph.history.keep-days days, whichever is more).")
    public @NonNull List<@NonNull EstateVersion> estateVersions(
            @DefaultValue("50") @Description("At most this many (1 to asegraph.api.max-page-size)") Integer limit,
            @Description("Only versions below this one (to page back)") Integer before) {
        ChangeQueries.checkLimit(limit, config);
        long from = history.range().from();
        return log.before(limit, Optional.ofNullable(before).map(Integer::longValue)).stream()
                .map(c -> EstateVersion.of(c, from))
                .toList();
    }

    @Query("estateDiff")
    @Description("The resources changed between two versions of the estate, field by field: each resource's state at"
            + " `from` against its state at `to`. `from` must be in the retained history (see estateVersions), `to`"
            + " defaults to the current version.")
    public @NonNull EstateDiff estateDiff(
            @NonNull @Description("The earlier version") Integer from,
            @Description("The later version; the current one when omitted") Integer to) {
        EstateHistory.Range range = history.range();
        String retained = "the retained history spans versions " + range.from() + " to " + range.current();
        long end = to == null ? range.current() : to;
        if (end > range.current()) {
            throw new InvalidArgumentException(
                    "to " + end + " is beyond the current version " + range.current() + "; " + retained);
        }
        if (from > end) {
            throw new InvalidArgumentException("from " + from + " is after to " + end + "; " + retained);
        }
        if (from < range.from()) {
            throw new InvalidArgumentException(
                    "from " + from + " is older than the retained history (asegraph.history.keep-versions,"
                            + " keep-days); " + retained);
        }
        return new EstateDiff((long) from, end, ResourceChangeView.of(history.diff(from, end)));
    }
}
