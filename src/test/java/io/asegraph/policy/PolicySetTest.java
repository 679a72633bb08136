package io.asegraph.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.net.AddressSet;
import io.asegraph.topology.ResourceSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicySetTest {
    private static final NetworkSecurityGroup NSG = Rules.nsg("policyset-nsg");
    private static final ApplicationSecurityGroup ASG = new ApplicationSecurityGroup(
            Rules.id("applicationSecurityGroups/policyset-asg"), "policyset-asg", "westus");
    private static final ServiceTag SQL = Rules.tag("Sql.WestUS", "13.64.0.0/16", "40.112.0.0/16");

    private static PolicySet full() {
        return new PolicySet(List.of(NSG), List.of(ASG), List.of(SQL));
    }

    @Test
    void holdsItsRecordsAndFindsThemById() {
        PolicySet p = full();
        assertEquals(List.of(NSG), List.copyOf(p.nsgs()));
        assertEquals(List.of(ASG), List.copyOf(p.asgs()));
        assertEquals(List.of(SQL), List.copyOf(p.serviceTags()));
        assertEquals(NSG, p.nsg(NSG.id()).orElseThrow());
        assertEquals(ASG, p.asg(ASG.id()).orElseThrow());
        assertTrue(p.nsg(Rules.id("networkSecurityGroups/absent")).isEmpty());
        assertTrue(p.asg(Rules.id("applicationSecurityGroups/absent")).isEmpty());
    }

    @Test
    void findsServiceTagsCaseInsensitively() {
        PolicySet p = full();
        assertEquals(SQL, p.serviceTag("sql.westus").orElseThrow());
        assertEquals(SQL, p.serviceTag("SQL.WESTUS").orElseThrow());
        assertTrue(p.serviceTag("Storage").isEmpty());
        assertEquals(
                AddressSet.parse("13.64.0.0/16", "40.112.0.0/16"),
                p.serviceTagAddresses("sql.WestUS").orElseThrow());
        assertTrue(p.serviceTagAddresses("Storage").isEmpty());
    }

    @Test
    void roundTripsThroughAResourceSet() {
        ResourceSet resources = full().resources();
        assertEquals(List.of(NSG), resources.of(PolicyTypes.NETWORK_SECURITY_GROUP));
        assertEquals(List.of(ASG), resources.of(PolicyTypes.APPLICATION_SECURITY_GROUP));
        assertEquals(List.of(SQL), resources.of(PolicyTypes.SERVICE_TAGS));
        PolicySet back = PolicySet.of(resources);
        assertEquals(List.of(NSG), List.copyOf(back.nsgs()));
        assertEquals(List.of(ASG), List.copyOf(back.asgs()));
        assertEquals(List.of(SQL), List.copyOf(back.serviceTags()));
    }

    @Test
    void adoptsTheTagExpansionsOfASetWithTheSameTagRecords() {
        PolicySet before = full();
        AddressSet expanded = before.serviceTagAddresses("Sql.WestUS").orElseThrow();
        PolicySet after = new PolicySet(List.of(), List.of(ASG), List.of(SQL));
        after.adoptTagExpansions(before);
        assertSame(expanded, after.serviceTagAddresses("Sql.WestUS").orElseThrow());
    }

    @Test
    void doesNotAdoptExpansionsOfEqualButDifferentTagRecords() {
        PolicySet before = full();
        AddressSet expanded = before.serviceTagAddresses("Sql.WestUS").orElseThrow();
        PolicySet after = new PolicySet(List.of(), List.of(), List.of(Rules.tag("Sql.WestUS", "13.64.0.0/16")));
        after.adoptTagExpansions(before);
        AddressSet own = after.serviceTagAddresses("Sql.WestUS").orElseThrow();
        assertNotSame(expanded, own);
        assertEquals(AddressSet.parse("13.64.0.0/16"), own);
    }

    @Test
    void doesNotAdoptExpansionsWhenTheTagCountsDiffer() {
        PolicySet before = full();
        AddressSet expanded = before.serviceTagAddresses("Sql.WestUS").orElseThrow();
        PolicySet after = new PolicySet(List.of(), List.of(), List.of(SQL, Rules.tag("Storage", "20.0.0.0/8")));
        after.adoptTagExpansions(before);
        assertNotSame(expanded, after.serviceTagAddresses("Sql.WestUS").orElseThrow());
        assertEquals(expanded, after.serviceTagAddresses("Sql.WestUS").orElseThrow());
    }
}
