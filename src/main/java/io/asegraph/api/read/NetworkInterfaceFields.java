package io.asegraph.api.read;

import io.asegraph.api.security.CodedRefusals;
import io.asegraph.api.security.Roles;
import io.asegraph.graph.GraphReader;
import io.asegraph.graph.Relation;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

/**
 * Relationship fields of {@code NetworkInterface}: its subnet, NSG, application security groups and public IPs. Every
 * field is batched: SmallRye hands the whole level's parents to one method, which runs one query for all of them
 * ({@code UNWIND $keys}), never one per row.
 */
@GraphQLApi
@RolesAllowed({Roles.READER, Roles.WRITER})
@CodedRefusals
public class NetworkInterfaceFields {
    private final RelatedRows related;

    public NetworkInterfaceFields(GraphReader reader) {
        this.related = new RelatedRows(reader);
    }

    @Description("The subnet of its IP configuration.")
    public List<Subnet> subnet(@Source List<NetworkInterface> n) {
        return related.one(n, NetworkInterface::key, Relation.NIC_SUBNET, Subnet::from);
    }

    @Description("The NSG associated with the interface, if any.")
    public List<NetworkSecurityGroup> networkSecurityGroup(@Source List<NetworkInterface> n) {
        return related.one(n, NetworkInterface::key, Relation.NIC_NSG, NetworkSecurityGroup::from);
    }

    @Description("Application security groups the interface is a member of.")
    public List<@NonNull List<@NonNull ApplicationSecurityGroup>> applicationSecurityGroups(
            @Source List<NetworkInterface> n) {
        return related.many(n, NetworkInterface::key, Relation.NIC_ASGS, ApplicationSecurityGroup::from);
    }

    @Description("Public IP addresses of the interface.")
    public List<@NonNull List<@NonNull PublicIpAddress>> publicIpAddresses(@Source List<NetworkInterface> n) {
        return related.many(n, NetworkInterface::key, Relation.NIC_PUBLIC_IPS, PublicIpAddress::from);
    }
}
