package io.asegraph.api.read;

import io.asegraph.api.UnknownReferenceException;
import io.asegraph.api.security.CodedRefusals;
import io.asegraph.api.security.Roles;
import io.asegraph.graph.GraphReader;
import io.asegraph.topology.ResourceId;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** Fetch one resource of any kind by its Azure resource id. */
@GraphQLApi
@RolesAllowed({Roles.READER, Roles.WRITER})
@CodedRefusals
public class ResourceQueries {
    private static final Map<String, Function<Map<String, Object>, Resource>> BY_LABEL = Map.ofEntries(
            Map.entry("VirtualNetwork", VirtualNetwork::from),
            Map.entry("Subnet", Subnet::from),
            Map.entry("AppServiceEnvironment", AppServiceEnvironment::from),
            Map.entry("App", App::from),
            Map.entry("NetworkInterface", NetworkInterface::from),
            Map.entry("Endpoint", Endpoint::from),
            Map.entry("PrivateEndpoint", PrivateEndpoint::from),
            Map.entry("NetworkSecurityGroup", NetworkSecurityGroup::from),
            Map.entry("RouteTable", RouteTable::from),
            Map.entry("VirtualNetworkGateway", VirtualNetworkGateway::from),
            Map.entry("LocalNetworkGateway", LocalNetworkGateway::from),
            Map.entry("NatGateway", NatGateway::from),
            Map.entry("PublicIpAddress", PublicIpAddress::from),
            Map.entry("ApplicationSecurityGroup", ApplicationSecurityGroup::from),
            Map.entry("PEERED_WITH", Peering::from),
            Map.entry("CONNECTS", GatewayConnection::from));

    private final GraphReader reader;

    public ResourceQueries(GraphReader reader) {
        this.reader = reader;
    }

    @Query("resource")
    @Description(
            "Any resource by its Azure resource id (case-insensitive). Fails with UNKNOWN_REFERENCE when no resource has that id.")
    public @NonNull Resource resource(@NonNull @Description("An Azure resource id") String id) {
        String key;
        try {
            key = ResourceId.normalise(id);
        } catch (RuntimeException e) {
            throw new UnknownReferenceException("no resource has the id '" + id + "'");
        }
        Map<String, Object> row = reader.byKey(key)
                .orElseThrow(() -> new UnknownReferenceException("no resource has the id '" + id + "'"));
        Function<Map<String, Object>, Resource> f = BY_LABEL.get(String.valueOf(row.get("label")));
        if (f == null) {
            throw new UnknownReferenceException("'" + id + "' is not a resource the API exposes by id");
        }
        return f.apply(row);
    }
}
