package io.asegraph.api.path;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("Protocol")
@Description("An IP protocol as NSG rules name it (Azure's `protocol`: Tcp, Udp, Icmp, Esp, Ah or *).")
public enum Protocol {
    @Description("TCP (Azure: Tcp).")
    TCP,
    @Description("UDP (Azure: Udp).")
    UDP,
    @Description("ICMP (Azure: Icmp); rules on ICMP have no ports.")
    ICMP,
    @Description("IPsec ESP (Azure: Esp); no ports.")
    ESP,
    @Description("IPsec AH (Azure: Ah); no ports.")
    AH,
    @Description("Any protocol (Azure: *).")
    ANY;

    /** The API's value of the model's protocol. */
    public static Protocol of(io.asegraph.net.Protocol p) {
        return valueOf(p.name());
    }

    /** The API's value of Azure's spelling as the store keeps it (Tcp, Udp, Icmp, Esp, Ah, *, Any; any case). */
    public static Protocol fromAzure(String text) {
        return of(io.asegraph.net.Protocol.parse(text));
    }
}
