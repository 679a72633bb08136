package io.asegraph.api.audit;

import io.asegraph.api.path.SourceKind;
import io.asegraph.api.path.Verdict;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("What a destination must admit for a caller, whether it does, and the rule to add when it does not.")
public record RequiredAccessResult(@NonNull @Description("What the destination must admit: the VIP or NAT address as /32, or the whole subnet CIDR") String sourceRange,
        @NonNull SourceKind sourceKind, @NonNull Boolean satisfied, @NonNull Verdict verdict, @NonNull String reason,
        @NonNull @Description("The rules to add (one per blocking NSG)") List<@NonNull RuleFixResult> fixes,
        @Description("True when the fix was checked by evaluating the flow again with it in place") Boolean verified) {
}
