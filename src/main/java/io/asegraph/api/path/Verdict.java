package io.asegraph.api.path;

import org.eclipse.microprofile.graphql.Enum;

@Enum("Verdict")
public enum Verdict {
    ALLOWED,
    DENIED,
    PARTIAL,
    UNDETERMINED,
    UNREACHABLE
}
