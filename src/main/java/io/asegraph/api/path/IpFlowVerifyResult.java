package io.asegraph.api.path;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("Network Watcher IP flow verify's answer.")
public record IpFlowVerifyResult(
        @Description("Whether the 5-tuple is allowed or denied.") @NonNull Access access,
        @NonNull @Description("securityRules/NAME or defaultSecurityRules/NAME.") String ruleName,
        @Description("The NSG holding the deciding rule.") String nsg) {}
