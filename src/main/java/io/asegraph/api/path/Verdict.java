package io.asegraph.api.path;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("Verdict")
@Description(
        "The answer for a whole source range: allowed for all of it, denied for all of it, partly, not decidable, or not deliverable.")
public enum Verdict {
    @Description("Every source address of the range gets through.")
    ALLOWED,
    @Description("No source address of the range gets through.")
    DENIED,
    @Description("Some source addresses get through and some do not; the sub-ranges are listed.")
    PARTIAL,
    @Description(
            "Cannot be decided from the model (an unresolved service tag, a resource not imported, an appliance not modelled); the reason names the cause.")
    UNDETERMINED,
    @Description("The call is not delivered at all (no route, or a destination the source cannot reach).")
    UNREACHABLE
}
