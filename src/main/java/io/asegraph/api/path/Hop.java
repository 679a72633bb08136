package io.asegraph.api.path;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A place the call passes, with what happened there.")
public record Hop(
        @NonNull @Description("The resource id, or an address for places outside the model (e.g. the Internet).")
                String node,
        @Description(
                        "What the hop is: App, AppServiceEnvironment, NetworkInterface, Subnet, NatGateway, VirtualNetworkGateway, VirtualAppliance, AzureFirewall, Endpoint, PrivateEndpoint, PublicIpAddress, Internet, OnPremises or Address.")
                @NonNull
                String kind,
        @Description("What happened at this hop, in order.") @NonNull List<@NonNull Step> steps) {}
