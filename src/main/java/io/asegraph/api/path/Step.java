package io.asegraph.api.path;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("One step at a hop of a walk.")
public record Step(
        @NonNull @Description("ROUTE, SOURCE_NAT, FILTER, DELIVER or DROP.") String type,
        @Description("What was decided at this step and why, in a sentence.") @NonNull String detail) {}
