package io.asegraph.api.audit;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("One requirement of an ASE, checked against its NSGs, routes and subnet.")
public record HealthCheck(
        @NonNull @Description("A stable identifier, e.g. inbound-management, outbound-storage, outbound-route, subnet-exclusive.") String name,
        @NonNull CheckStatus status,
        @NonNull @Description("What Azure requires, in one sentence.") String requirement,
        @NonNull @Description("What the model found, in one sentence a network engineer can act on.") String detail,
        @NonNull @Description("The rules (NSG-NAME securityRules/NAME) or routes that decided, in evaluation order.") List<@NonNull String> decidedBy) {
}
