package io.asegraph.api.path;

import org.eclipse.microprofile.graphql.Enum;

@Enum("Direction")
public enum Direction {
    INBOUND,
    OUTBOUND
}
