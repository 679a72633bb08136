package io.asegraph.api.path;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("Which address a call appears from at its destination.")
public record CallSource(
        @Description("Which kind of address the destination sees.") @NonNull SourceKind kind,
        @Description(
                        "The one address the destination sees, when there is one (a VIP, a NAT gateway address, a NIC address).")
                String address,
        @Description("What the destination must allow, as CIDR: the VIP as a /32, or the whole source subnet.")
                String addressRange,
        @NonNull @Description("Why, in one sentence a network engineer can act on.") String reason,
        @Description("The walk that decided it, hop by hop.") @NonNull List<@NonNull Hop> trace,
        @NonNull
                @Description("Every address or range the destination may see, as CIDR blocks (a firewall's several"
                        + " public IPs, a range).")
                List<@NonNull String> addresses) {}
