package io.asegraph.api.read;

import io.asegraph.api.security.CodedRefusals;
import io.asegraph.api.security.Roles;
import io.asegraph.graph.GraphReader;
import io.asegraph.graph.Relation;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

/**
 * Relationship fields of {@code NetworkSecurityGroup}: its rules (user, default, all in evaluation order) and what it
 * is applied to. The default rules are constant and need no query. Every field is batched: SmallRye hands the whole
 * level's parents to one method, which runs one query for all of them ({@code UNWIND $keys}), never one per row.
 */
@GraphQLApi
@RolesAllowed({Roles.READER, Roles.WRITER})
@CodedRefusals
public class NetworkSecurityGroupFields {
    private final RelatedRows related;

    /** A rule row of the NSG with the given key (a constant: the mapped rules are kept per store version). */
    private static final BiFunction<Map<String, Object>, String, SecurityRule> RULE = SecurityRule::from;

    public NetworkSecurityGroupFields(GraphReader reader) {
        this.related = new RelatedRows(reader);
    }

    @Description(
            "User rules, by direction then priority (the six default rules are in defaultSecurityRules and rules).")
    public List<@NonNull List<@NonNull SecurityRule>> securityRules(@Source List<NetworkSecurityGroup> n) {
        return related.manyKept(n, NetworkSecurityGroup::key, Relation.NSG_RULES, RULE);
    }

    @Description("The six default rules every NSG has (AllowVnetInBound 65000 ... DenyAllOutBound 65500).")
    public List<@NonNull List<@NonNull SecurityRule>> defaultSecurityRules(@Source List<NetworkSecurityGroup> n) {
        return n.stream().map(x -> SecurityRule.defaults(x.key())).toList();
    }

    @Description("Every rule in evaluation order: inbound rules by priority, default rules included, then outbound.")
    public List<@NonNull List<@NonNull SecurityRule>> rules(@Source List<NetworkSecurityGroup> n) {
        List<List<SecurityRule>> user = securityRules(n);
        List<List<SecurityRule>> out = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            List<SecurityRule> all = new ArrayList<>(user.get(i));
            all.addAll(SecurityRule.defaults(n.get(i).key()));
            all.sort(Comparator.comparing((SecurityRule r) -> r.direction().ordinal())
                    .thenComparing(SecurityRule::priority));
            out.add(all);
        }
        return out;
    }

    @Description("Subnets the NSG is associated with.")
    public List<@NonNull List<@NonNull Subnet>> appliedToSubnets(@Source List<NetworkSecurityGroup> n) {
        return related.many(n, NetworkSecurityGroup::key, Relation.NSG_SUBNETS, Subnet::from);
    }

    @Description("Network interfaces the NSG is associated with.")
    public List<@NonNull List<@NonNull NetworkInterface>> appliedToNetworkInterfaces(
            @Source List<NetworkSecurityGroup> n) {
        return related.many(n, NetworkSecurityGroup::key, Relation.NSG_NICS, NetworkInterface::from);
    }
}
