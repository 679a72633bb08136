package io.asegraph.api.read;

import io.asegraph.api.path.AseKind;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

@Description(
        "An App Service Environment: its public VIP is also its outbound NAT address for calls outside the VNet topology.")
public record AppServiceEnvironment(
        @Description("The Azure resource id (compared case-insensitively).") @NonNull String id,
        @Description("The resource name (Azure's `name`).") @NonNull String name,
        @Description("The Azure region (Azure's `location`, e.g. westeurope).") String location,
        @NonNull @Description("ASEV1, ASEV2 or ASEV3 (Azure's `kind`; ASEV1 when not stated)") AseKind kind,
        @NonNull @Description("None (external), or Web / Publishing / Web, Publishing for an internal (ILB) ASE")
                String internalLoadBalancingMode,
        @Description("The public virtual IP (also the outbound NAT address)") String publicVip,
        @Description(
                        "The public addresses calls to outside the VNet topology leave from (the VIP; ASEv3: the Windows and Linux outbound addresses).")
                @NonNull
                List<@NonNull String> outboundAddresses,
        @Description("The internal load balancer address of an ILB ASE") String internalAddress,
        @NonNull
                @Description("An ASEv3's outbound addresses for Windows apps (windowsOutboundIpAddresses of its"
                        + " networking configuration); empty when not stated")
                List<@NonNull String> windowsOutboundAddresses,
        @NonNull
                @Description("An ASEv3's outbound addresses for Linux apps (linuxOutboundIpAddresses of its"
                        + " networking configuration); empty when not stated")
                List<@NonNull String> linuxOutboundAddresses,
        @Ignore String key)
        implements Resource {
    static AppServiceEnvironment from(Map<String, Object> r) {
        return new AppServiceEnvironment(
                Row.str(r, "id"),
                Row.str(r, "name"),
                Row.str(r, "location"),
                AseKind.of(io.asegraph.topology.AseKind.parse(Row.str(r, "kind"))),
                Row.str(r, "internalLoadBalancingMode", "None"),
                Row.str(r, "publicVip"),
                Row.list(r, "outboundAddresses"),
                Row.str(r, "internalAddress"),
                Row.list(r, "windowsOutboundAddresses"),
                Row.list(r, "linuxOutboundAddresses"),
                Row.key(r));
    }
}
