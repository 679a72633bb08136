package io.asegraph.policy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to one IP flow verify question. {@code verdict} is ALLOWED, DENIED or UNDETERMINED; {@code access} is
 * present unless undetermined. {@code ruleName} ({@code securityRules/NAME} or {@code defaultSecurityRules/NAME}) is the
 * deciding rule: the denying rule of the first NSG that denies; when every NSG allows, the allowing rule of the last
 * NSG evaluated; when undetermined, the unresolved rule that was reached. It is empty only when no NSG applies
 * (everything is then allowed). {@code nsg} is where the deciding rule lives.
 */
public record IpFlowResult(
        Verdict verdict,
        Optional<Access> access,
        Optional<String> ruleName,
        Optional<AppliedNsg> nsg,
        Optional<String> undeterminedCause,
        List<String> warnings) {
    public IpFlowResult {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(ruleName, "ruleName");
        Objects.requireNonNull(nsg, "nsg");
        Objects.requireNonNull(undeterminedCause, "undeterminedCause");
        warnings = List.copyOf(warnings);
    }
}
