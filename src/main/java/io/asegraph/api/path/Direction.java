package io.asegraph.api.path;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("Direction")
@Description("Which traffic an NSG rule applies to (Azure's `direction`).")
public enum Direction {
    @Description("Traffic arriving at the subnet or network interface (Azure: Inbound).")
    INBOUND,
    @Description("Traffic leaving the subnet or network interface (Azure: Outbound).")
    OUTBOUND;

    /** The API's value of the model's direction. */
    public static Direction of(io.asegraph.policy.Direction d) {
        return valueOf(d.name());
    }

    /** The API's value of Azure's spelling as the store keeps it (Inbound, Outbound; any case). */
    public static Direction fromAzure(String text) {
        return of(io.asegraph.policy.Direction.parse(text));
    }
}
