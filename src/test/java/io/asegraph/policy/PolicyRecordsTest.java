package io.asegraph.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.asegraph.net.PortRange;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The small value types of the policy model: parsing of Azure's spellings and the defaults for absent fields. */
class PolicyRecordsTest {
    @Test
    void parsesAccessCaseInsensitivelyAndTrimmed() {
        assertEquals(Access.ALLOW, Access.parse("Allow"));
        assertEquals(Access.DENY, Access.parse(" DENY "));
    }

    @Test
    void rejectsAnUnknownOrMissingAccess() {
        assertThrows(IllegalArgumentException.class, () -> Access.parse("Permit"));
        assertThrows(IllegalArgumentException.class, () -> Access.parse(null));
    }

    @Test
    void parsesDirectionCaseInsensitivelyAndTrimmed() {
        assertEquals(Direction.INBOUND, Direction.parse("Inbound"));
        assertEquals(Direction.OUTBOUND, Direction.parse(" outBound "));
    }

    @Test
    void rejectsAnUnknownOrMissingDirection() {
        assertThrows(IllegalArgumentException.class, () -> Direction.parse("Both"));
        assertThrows(IllegalArgumentException.class, () -> Direction.parse(null));
    }

    @Test
    void namesDirectionsAsAzureDoes() {
        assertEquals("Inbound", Direction.INBOUND.azureName());
        assertEquals("Outbound", Direction.OUTBOUND.azureName());
    }

    @Test
    void azureNamesParseBackToTheSameValue() {
        for (Access a : Access.values()) {
            assertEquals(a, Access.parse(a.azureName()));
        }
        for (Direction d : Direction.values()) {
            assertEquals(d, Direction.parse(d.azureName()));
        }
    }

    @Test
    void anAsgWithoutLocationHasAnEmptyOneAndKeepsAGivenOne() {
        assertEquals("", new ApplicationSecurityGroup(Rules.id("applicationSecurityGroups/a"), "a", null).location());
        assertEquals(
                "eastus",
                new ApplicationSecurityGroup(Rules.id("applicationSecurityGroups/a"), "a", "eastus").location());
    }

    @Test
    void anNsgWithoutLocationOrEtagHasEmptyOnesAndKeepsGivenOnes() {
        NetworkSecurityGroup bare =
                new NetworkSecurityGroup(Rules.id("networkSecurityGroups/n"), "n", null, null, List.of());
        assertEquals("", bare.location());
        assertEquals("", bare.etag());
        NetworkSecurityGroup full =
                new NetworkSecurityGroup(Rules.id("networkSecurityGroups/n"), "n", "westeurope", "W/\"1\"", List.of());
        assertEquals("westeurope", full.location());
        assertEquals("W/\"1\"", full.etag());
    }

    @Test
    void aServiceTagWithoutRegionOrSystemServiceHasEmptyOnesAndKeepsGivenOnes() {
        ServiceTag global = new ServiceTag("Sql", null, null, 7, List.of(), 0);
        assertEquals("", global.region());
        assertEquals("", global.systemService());
        ServiceTag regional = new ServiceTag("Sql.WestUS", "westus", "AzureSQL", 7, List.of(), 0);
        assertEquals("westus", regional.region());
        assertEquals("AzureSQL", regional.systemService());
    }

    @Test
    void aRuleWithoutDescriptionHasAnEmptyOneAndKeepsAGivenOne() {
        assertEquals("", rule(null).description());
        assertEquals("ssh from admins", rule("ssh from admins").description());
    }

    private static SecurityRule rule(String description) {
        return Rules.tcpIn(List.of(PortRange.ALL), List.of(PortRange.parse("22")), description);
    }
}
