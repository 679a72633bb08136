package io.asegraph.api.whatif;

import io.asegraph.api.audit.CheckStatus;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("HealthCheckFlip")
@Description("One health check of one ASE whose status a proposed change flips.")
public record HealthCheckFlip(
        @NonNull @Description("The ASE's id") String environment,
        @NonNull @Description("The ASE's name") String name,
        @NonNull @Description("The check's name, as environmentHealth names it") String check,
        @Description("Its status before the change; null when the ASE or the check does not exist before it")
                CheckStatus before,
        @Description("Its status after the change; null when the ASE or the check does not exist after it")
                CheckStatus after,
        @NonNull @Description("The check's detail after the change (before it, when the ASE is gone)") String detail) {}
