package io.asegraph.api.audit;

import org.eclipse.microprofile.graphql.Enum;

@Enum("CheckStatus")
public enum CheckStatus {
    PASS,
    WARN,
    FAIL
}
