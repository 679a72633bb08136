package io.asegraph.api.read;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("PeeringState")
@Description("A VNet peering's state (Azure's `peeringState`: Initiated, Connected, Disconnected).")
public enum PeeringState {
    @Description("Created on one side only (Azure: Initiated); no traffic flows yet.")
    INITIATED,
    @Description("Created on both sides (Azure: Connected); traffic flows.")
    CONNECTED,
    @Description("The other side was deleted (Azure: Disconnected); no traffic flows.")
    DISCONNECTED
}
