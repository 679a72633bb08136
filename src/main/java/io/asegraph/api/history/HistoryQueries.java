package io.asegraph.api.history;

import io.asegraph.api.ApiConfig;
import io.asegraph.api.Errors;
import io.asegraph.api.InvalidArgumentException;
import io.asegraph.api.UndeterminedException;
import io.asegraph.api.change.ChangeQueries;
import io.asegraph.api.security.CodedRefusals;
import io.asegraph.api.security.Roles;
import io.asegraph.api.whatif.FlowChangeResult;
import io.asegraph.api.whatif.FlowQuestion;
import io.asegraph.api.whatif.WhatIfQueries;
import io.asegraph.graph.ChangeLog;
import io.asegraph.graph.EstateHistory;
import io.asegraph.graph.PastEstates;
import io.asegraph.service.WhatIfs;
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
    private final WhatIfs whatIfs;

    public HistoryQueries(ChangeLog log, EstateHistory history, ApiConfig config, WhatIfs whatIfs) {
        this.log = log;
        this.history = history;
        this.config = config;
        this.whatIfs = whatIfs;
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
            + " defaults to the current version. With `flows`, also each flow's verdict at `from` and at `to`:"
            + " versions other than the current one are rebuilt in memory from the current snapshot and the recorded"
            + " states, and both are asked by the same path engine; a version that cannot be rebuilt exactly (a"
            + " Service Tag changed in between, a state that does not come back, a placeholder involved) fails with"
            + " UNDETERMINED naming the cause.")
    public @NonNull EstateDiff estateDiff(
            @NonNull @Description("The earlier version") Integer from,
            @Description("The later version; the current one when omitted") Integer to,
            @Description("Flows to ask at both versions (a null item is INVALID_ARGUMENT)") List<FlowQuestion> flows) {
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
        List<WhatIfs.Question> questions = WhatIfQueries.questions(flows);
        List<FlowChangeResult> changes = questions.isEmpty()
                ? List.of()
                : Errors.guard(() -> {
                    try {
                        return WhatIfQueries.results(flows, whatIfs.between(from, end, questions));
                    } catch (PastEstates.NotRebuilt e) {
                        throw new UndeterminedException(e.getMessage());
                    }
                });
        return new EstateDiff((long) from, end, ResourceChangeView.of(history.diff(from, end)), changes);
    }
}
