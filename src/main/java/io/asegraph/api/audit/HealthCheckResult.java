package io.asegraph.api.audit;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("One health check of an ASE.")
public record HealthCheckResult(
        @NonNull String name,
        @NonNull @Description("PASS, WARN or FAIL") CheckStatus status,
        @NonNull @Description("What the ASE needs") String requirement,
        @NonNull String detail,
        @NonNull @Description("The rules or routes that decided") List<@NonNull String> decidedBy) {}
