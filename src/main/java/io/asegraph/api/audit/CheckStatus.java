package io.asegraph.api.audit;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("CheckStatus")
@Description("The outcome of a health check.")
public enum CheckStatus {
    @Description("Shown to hold.")
    PASS,
    @Description("Cannot be shown either way: something it depends on is not modelled or not imported (see detail).")
    WARN,
    @Description("Shown to be broken; the detail names the rule or route.")
    FAIL
}
