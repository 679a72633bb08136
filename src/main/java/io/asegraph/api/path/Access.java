package io.asegraph.api.path;

import org.eclipse.microprofile.graphql.Enum;

@Enum("Access")
public enum Access {
    ALLOW,
    DENY
}
