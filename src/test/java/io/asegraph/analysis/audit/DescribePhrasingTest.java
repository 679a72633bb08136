package io.asegraph.analysis.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.asegraph.net.AddressSet;
import io.asegraph.net.PortRange;
import io.asegraph.policy.Access;
import io.asegraph.policy.PrefixResolver;
import io.asegraph.policy.RuleDecision;
import io.asegraph.policy.SecurityRule;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link Describe}: address sets, rules and port lists in the words the audits' sentences use. */
class DescribePhrasingTest {
    /** {@code count} /24 blocks that do not merge: 10.0.0.0/24, 10.0.2.0/24, 10.0.4.0/24, ... */
    private static AddressSet blocks(int first, int count) {
        String[] prefixes = new String[count];
        for (int i = 0; i < count; i++) {
            prefixes[i] = "10.0." + (2 * (first + i)) + ".0/24";
        }
        return AddressSet.parse(prefixes);
    }

    @Test
    void theEmptySetTheWholeSpaceAndTheInternetHaveNames() {
        assertEquals("no address", Describe.addresses(AddressSet.EMPTY));
        assertEquals("every address (0.0.0.0/0)", Describe.addresses(AddressSet.parse("0.0.0.0/0")));
        assertEquals("every Internet address", Describe.addresses(PrefixResolver.INTERNET));
    }

    @Test
    void upToSixBlocksAreListedInFull() {
        assertEquals("10.0.1.0/24", Describe.addresses(AddressSet.parse("10.0.1.0/24")));
        AddressSet six = blocks(0, 6);
        assertEquals(
                "10.0.0.0/24, 10.0.2.0/24, 10.0.4.0/24, 10.0.6.0/24, 10.0.8.0/24, 10.0.10.0/24",
                Describe.addresses(six));
    }

    @Test
    void beyondSixBlocksTheRestIsCounted() {
        AddressSet eight = blocks(0, 8);
        assertEquals(
                "10.0.0.0/24, 10.0.2.0/24, 10.0.4.0/24, 10.0.6.0/24, 10.0.8.0/24, 10.0.10.0/24 and 2 more blocks",
                Describe.addresses(eight));
        AddressSet seven = blocks(0, 7);
        assertEquals(
                "10.0.0.0/24, 10.0.2.0/24, 10.0.4.0/24, 10.0.6.0/24, 10.0.8.0/24, 10.0.10.0/24 and 1 more blocks",
                Describe.addresses(seven));
    }

    @Test
    void aSetThatIsAllOfItsWholeIsNamedAsTheWhole() {
        AddressSet subnet = AddressSet.parse("10.0.1.0/26");
        assertEquals("the ASE subnet", Describe.addresses(subnet, subnet, "the ASE subnet"));
        assertEquals("10.0.1.0/27", Describe.addresses(AddressSet.parse("10.0.1.0/27"), subnet, "the ASE subnet"));
    }

    @Test
    void aRuleIsNamedWithItsNsgPriorityAndAccess() {
        SecurityRule allow = AuditFixtures.in("allow-https", 300, Access.ALLOW, "Internet", "443");
        SecurityRule deny = AuditFixtures.in("deny-ssh", 100, Access.DENY, "*", "22");
        assertEquals("edge securityRules/allow-https (priority 300, Allow)", Describe.rule("edge", allow));
        assertEquals("edge securityRules/deny-ssh (priority 100, Deny)", Describe.rule("edge", deny));
        RuleDecision d = new RuleDecision(deny, Access.DENY, AddressSet.EMPTY, AddressSet.EMPTY, Optional.empty());
        assertEquals("edge securityRules/deny-ssh", Describe.ruleRef("edge", d));
    }

    @Test
    void portsAreListedAsRangesInOrderGiven() {
        assertEquals(
                "443, 8000-8080, 22",
                Describe.ports(List.of(PortRange.parse("443"), PortRange.parse("8000-8080"), PortRange.parse("22"))));
        assertEquals("", Describe.ports(List.of()));
    }
}
