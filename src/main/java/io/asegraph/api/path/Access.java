package io.asegraph.api.path;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("Access")
@Description("Whether a rule lets traffic through (Azure's `access`: Allow or Deny).")
public enum Access {
    @Description("The rule allows the traffic it matches (Azure: Allow).")
    ALLOW,
    @Description("The rule denies the traffic it matches (Azure: Deny).")
    DENY;

    /** The API's value of the model's access. */
    public static Access of(io.asegraph.policy.Access a) {
        return valueOf(a.name());
    }

    /** The API's value of Azure's spelling as the store keeps it (Allow, Deny; any case). */
    public static Access fromAzure(String text) {
        return of(io.asegraph.policy.Access.parse(text));
    }
}
