package io.asegraph.api.audit;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("One health check of an ASE.")
public record HealthCheckResult(
        @Description("The resource name (Azure's `name`).") @NonNull String name,
        @NonNull @Description("PASS, WARN or FAIL") CheckStatus status,
        @NonNull @Description("What the ASE needs") String requirement,
        @Description("What was checked and, when it fails, what blocks it (rule, route).") @NonNull String detail,
        @NonNull @Description("The rules or routes that decided") List<@NonNull String> decidedBy) {}
