package io.asegraph.api.audit;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("CheckStatus")
@Description("The result of a health check.")
public enum CheckStatus {
    @Description("The requirement is met.")
    PASS,
    @Description("The requirement may not be met, or cannot be decided (named in the detail).")
    WARN,
    @Description("The requirement is not met: the ASE cannot work as Microsoft documents it.")
    FAIL
}
