package io.asegraph.api.read;

import java.util.Map;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A user-defined route.")
public record Route(
        @Description("The resource name (Azure's `name`).") @NonNull String name,
        @NonNull @Description("A CIDR block or a service tag") String addressPrefix,
        @NonNull @Description("Internet, VirtualAppliance, VirtualNetworkGateway, VnetLocal or None")
                String nextHopType,
        @Description("The next hop's address, for VirtualAppliance routes (Azure's `nextHopIpAddress`).")
                String nextHopIpAddress) {
    static Route from(Map<String, Object> r) {
        return new Route(
                Row.str(r, "name"),
                Row.str(r, "addressPrefix"),
                Row.str(r, "nextHopType"),
                Row.str(r, "nextHopIpAddress"));
    }
}
