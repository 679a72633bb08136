package io.asegraph.api.read;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A rule a filter could not decide, and why.")
public record UndeterminedRule(@NonNull SecurityRule rule, @NonNull List<@NonNull String> causes) {}
