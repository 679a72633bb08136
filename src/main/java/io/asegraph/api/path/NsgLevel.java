package io.asegraph.api.path;

import org.eclipse.microprofile.graphql.Enum;

@Enum("NsgLevel")
public enum NsgLevel {
    SUBNET,
    NETWORK_INTERFACE
}
