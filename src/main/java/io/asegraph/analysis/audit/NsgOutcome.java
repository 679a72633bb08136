package io.asegraph.analysis.audit;

import io.asegraph.net.AddressSet;
import io.asegraph.net.Protocol;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What an NSG decided over a requirement's flows, over every protocol ({@link NsgRequirementCheck}).
 *
 * @param allowed       every flow is allowed
 * @param anyAllowed    some rule allows part of it
 * @param blocked       the protocols of the requirement on which no rule allows any of it
 * @param deniedSources the sources denied (inbound) or the subnet addresses denied (outbound)
 * @param allowing      the allowing rules, as references
 * @param denying       the denying rules, with priority and access
 * @param undetermined  why parts cannot be decided (unresolved tags)
 */
record NsgOutcome(
        boolean allowed,
        boolean anyAllowed,
        List<Protocol> blocked,
        AddressSet deniedSources,
        List<String> allowing,
        List<String> denying,
        List<String> undetermined) {
    NsgOutcome {
        blocked = List.copyOf(blocked);
        allowing = List.copyOf(allowing);
        denying = List.copyOf(denying);
        undetermined = List.copyOf(undetermined);
    }

    /** The rules that decided: the denying ones first, then the allowing ones. */
    List<String> deciding() {
        Set<String> all = new LinkedHashSet<>(denying);
        all.addAll(allowing);
        return List.copyOf(all);
    }
}
