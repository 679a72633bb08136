package io.asegraph.api.path;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("Access")
@Description("Whether a rule lets traffic through (Azure's `access`: Allow or Deny).")
public enum Access {
    @Description("The rule allows the traffic it matches (Azure: Allow).")
    ALLOW,
    @Description("The rule denies the traffic it matches (Azure: Deny).")
    DENY
}
