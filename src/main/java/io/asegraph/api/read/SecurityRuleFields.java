package io.asegraph.api.read;

import io.asegraph.api.read.filter.Scope;
import io.asegraph.api.read.filter.Tri;
import io.asegraph.api.security.CodedRefusals;
import io.asegraph.api.security.Roles;
import io.asegraph.graph.GraphReader;
import io.asegraph.graph.Relation;
import io.asegraph.policy.Direction;
import io.asegraph.topology.ResourceId;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

/**
 * Fields of {@code SecurityRule} beyond what Azure stores: its NSG and where that is applied (batched, one query per
 * level), and its status in the shadow analysis (from the estate snapshot).
 */
@GraphQLApi
@RolesAllowed({Roles.READER, Roles.WRITER})
@CodedRefusals
public class SecurityRuleFields {
    private final RelatedRows related;
    private final Scopes scopes;

    public SecurityRuleFields(GraphReader reader, Scopes scopes) {
        this.related = new RelatedRows(reader);
        this.scopes = scopes;
    }

    @Description("The NSG the rule belongs to.")
    public List<NetworkSecurityGroup> networkSecurityGroup(@Source List<SecurityRule> rules) {
        Scope s = scopes.current();
        return rules.stream()
                .map(r -> s.estate()
                        .policies()
                        .nsg(ResourceId.of(r.nsgKey()))
                        .map(NetworkSecurityGroup::of)
                        .orElse(null))
                .toList();
    }

    @Description("Subnets the rule's NSG is associated with.")
    public List<@NonNull List<@NonNull Subnet>> appliedToSubnets(@Source List<SecurityRule> rules) {
        return related.many(rules, SecurityRule::nsgKey, Relation.NSG_SUBNETS, Subnet::from);
    }

    @Description("Network interfaces the rule's NSG is associated with.")
    public List<@NonNull List<@NonNull NetworkInterface>> appliedToNetworkInterfaces(@Source List<SecurityRule> rules) {
        return related.many(rules, SecurityRule::nsgKey, Relation.NSG_NICS, NetworkInterface::from);
    }

    @Description("Whether the shadow analysis (shadowedRules) finds the rule DEAD or REDUNDANT, i.e. no packet can"
            + " reach it (true), finds nothing (false), or cannot decide because a service tag or ASG is unresolved"
            + " (null; shadowedRules names the cause).")
    public List<Boolean> shadowed(@Source List<SecurityRule> rules) {
        Scope s = scopes.current();
        return rules.stream()
                .map(r -> {
                    Tri t = s.shadow(
                                    r.nsgKey(),
                                    Direction.valueOf(r.direction().name()),
                                    r.qualifiedName(),
                                    r.isDefault())
                            .shadowed();
                    return t == Tri.UNKNOWN ? null : t == Tri.TRUE;
                })
                .toList();
    }
}
