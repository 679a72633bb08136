package io.asegraph.api.path;

import org.eclipse.microprofile.graphql.Enum;

@Enum("Protocol")
public enum Protocol {
    TCP,
    UDP,
    ICMP,
    ESP,
    AH,
    ANY
}
