package io.asegraph.api.read;

import io.asegraph.api.InvalidArgumentException;
import io.asegraph.api.read.filter.RuleRow;
import io.asegraph.api.read.filter.RuleSearch;
import io.asegraph.api.read.filter.Scope;
import io.asegraph.api.read.filter.SecurityRuleWhere;
import io.asegraph.api.read.filter.Tri;
import io.asegraph.api.security.CodedRefusals;
import io.asegraph.api.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/**
 * Every NSG rule of the estate, searchable by what it admits: served from the in-memory estate snapshot, where each
 * rule's addresses and ports are resolved once per store version ({@link Scope#rules}). Ordered by NSG name, then
 * direction (inbound first), then priority.
 */
@GraphQLApi
@RolesAllowed({Roles.READER, Roles.WRITER})
@CodedRefusals
public class SecurityRuleQueries {
    private final Listing listing;
    private final Scopes scopes;

    public SecurityRuleQueries(Listing listing, Scopes scopes) {
        this.listing = listing;
        this.scopes = scopes;
    }

    /** The rows of one request: those the filter holds for, and those it cannot decide. */
    private record Search(List<RuleRow> matched, List<RuleRow> undetermined, Scope scope) {}

    @Query("securityRules")
    @Description("Every user rule of every NSG (the six default rules of each too with includeDefaultRules), filtered"
            + " by what they admit, by NSG name, direction (inbound first), then priority unless sort says otherwise"
            + " (e.g. sort: [{priority: ASC}]); page with limit/offset."
            + " Rules the filter cannot decide are left out; securityRulesConnection lists them under undetermined.")
    public @NonNull List<@NonNull SecurityRule> securityRules(
            @Description(ArgDocs.WHERE) SecurityRuleWhere where,
            @Description(
                            "Also list the six default rules of every NSG (AllowVnetInBound 65000 … DenyAllOutBound 65500); default false.")
                    @DefaultValue("false")
                    Boolean includeDefaultRules,
            @Description(ArgDocs.SORT) List<SecurityRuleSort> sort,
            @Description(ArgDocs.LIMIT) Integer limit,
            @Description(ArgDocs.OFFSET) Integer offset) {
        int size = listing.pageSize(limit, "limit");
        long skip = offset == null ? 0 : offset;
        if (skip < 0) {
            throw new InvalidArgumentException("offset must not be negative (got " + offset + ")");
        }
        Search s = search(where, includeDefaultRules, sort);
        return s.matched().stream()
                .skip(skip)
                .limit(size)
                .map(SecurityRuleQueries::rule)
                .toList();
    }

    @Query("securityRulesConnection")
    @Description("securityRules as a Relay connection: totalCount counts the rules the filter holds for, undetermined"
            + " lists those it cannot decide with the cause; page with first/after.")
    public @NonNull SecurityRulesConnection securityRulesConnection(
            @Description(ArgDocs.WHERE) SecurityRuleWhere where,
            @Description(
                            "Also list the six default rules of every NSG (AllowVnetInBound 65000 … DenyAllOutBound 65500); default false.")
                    @DefaultValue("false")
                    Boolean includeDefaultRules,
            @Description(ArgDocs.SORT) List<SecurityRuleSort> sort,
            @Description(ArgDocs.FIRST) Integer first,
            @Description(ArgDocs.AFTER) String after) {
        int size = listing.pageSize(first, "first");
        long skip = after == null ? 0 : Listing.decode(after) + 1;
        Search s = search(where, includeDefaultRules, sort);
        List<SecurityRule> page = s.matched().stream()
                .skip(skip)
                .limit(size)
                .map(SecurityRuleQueries::rule)
                .toList();
        Connection<SecurityRule> c = Listing.connection(page, skip, s.matched().size());
        List<UndeterminedRule> undetermined = new ArrayList<>();
        for (RuleRow r : s.undetermined()) {
            undetermined.add(new UndeterminedRule(rule(r), causes(r, s.scope())));
        }
        return new SecurityRulesConnection(c.edges(), c.pageInfo(), c.totalCount(), undetermined);
    }

    private Search search(SecurityRuleWhere where, Boolean includeDefaultRules, List<SecurityRuleSort> sort) {
        java.util.Comparator<RuleRow> order = SecurityRuleSort.order(sort);
        Scope scope = scopes.current();
        RuleSearch found = RuleSearch.run(scope, where, Boolean.TRUE.equals(includeDefaultRules));
        if (order == null) {
            return new Search(found.matched(), found.undetermined(), scope);
        }
        return new Search(
                found.matched().stream().sorted(order).toList(),
                found.undetermined().stream().sorted(order).toList(),
                scope);
    }

    private static SecurityRule rule(RuleRow r) {
        return SecurityRule.of(r.rule(), r.nsg().id().key());
    }

    /** What is unresolved about the rule: its address fields' unresolved parts and an undecidable shadow. */
    private static List<String> causes(RuleRow r, Scope scope) {
        Set<String> out = new LinkedHashSet<>();
        r.source().unresolved().forEach(c -> out.add("source: " + c));
        r.destination().unresolved().forEach(c -> out.add("destination: " + c));
        Scope.Shadow shadow = scope.shadow(r);
        if (shadow.shadowed() == Tri.UNKNOWN) {
            shadow.causes().forEach(c -> out.add("shadow analysis: " + c));
        }
        return List.copyOf(out);
    }
}
