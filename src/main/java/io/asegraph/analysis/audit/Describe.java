package io.asegraph.analysis.audit;

import io.asegraph.net.AddressSet;
import io.asegraph.net.Cidr;
import io.asegraph.net.PortRange;
import io.asegraph.policy.Access;
import io.asegraph.policy.PrefixResolver;
import io.asegraph.policy.RuleDecision;
import io.asegraph.policy.SecurityRule;
import java.util.List;
import java.util.stream.Collectors;

/** Phrasing shared by the audits: address sets, rules and port lists as a network engineer reads them. */
final class Describe {
    private static final int MAX_BLOCKS = 6;

    private Describe() {}

    /** An address set as CIDR blocks, shortened after a few blocks; "every Internet address" for the tag's set. */
    static String addresses(AddressSet set) {
        if (set.isEmpty()) {
            return "no address";
        }
        if (set.isAll()) {
            return "every address (0.0.0.0/0)";
        }
        if (set.equals(PrefixResolver.INTERNET)) {
            return "every Internet address";
        }
        List<Cidr> blocks = set.toCidrs();
        String shown = blocks.stream().limit(MAX_BLOCKS).map(Cidr::toString).collect(Collectors.joining(", "));
        return blocks.size() <= MAX_BLOCKS ? shown : shown + " and " + (blocks.size() - MAX_BLOCKS) + " more blocks";
    }

    /** Like {@link #addresses(AddressSet)}, naming {@code whole} as {@code wholeName} when the set is all of it. */
    static String addresses(AddressSet set, AddressSet whole, String wholeName) {
        return set.equals(whole) ? wholeName : addresses(set);
    }

    /** {@code NSG-NAME securityRules/NAME (priority P, Allow)}. */
    static String rule(String nsgName, SecurityRule rule) {
        return nsgName + " " + rule.qualifiedName() + " (priority " + rule.priority() + ", "
                + (rule.access() == Access.ALLOW ? "Allow" : "Deny") + ")";
    }

    /** {@code NSG-NAME securityRules/NAME}: the short form used in lists of deciding rules. */
    static String ruleRef(String nsgName, RuleDecision d) {
        return nsgName + " " + d.ruleName();
    }

    static String ports(List<PortRange> ports) {
        return ports.stream().map(PortRange::toString).collect(Collectors.joining(", "));
    }
}
