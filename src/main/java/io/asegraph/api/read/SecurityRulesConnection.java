package io.asegraph.api.read;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A page of security rules with the total count of rules the filter holds for, and the rules for which"
        + " it could not be decided.")
public record SecurityRulesConnection(
        @Description("The rules of this page, each with its cursor.") @NonNull List<@NonNull Edge<SecurityRule>> edges,
        @Description("Where this page is in the whole list, and the cursors to page on.") @NonNull PageInfo pageInfo,
        @NonNull @Description("Rules the filter holds for (all pages)") Long totalCount,
        @NonNull
                @Description("Rules the filter could neither admit nor exclude because a part it looks at is"
                        + " unresolved (a service tag not imported, an ASG without known members, VirtualNetwork of"
                        + " an NSG applied nowhere, an undecidable shadow), with the causes; never counted in"
                        + " totalCount")
                List<@NonNull UndeterminedRule> undetermined) {}
