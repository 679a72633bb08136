package io.asegraph.api.read;

import java.util.Map;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

@Description("One direction of a virtual network peering.")
public record Peering(
        @Description("The Azure resource id (compared case-insensitively).") @NonNull String id,
        @Description("The resource name (Azure's `name`).") @NonNull String name,
        @NonNull
                @Description(
                        "INITIATED, CONNECTED or DISCONNECTED (Azure's `peeringState`: Initiated, Connected, Disconnected)")
                PeeringState state,
        @Description("Whether the remote VNet may use this VNet's gateway (Azure's `allowGatewayTransit`).") @NonNull
                Boolean allowGatewayTransit,
        @Description("Whether this VNet uses the remote VNet's gateway (Azure's `useRemoteGateways`).") @NonNull
                Boolean useRemoteGateways,
        @Description(
                        "Whether traffic forwarded by an appliance in the remote VNet is accepted (Azure's `allowForwardedTraffic`).")
                @NonNull
                Boolean allowForwardedTraffic,
        @NonNull @Description("The local virtual network's id") String localVirtualNetwork,
        @NonNull @Description("The remote virtual network's id") String remoteVirtualNetwork,
        @Ignore String key)
        implements Resource {
    static Peering from(Map<String, Object> r) {
        return new Peering(
                Row.str(r, "id"),
                Row.str(r, "name"),
                AzureSpelling.parse(PeeringState.class, Row.str(r, "state", "Connected")),
                Row.bool(r, "allowGatewayTransit"),
                Row.bool(r, "useRemoteGateways"),
                Row.bool(r, "allowForwardedTraffic"),
                Row.str(r, "local"),
                Row.str(r, "remote"),
                Row.key(r));
    }
}
