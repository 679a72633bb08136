package io.asegraph.api.path;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("AseKind")
@Description("An App Service Environment's generation (Azure's `kind`: ASEV1, ASEV2, ASEV3), which decides its network"
        + " requirements and outbound addresses.")
public enum AseKind {
    @Description("App Service Environment v1 (Azure: ASEV1, also the kind of an ASE whose kind is not stated).")
    ASEV1,
    @Description("App Service Environment v2 (Azure: ASEV2).")
    ASEV2,
    @Description("App Service Environment v3 (Azure: ASEV3).")
    ASEV3,
    @Description("Not known: the ASE is held back (its subnet was never imported); the placement check names why."
            + " Only environment health rows carry it.")
    UNDETERMINED;

    /** The API's value of the model's kind. */
    public static AseKind of(io.asegraph.topology.AseKind k) {
        return valueOf(k.name());
    }
}
