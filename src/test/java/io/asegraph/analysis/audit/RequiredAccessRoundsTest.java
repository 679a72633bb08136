package io.asegraph.analysis.audit;

import static io.asegraph.analysis.audit.AuditFixtures.in;
import static io.asegraph.analysis.audit.AuditFixtures.nsg;
import static io.asegraph.analysis.audit.AuditFixtures.out;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.analysis.AnalysisContext;
import io.asegraph.analysis.ReferenceTopology;
import io.asegraph.net.Protocol;
import io.asegraph.policy.Access;
import io.asegraph.policy.NetworkSecurityGroup;
import io.asegraph.policy.SecurityRule;
import io.asegraph.topology.TopologyBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * requiredAccess over the reference topology with NSGs that hide one another (a deny before a step means nothing
 * reaches it, so its blocker shows only in a later round), an NSG on both sides of a call, the priorities a fix must
 * avoid, and an NSG that is attached but not in the snapshot.
 */
class RequiredAccessRoundsTest {
    private static final String DB_SUBNET_NSG = AuditFixtures.nsgId("db-subnet-nsg");
    private static final String CLIENT_NIC = ReferenceTopology.NET + "/networkInterfaces/db-client-nic";

    /** The reference topology with db-subnet-nsg on db-subnet and a second NIC, db-client-nic 10.0.2.5, there. */
    private static TopologyBuilder dbSubnetWithNsg() {
        return ReferenceTopology.builder()
                .attachNsg(ReferenceTopology.DB_SUBNET, DB_SUBNET_NSG)
                .nic(CLIENT_NIC, ReferenceTopology.DB_SUBNET, "10.0.2.5");
    }

    private static RequiredAccess ask(AnalysisContext context, String from) {
        return AuditFixtures.access(context).required(from, "db-vm-nic", 1433, Protocol.TCP);
    }

    private static List<String> placed(RequiredAccess r) {
        return r.fixes().stream()
                .map(f -> f.nsgName() + " " + f.direction() + " " + f.priority().orElseThrow() + " " + f.name())
                .toList();
    }

    /** db-nsg of the seed with extra rules. */
    private static NetworkSecurityGroup dbNsg(SecurityRule... extra) {
        NetworkSecurityGroup seed = ReferenceTopology.nsgs().get(1);
        List<SecurityRule> rules = new ArrayList<>(seed.rules());
        rules.addAll(List.of(extra));
        return new NetworkSecurityGroup(seed.id(), seed.name(), seed.location(), seed.etag(), rules);
    }

    @Test
    void aSubnetNsgThatDeniesHidesTheNicNsgBehindItWhichIsFixedInTheNextRound() {
        NetworkSecurityGroup subnet = nsg("db-subnet-nsg", in("deny-sql", 300, Access.DENY, "VirtualNetwork", "1433"));
        RequiredAccess r =
                ask(AuditFixtures.context(dbSubnetWithNsg().build(), AuditFixtures.seedNsgsWith(subnet)), "orders-api");
        assertEquals(
                List.of("db-subnet-nsg INBOUND 299 allow-orders-api-1433", "db-nsg INBOUND 199 allow-orders-api-1433"),
                placed(r));
        assertEquals(Optional.of(true), r.verified());
        String reason = r.reason();
        int subnetAdvice = reason.indexOf("Add allow-orders-api-1433 at priority 299 to db-subnet-nsg (inbound).");
        int nicAdvice = reason.indexOf("Add allow-orders-api-1433 at priority 199 to db-nsg (inbound).");
        assertTrue(subnetAdvice >= 0 && nicAdvice > subnetAdvice, reason);
    }

    @Test
    void anNsgOnBothSidesOfACallGetsAnOutboundAndAnInboundRuleUnderTwoNames() {
        // db-client-nic and db-vm-nic share db-subnet-nsg: it is met on the way out and again on the way in, the
        // inbound deny only once the outbound one is fixed. Rule names are unique in an NSG across both directions
        // (they name its child resources), so the second rule there is -2; priorities are unique per direction.
        NetworkSecurityGroup subnet = nsg(
                "db-subnet-nsg",
                out("deny-sql-out", 300, Access.DENY, "*", "1433"),
                in("deny-sql-in", 300, Access.DENY, "*", "1433"));
        RequiredAccess r = ask(
                AuditFixtures.context(dbSubnetWithNsg().build(), AuditFixtures.seedNsgsWith(subnet)), "db-client-nic");
        assertEquals(
                List.of(
                        "db-subnet-nsg OUTBOUND 299 allow-db-client-nic-1433",
                        "db-subnet-nsg INBOUND 299 allow-db-client-nic-1433-2",
                        "db-nsg INBOUND 199 allow-db-client-nic-1433"),
                placed(r));
        r.fixes().forEach(f -> assertEquals(List.of("10.0.2.5/32"), f.sourcePrefixes(), f.toString()));
        assertEquals(Optional.of(true), r.verified());
    }

    @Test
    void theFixAvoidsThePrioritiesOfUserRulesOfItsOwnDirectionOnly() {
        // Inbound 200 denies, inbound 199 is taken: 198. An outbound rule at 198 is no obstacle to an inbound one.
        NetworkSecurityGroup db = dbNsg(
                in("allow-backup", 199, Access.ALLOW, "10.9.9.0/24", "1433"),
                out("allow-https-out", 198, Access.ALLOW, "*", "443"));
        RequiredAccess r = ask(AuditFixtures.reference(AuditFixtures.seedNsgsWith(db)), "orders-api");
        assertEquals(List.of("db-nsg INBOUND 198 allow-orders-api-1433"), placed(r));
        assertEquals(Optional.of(true), r.verified());
    }

    @Test
    void whenNoPriorityIsFreeTheReasonSaysWhichRuleToChange() {
        NetworkSecurityGroup db = new NetworkSecurityGroup(
                ReferenceTopology.nsgs().get(1).id(),
                "db-nsg",
                "westus",
                "",
                List.of(in("deny-everything", 100, Access.DENY, "*", "*")));
        RequiredAccess r = ask(AuditFixtures.reference(AuditFixtures.seedNsgsWith(db)), "orders-api");
        String problem = "no priority between 100 and 99 is free to win over securityRules/deny-everything (priority"
                + " 100); change or remove that rule instead.";
        assertEquals(Optional.of(problem), r.fixes().get(0).problem());
        assertTrue(r.reason().endsWith(" No rule can be added to db-nsg (inbound): " + problem), r.reason());
        assertEquals(Optional.of(false), r.verified());
    }

    @Test
    void anNsgAttachedButNotInTheSnapshotGetsAFixWithoutAPriority() {
        // db-nsg is attached to db-vm-nic but only ase-two-nsg was imported.
        RequiredAccess r =
                ask(AuditFixtures.reference(List.of(ReferenceTopology.nsgs().get(0))), "orders-api");
        assertEquals(1, r.fixes().size(), r.reason());
        RuleFix f = r.fixes().get(0);
        assertEquals("db-nsg", f.nsgName());
        assertEquals("allow-orders-api-1433", f.name());
        assertEquals(Optional.empty(), f.priority());
        assertEquals(List.of(), f.overrides());
        assertEquals(
                Optional.of("NSG " + ReferenceTopology.DB_NSG + " is attached to db-vm-nic but is not in the snapshot,"
                        + " so its free priorities are not known; import it first."),
                f.problem());
        assertEquals(Optional.of(false), r.verified());
    }
}
