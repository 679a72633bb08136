package io.asegraph.api.read;

import io.asegraph.api.path.NextHopType;
import java.util.Map;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A user-defined route.")
public record Route(
        @Description("The resource name (Azure's `name`).") @NonNull String name,
        @NonNull @Description("A CIDR block or a service tag") String addressPrefix,
        @NonNull
                @Description("INTERNET, VIRTUAL_APPLIANCE, VIRTUAL_NETWORK_GATEWAY, VNET_LOCAL or NONE (Azure's"
                        + " `nextHopType`: Internet, VirtualAppliance, VirtualNetworkGateway, VnetLocal, None)")
                NextHopType nextHopType,
        @Description("The next hop's address, for VirtualAppliance routes (Azure's `nextHopIpAddress`).")
                String nextHopIpAddress) {
    static Route from(Map<String, Object> r) {
        return new Route(
                Row.str(r, "name"),
                Row.str(r, "addressPrefix"),
                NextHopType.valueOf(io.asegraph.topology.NextHopType.parse(Row.str(r, "nextHopType"))
                        .name()),
                Row.str(r, "nextHopIpAddress"));
    }
}
