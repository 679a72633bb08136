package io.asegraph.api.unresolved;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** A resource that imports reference but that was never imported itself: an unresolved placeholder. */
@Type("UnresolvedReference")
@Description("A resource referenced by imported resources but never imported itself (a partial export): a"
        + " placeholder. It is in no listing and no analysis; questions that depend on it answer UNDETERMINED.")
public record UnresolvedReference(
        @NonNull @Description("Its Azure resource id, as the reference gives it") String id,
        @NonNull
                @Description(
                        "The kind the references expect, as its ARM type, e.g. Microsoft.Network/virtualNetworks/subnets")
                String type,
        @NonNull @Description("Its name: the id's last segment") String name,
        @NonNull @Description("What to import to resolve it, e.g. 'import its VNet (az network vnet show --ids …)'")
                String howToImport,
        @NonNull @Description("The imported resources that reference it") List<@NonNull Referrer> referencedBy,
        @NonNull
                @Description("Imported resources held out of the analyses with one of its referrers, without naming it"
                        + " themselves: the apps on an ASE in this subnet (field hostingEnvironmentProfile)")
                List<@NonNull Referrer> heldBackWith) {

    /** A resource that references a placeholder. */
    @Type("UnresolvedReferrer")
    @Description("An imported resource that references a placeholder, and through which field.")
    public record Referrer(
            @Description("The Azure resource id (compared case-insensitively).") @NonNull String id,
            @Description("The resource name (Azure's `name`).") @NonNull String name,
            @NonNull @Description("Its ARM type") String type,
            @NonNull
                    @Description(
                            "The field that names the placeholder: subnet, networkSecurityGroup, hostingEnvironmentProfile, …")
                    String field,
            @NonNull
                    @Description("True when it is left out of the analyses until the placeholder is imported (a network"
                            + " interface, private endpoint, ASE, virtual network gateway or Azure Firewall in a subnet"
                            + " not imported, a gateway in a VNet not imported, an app on an ASE not imported)")
                    Boolean heldBack) {}
}
