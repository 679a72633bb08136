package io.asegraph.analysis.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.asegraph.net.Protocol;
import io.asegraph.topology.ResourceId;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The names, descriptions and priorities of the rules requiredAccess proposes, and the ids the fix texts read their
 * scope from: {@code allow-CALLER-PORT} (or {@code -PROTOCOL} without ports), made unique by {@code -2}, {@code -3}
 * ...; the largest free priority; a resource group or subscription segment with nothing after it.
 */
class RequiredAccessNamingTest {
    @Test
    void aCallWithAPortIsNamedAfterTheCallerAndThePort() {
        RequiredAccessAudit.Naming n = RequiredAccessAudit.Naming.of("orders-api", "db-vm-nic", 1433, Protocol.TCP);
        assertEquals("allow-orders-api-1433", n.base());
        assertEquals("Allow orders-api to reach db-vm-nic on TCP 1433 (asegraph requiredAccess)", n.description());
    }

    @Test
    void aPortlessCallIsNamedAfterItsProtocolAndAnyProtocolIsSpelledOut() {
        RequiredAccessAudit.Naming icmp = RequiredAccessAudit.Naming.of("app1", "db-vm-nic", 0, Protocol.ICMP);
        assertEquals("allow-app1-icmp", icmp.base());
        assertEquals("Allow app1 to reach db-vm-nic on ICMP (asegraph requiredAccess)", icmp.description());
        RequiredAccessAudit.Naming any = RequiredAccessAudit.Naming.of("app1", "db-vm-nic", 53, Protocol.ANY);
        assertEquals("allow-app1-53", any.base());
        assertEquals("Allow app1 to reach db-vm-nic on any protocol 53 (asegraph requiredAccess)", any.description());
    }

    @Test
    void aTakenNameIsNumberedFromTwoUpwardsIgnoringCase() {
        RequiredAccessAudit.Naming n = new RequiredAccessAudit.Naming("Allow-App1-80", "d");
        assertEquals("Allow-App1-80", n.unique(Set.of("allow-app1-8")));
        assertEquals("Allow-App1-80-2", n.unique(Set.of("allow-app1-80")));
        assertEquals("Allow-App1-80-3", n.unique(Set.of("allow-app1-80", "allow-app1-80-2")));
    }

    @Test
    void aNumberedNameStaysWithinEightyCharacters() {
        String base = "a".repeat(80);
        assertEquals("a".repeat(76) + "-2", new RequiredAccessAudit.Naming(base, "d").unique(Set.of(base)));
    }

    @Test
    void longCallerNamesAndDescriptionsAreCut() {
        RequiredAccessAudit.Naming n =
                RequiredAccessAudit.Naming.of("c".repeat(70), "t".repeat(200), 443, Protocol.TCP);
        assertEquals("allow-" + "c".repeat(60) + "-443", n.base());
        assertEquals(140, n.description().length());
        assertEquals("Allow " + "c".repeat(70) + " to reach " + "t".repeat(54), n.description());
    }

    @Test
    void theCallerSlugKeepsWordCharactersDotsAndDashes() {
        assertEquals("My-App-prod", RequiredAccessAudit.slug("My App (prod)!"));
        assertEquals("orders.api_v2", RequiredAccessAudit.slug("--orders.api_v2.."));
        assertEquals("caller", RequiredAccessAudit.slug("(*)"));
    }

    @Test
    void theLargestFreePriorityIsSearchedDownToTheLowestInclusive() {
        assertEquals(Optional.of(100), RequiredAccessAudit.largestFree(100, 100, Set.of()));
        assertEquals(Optional.empty(), RequiredAccessAudit.largestFree(100, 100, Set.of(100)));
        assertEquals(Optional.of(4094), RequiredAccessAudit.largestFree(100, 4096, Set.of(4096, 4095)));
        assertEquals(Optional.empty(), RequiredAccessAudit.largestFree(100, 99, Set.of()));
    }

    @Test
    void aScopeKeyWithNothingAfterItNamesNoResourceGroupOrSubscription() {
        assertEquals(
                "<resource-group>", RuleFixFormats.resourceGroup(ResourceId.of("/subscriptions/s1/resourceGroups")));
        assertEquals(Optional.empty(), RuleFixFormats.subscription(ResourceId.of("/subscriptions")));
        assertEquals("rg1", RuleFixFormats.resourceGroup(ResourceId.of("/subscriptions/s1/resourceGroups/rg1")));
    }
}
