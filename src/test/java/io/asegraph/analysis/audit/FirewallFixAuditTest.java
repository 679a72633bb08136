package io.asegraph.analysis.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asegraph.analysis.AnalysisContext;
import io.asegraph.analysis.SourceKind;
import io.asegraph.net.Protocol;
import io.asegraph.policy.Direction;
import io.asegraph.policy.Verdict;
import io.asegraph.topology.ResourceId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * requiredAccess through an Azure Firewall without the service: the hub-and-spoke estate of
 * {@code estates/hub-firewall.json} (hub-fw with classic rules: {@code spoke-to-spoke} (100) admits 10.200.0.0/25 of
 * the ASE subnet to 10.201.0.0/24 on 443, {@code egress} (200) admits the subnet to 52.0.0.0/8 on 443; api-nsg admits
 * the ASE subnet on 443 only) read into records, optionally edited (a policy instead of the classic rules, a deny
 * collection, an NSG on the ASE subnet). The expectations are those of the API test {@code FirewallRequiredAccessTest},
 * brought down to {@link RequiredAccessAudit} and {@link FirewallFixPlanner}, plus the branches that test does not
 * reach: a deny collection the fix must come before, no free collection or group priority, a protocol a network rule
 * cannot name, a port-less protocol, names already taken in a policy.
 */
class FirewallFixAuditTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ESTATES = Path.of("src/test/resources/estates");
    private static final String NET =
            "/subscriptions/22222222-0000-0000-0000-000000000000/resourceGroups/hub-rg/providers/Microsoft.Network";
    private static final String HUB_FW = NET + "/azureFirewalls/hub-fw";
    private static final String ACCESS_POLICY = NET + "/firewallPolicies/access-policy";
    private static final String HUB_POLICY = NET + "/firewallPolicies/hub-policy";
    private static final String EGRESS_NSG = NET + "/networkSecurityGroups/ase-egress-nsg";

    private static String text(String file) {
        try {
            return Files.readString(ESTATES.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ArrayNode read(String file) {
        try {
            return (ArrayNode) JSON.readTree(text(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The hub estate after {@code edit}, with the Service Tags the ASE subnet's routes need. */
    private static AnalysisContext estate(Consumer<ArrayNode> edit) {
        ArrayNode doc = read("hub-firewall.json");
        edit.accept(doc);
        return AnalysisContext.of(io.asegraph.analysis.JsonEstates.of(doc.toString(), text("hub-firewall-tags.json")));
    }

    private static RequiredAccess ask(Consumer<ArrayNode> edit, String to, int port, Protocol protocol) {
        return AuditFixtures.access(estate(edit)).required("locked-ase", to, port, protocol);
    }

    private static RequiredAccess ask(Consumer<ArrayNode> edit, String to, int port) {
        return ask(edit, to, port, Protocol.TCP);
    }

    private static ObjectNode named(ArrayNode doc, String name) {
        for (JsonNode r : doc) {
            if (r.path("name").asText().equals(name)) {
                return (ObjectNode) r;
            }
        }
        throw new IllegalStateException("no " + name + " in the document");
    }

    private static ObjectNode node(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** hub-fw managed by {@code policy} (whose documents are added) instead of its classic rules. */
    private static Consumer<ArrayNode> withPolicy(String policy, String... documents) {
        return doc -> {
            ObjectNode props = (ObjectNode) named(doc, "hub-fw").path("properties");
            props.remove(List.of("networkRuleCollections", "applicationRuleCollections", "natRuleCollections"));
            props.putObject("firewallPolicy").put("id", policy);
            for (String d : documents) {
                read(d).forEach(doc::add);
            }
        };
    }

    /** A classic collection of hub-fw: {@code kind} is networkRuleCollections or applicationRuleCollections. */
    private static Consumer<ArrayNode> classicCollection(String kind, String json) {
        return doc -> ((ArrayNode) named(doc, "hub-fw").path("properties").path(kind)).add(node(json));
    }

    /** A classic network rule collection denying the whole ASE subnet TCP to every address on {@code port}. */
    private static Consumer<ArrayNode> denyCollection(String name, int priority, int port) {
        return classicCollection(
                "networkRuleCollections",
                """
                {"name": "%s", "properties": {"priority": %d, "action": {"type": "Deny"}, "rules": [{"name": "no-%d",
                 "protocols": ["TCP"], "sourceAddresses": ["10.200.0.0/24"], "destinationAddresses": ["*"],
                 "destinationPorts": ["%d"]}]}}"""
                        .formatted(name, priority, port, port));
    }

    /** ase-egress-nsg on the ASE subnet, denying TCP {@code port} from {@code source} to {@code destination} at 300. */
    private static void egressNsg(ArrayNode doc, String source, String destination, int port) {
        doc.add(node(
                """
                {"id": "%s", "name": "ase-egress-nsg", "type": "Microsoft.Network/networkSecurityGroups",
                 "location": "westeurope", "properties": {"securityRules": [{"name": "deny-spoke2",
                 "properties": {"priority": 300, "direction": "Outbound", "access": "Deny", "protocol": "Tcp",
                 "sourceAddressPrefix": "%s", "sourcePortRange": "*", "destinationAddressPrefix": "%s",
                 "destinationPortRange": "%d"}}]}}"""
                        .formatted(EGRESS_NSG, source, destination, port)));
        ObjectNode subnet = (ObjectNode)
                named(doc, "spoke-vnet").path("properties").path("subnets").get(0);
        assertEquals("ase-subnet", subnet.path("name").asText());
        ((ObjectNode) subnet.path("properties"))
                .putObject("networkSecurityGroup")
                .put("id", EGRESS_NSG);
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }

    /** Each of {@code parts} is in {@code text} exactly once, each after the one before. */
    private static void assertOnceInOrder(String text, String... parts) {
        int at = -1;
        for (String part : parts) {
            assertEquals(1, count(text, part), () -> part + " once in: " + text);
            int next = text.indexOf(part);
            assertTrue(next > at, () -> part + " after the one before in: " + text);
            at = next;
        }
    }

    @Test
    void theClassicFirewallsImplicitDenyGetsANewCollectionAtTheLargestPriorityVerified() {
        RequiredAccess r = ask(doc -> {}, "hubfw-partner", 80);
        assertFalse(r.satisfied());
        assertEquals(Verdict.DENIED, r.verdict());
        // The partner sees the firewall's public IPs; the firewall itself must admit the private range.
        assertEquals(SourceKind.AZURE_FIREWALL, r.sourceKind());
        assertEquals(List.of("20.50.0.10/31"), r.sources().toCidrStrings());
        assertEquals(List.of(), r.fixes());
        assertEquals(Optional.empty(), r.destinationFix());
        assertEquals(1, r.firewallFixes().size());
        FirewallRuleFix f = r.firewallFixes().get(0);
        assertEquals(ResourceId.of(HUB_FW), f.firewall());
        assertEquals("hub-fw", f.firewallName());
        assertEquals(Optional.empty(), f.policy());
        assertEquals(Optional.empty(), f.ruleCollectionGroup());
        assertEquals(Optional.empty(), f.groupPriority());
        assertEquals("allow-locked-ase-80", f.ruleCollection());
        assertEquals("allow-locked-ase-80", f.name());
        // Only the implicit deny blocks: the largest collection priority, after the two already there.
        assertEquals(Optional.of(65000), f.collectionPriority());
        assertEquals(Protocol.TCP, f.protocol());
        assertEquals(List.of("10.200.0.0/24"), f.sourceAddresses());
        assertEquals(List.of("52.1.2.3/32"), f.destinationAddresses());
        assertEquals("80", f.destinationPort());
        assertEquals(List.of("(no rule matches) (the implicit deny)"), f.overrides());
        assertEquals("Allow locked-ase to reach hubfw-partner on TCP 80 (asegraph requiredAccess)", f.description());
        assertEquals(Optional.empty(), f.problem());
        assertEquals(Optional.of(true), r.verified());
        assertTrue(
                r.reason()
                        .endsWith(" Add network rule allow-locked-ase-80 (10.200.0.0/24 to 52.1.2.3/32 TCP 80) in a"
                                + " new network rule collection allow-locked-ase-80 at priority 65000 to Azure"
                                + " Firewall hub-fw."),
                r.reason());
        assertTrue(r.reason().startsWith("Not satisfied. "), r.reason());
    }

    @Test
    void aNetworkRuleAdmittingHalfTheSubnetGetsARuleForTheDeniedHalfOnly() {
        RequiredAccess r = ask(doc -> {}, "api-nic", 443);
        assertEquals(Verdict.PARTIAL, r.verdict());
        assertEquals(List.of(), r.fixes());
        FirewallRuleFix f = r.firewallFixes().get(0);
        assertEquals(List.of("10.200.0.128/25"), f.sourceAddresses());
        assertEquals(List.of("10.201.0.10/32"), f.destinationAddresses());
        assertEquals("443", f.destinationPort());
        assertEquals(Optional.of(65000), f.collectionPriority());
        assertEquals(Optional.of(true), r.verified());
    }

    @Test
    void theFirewallAndTheDestinationNsgBehindItAreBothFixedInPathOrder() {
        // 8080: no firewall rule admits it, and api-nsg admits 443 only. api-nsg's deny shows once the firewall is
        // fixed in the second round (nothing reached it before).
        RequiredAccess r = ask(doc -> {}, "api-nic", 8080);
        assertEquals(Verdict.DENIED, r.verdict());
        assertEquals(1, r.firewallFixes().size());
        assertEquals(List.of("10.200.0.0/24"), r.firewallFixes().get(0).sourceAddresses());
        assertEquals("8080", r.firewallFixes().get(0).destinationPort());
        assertEquals(1, r.fixes().size());
        RuleFix nsg = r.fixes().get(0);
        assertEquals("api-nsg", nsg.nsgName());
        assertEquals(Direction.INBOUND, nsg.direction());
        assertEquals(List.of("10.200.0.0/24"), nsg.sourcePrefixes());
        assertEquals(List.of("10.201.0.10/32"), nsg.destinationPrefixes());
        assertEquals(Optional.of(4096), nsg.priority());
        assertEquals(Optional.of(true), r.verified());
        assertOnceInOrder(
                r.reason(),
                "to Azure Firewall hub-fw.",
                "Add allow-locked-ase-8080 at priority 4096 to" + " api-nsg (inbound).");
    }

    @Test
    void blockersBeforeAndBehindTheFirewallAreFixedRoundByRoundEachOnceInPathOrder() {
        RequiredAccess r = ask(doc -> egressNsg(doc, "*", "10.201.0.0/16", 8080), "api-nic", 8080);
        assertEquals(
                List.of("ase-egress-nsg OUTBOUND 299", "api-nsg INBOUND 4096"),
                r.fixes().stream()
                        .map(f -> f.nsgName() + " " + f.direction() + " "
                                + f.priority().orElseThrow())
                        .toList());
        // On the source side the private range, to the destination as the caller addresses it.
        assertEquals(List.of("10.200.0.0/24"), r.fixes().get(0).sourcePrefixes());
        assertEquals(List.of("10.201.0.10/32"), r.fixes().get(0).destinationPrefixes());
        assertEquals(1, r.firewallFixes().size());
        assertEquals(Optional.of(true), r.verified());
        // The destination's fix comes first among the fixes to hand out.
        assertEquals("api-nsg", r.destinationFix().orElseThrow().nsgName());
        assertOnceInOrder(
                r.reason(),
                "Add allow-locked-ase-8080 at priority 299 to ase-egress-nsg (outbound).",
                "to Azure Firewall hub-fw.",
                "Add allow-locked-ase-8080 at priority 4096 to api-nsg (inbound).");
    }

    @Test
    void whatTheFirewallDeniesOnceAnNsgBeforeItIsFixedJoinsItsFixOverTheImplicitDenyOnly() {
        // ase-egress-nsg denies the front half: in the first round the firewall sees (and denies) the back half only;
        // once the NSG is fixed it sees the front half too, denied by the same implicit deny, while the back half now
        // passes the proposed collection, which is no rule to come before.
        RequiredAccess r = ask(doc -> egressNsg(doc, "10.200.0.0/25", "10.201.0.0/16", 8080), "api-nic", 8080);
        assertEquals(
                List.of("ase-egress-nsg OUTBOUND 299", "api-nsg INBOUND 4096"),
                r.fixes().stream()
                        .map(f -> f.nsgName() + " " + f.direction() + " "
                                + f.priority().orElseThrow())
                        .toList());
        assertEquals(1, r.firewallFixes().size());
        FirewallRuleFix f = r.firewallFixes().get(0);
        assertEquals(List.of("10.200.0.0/24"), f.sourceAddresses());
        assertEquals(List.of("(no rule matches) (the implicit deny)"), f.overrides());
        assertEquals(Optional.of(65000), f.collectionPriority());
        assertEquals(Optional.of(true), r.verified());
    }

    @Test
    void aClassicDenyCollectionIsOvertakenByTheLargestPriorityFreeAmongCollectionsOfAnyKind() {
        // block-80 (150) denies the subnet on 80; an application collection holds 149, so the fix takes 148.
        Consumer<ArrayNode> edit = denyCollection("block-80", 150, 80)
                .andThen(
                        classicCollection(
                                "applicationRuleCollections",
                                """
                        {"name": "web", "properties": {"priority": 149, "action": {"type": "Allow"}, "rules": [
                         {"name": "docs", "protocols": [{"protocolType": "Https", "port": 443}],
                          "sourceAddresses": ["10.200.0.0/24"], "targetFqdns": ["learn.microsoft.com"]}]}}"""));
        RequiredAccess r = ask(edit, "hubfw-partner", 80);
        FirewallRuleFix f = r.firewallFixes().get(0);
        assertEquals(Optional.of(148), f.collectionPriority());
        assertEquals(List.of("block-80/no-80 (priority 150)"), f.overrides());
        assertEquals(Optional.of(true), r.verified());
    }

    @Test
    void aClassicDenyCollectionAtTheLowestPriorityLeavesNoPlaceAndSaysWhatToDo() {
        RequiredAccess r = ask(denyCollection("block-80", 100, 80), "hubfw-partner", 80);
        FirewallRuleFix f = r.firewallFixes().get(0);
        assertFalse(f.placed());
        assertEquals(Optional.empty(), f.collectionPriority());
        String problem = "no rule collection priority between 100 and 99 is free to come before block-80/no-80"
                + " (priority 100); change or remove that rule instead.";
        assertEquals(Optional.of(problem), f.problem());
        assertEquals(Optional.empty(), FirewallRuleFixFormats.arm(f));
        assertEquals(Optional.of(false), r.verified());
        assertTrue(
                r.reason().endsWith(" No rule can be added to Azure Firewall hub-fw for 10.200.0.0/24: " + problem),
                r.reason());
    }

    @Test
    void aProtocolANetworkRuleCannotNameGetsNoRule() {
        RequiredAccess r = ask(doc -> {}, "hubfw-partner", 0, Protocol.ESP);
        FirewallRuleFix f = r.firewallFixes().get(0);
        assertFalse(f.placed());
        assertEquals("ESP", f.firewallProtocol());
        assertEquals("*", f.destinationPort());
        assertEquals(
                Optional.of("Azure Firewall network rules name TCP, UDP, ICMP or Any; ESP can only be admitted by an"
                        + " Any rule, which admits every protocol: add one yourself if that is what you want."),
                f.problem());
        assertEquals(Optional.of(false), r.verified());
    }

    @Test
    void aPortlessCallGetsAnIcmpRuleOnEveryPortAndTheNsgBehindIsFixedToo() {
        RequiredAccess r = ask(doc -> {}, "api-nic", 0, Protocol.ICMP);
        FirewallRuleFix f = r.firewallFixes().get(0);
        assertEquals("allow-locked-ase-icmp", f.name());
        assertEquals("ICMP", f.firewallProtocol());
        assertEquals("*", f.destinationPort());
        assertEquals("Allow locked-ase to reach api-nic on ICMP (asegraph requiredAccess)", f.description());
        RuleFix nsg = r.fixes().get(0);
        assertEquals("api-nsg", nsg.nsgName());
        assertEquals("*", nsg.destinationPorts());
        assertEquals(Optional.of(true), r.verified());
    }

    @Test
    void aPolicyFirewallGetsARuleCollectionGroupBeforeTheGroupThatDenies() {
        // spoke-rules (group 200) admits the front half on 443; guardrails (group 300) denies the back half.
        RequiredAccess r = ask(withPolicy(ACCESS_POLICY, "hub-firewall-access-policy.json"), "api-nic", 443);
        assertEquals(Verdict.PARTIAL, r.verdict());
        assertEquals(List.of(), r.fixes());
        assertEquals(1, r.firewallFixes().size());
        FirewallRuleFix f = r.firewallFixes().get(0);
        assertEquals(Optional.of(ResourceId.of(ACCESS_POLICY)), f.policy());
        assertEquals(Optional.of("allow-locked-ase-443"), f.ruleCollectionGroup());
        assertEquals(Optional.of(299), f.groupPriority());
        assertEquals("allow-locked-ase-443", f.ruleCollection());
        assertEquals(Optional.of(FirewallFixPlanner.COLLECTION_PRIORITY_IN_NEW_GROUP), f.collectionPriority());
        assertEquals(List.of("10.200.0.128/25"), f.sourceAddresses());
        assertEquals(List.of("10.201.0.10/32"), f.destinationAddresses());
        assertEquals(List.of("back-half-quarantine/no-back-half-to-spoke2 (priority 100)"), f.overrides());
        assertEquals(Optional.of(true), r.verified());
        assertTrue(
                r.reason()
                        .endsWith(" Add rule collection group allow-locked-ase-443 at priority 299 to firewall policy"
                                + " access-policy of Azure Firewall hub-fw, with network rule allow-locked-ase-443"
                                + " (10.200.0.128/25 to 10.201.0.10/32 TCP 443) in collection"
                                + " allow-locked-ase-443."),
                r.reason());
    }

    @Test
    void aPolicyFixAvoidsTheGroupNamesOfItsPolicyAndCountsOnlyItsOwnGroupsPriorities() {
        // The policy has a group whose id names it allow-locked-ase-443 (its resource name written the ARM template
        // way, policy/group), and another policy has a group at 299: the fix's name gets -2, its priority stays 299
        // (another policy's groups are not this one's).
        String taken = ACCESS_POLICY + "/ruleCollectionGroups/allow-locked-ase-443";
        Consumer<ArrayNode> edit = withPolicy(
                        ACCESS_POLICY, "hub-firewall-access-policy.json", "hub-firewall-policy.json")
                .andThen(doc -> {
                    ((ArrayNode) named(doc, "access-policy").path("properties").path("ruleCollectionGroups"))
                            .addObject()
                            .put("id", taken);
                    doc.add(node(
                            """
                            {"id": "%s", "name": "access-policy/allow-locked-ase-443",
                             "type": "Microsoft.Network/firewallPolicies/ruleCollectionGroups",
                             "properties": {"priority": 250, "ruleCollections": [{
                              "ruleCollectionType": "FirewallPolicyFilterRuleCollection", "name": "other",
                              "priority": 100, "action": {"type": "Allow"}, "rules": [{"ruleType": "NetworkRule",
                              "name": "other-port", "ipProtocols": ["TCP"], "sourceAddresses": ["10.200.0.0/24"],
                              "destinationAddresses": ["10.201.0.0/24"], "destinationPorts": ["9999"]}]}]}}"""
                                    .formatted(taken)));
                    ((ObjectNode) named(doc, "org-guardrails").path("properties")).put("priority", 299);
                });
        RequiredAccess r = ask(edit, "api-nic", 443);
        FirewallRuleFix f = r.firewallFixes().get(0);
        assertEquals(Optional.of("allow-locked-ase-443-2"), f.ruleCollectionGroup());
        assertEquals("allow-locked-ase-443-2", f.name());
        assertEquals(Optional.of(299), f.groupPriority());
        assertEquals(Optional.of(true), r.verified());
    }

    @Test
    void theGroupToComeBeforeIsTheOneHoldingTheDenyingRuleNotAnotherCollectionOfTheSameName() {
        // early-guards (group 250) has a deny collection named and prioritised like guardrails' (back-half-quarantine,
        // 100) whose rule is for port 9999: the rule that denies is guardrails' (300), so the fix goes at 299.
        Consumer<ArrayNode> edit = withPolicy(ACCESS_POLICY, "hub-firewall-access-policy.json")
                .andThen(doc -> doc.insert(
                        0,
                        node(
                                """
                                {"id": "%s/ruleCollectionGroups/early-guards", "name": "early-guards",
                                 "type": "Microsoft.Network/firewallPolicies/ruleCollectionGroups",
                                 "properties": {"priority": 250, "ruleCollections": [{
                                  "ruleCollectionType": "FirewallPolicyFilterRuleCollection",
                                  "name": "back-half-quarantine", "priority": 100, "action": {"type": "Deny"},
                                  "rules": [{"ruleType": "NetworkRule", "name": "other-port", "ipProtocols": ["TCP"],
                                  "sourceAddresses": ["10.200.0.0/24"], "destinationAddresses": ["*"],
                                  "destinationPorts": ["9999"]}]}]}}"""
                                        .formatted(ACCESS_POLICY))));
        RequiredAccess r = ask(edit, "api-nic", 443);
        FirewallRuleFix f = r.firewallFixes().get(0);
        assertEquals(List.of("back-half-quarantine/no-back-half-to-spoke2 (priority 100)"), f.overrides());
        assertEquals(Optional.of(299), f.groupPriority());
        assertEquals(Optional.of(true), r.verified());
    }

    @Test
    void anApplicationRuleThatDeniesNeedsNoPlaceBeforeItNetworkRulesComeFirst() {
        // web-guards (group 250) denies HTTP on 80 to every FQDN by an application rule. Azure Firewall processes
        // every network rule before any application rule, so the new group need not come before 250: 65000.
        Consumer<ArrayNode> edit = withPolicy(ACCESS_POLICY, "hub-firewall-access-policy.json")
                .andThen(doc -> doc.add(node(
                        """
                        {"id": "%s/ruleCollectionGroups/web-guards", "name": "web-guards",
                         "type": "Microsoft.Network/firewallPolicies/ruleCollectionGroups",
                         "properties": {"priority": 250, "ruleCollections": [{
                          "ruleCollectionType": "FirewallPolicyFilterRuleCollection", "name": "no-plain-http",
                          "priority": 100, "action": {"type": "Deny"}, "rules": [{"ruleType": "ApplicationRule",
                          "name": "all-http", "protocols": [{"protocolType": "Http", "port": 80}],
                          "sourceAddresses": ["10.200.0.0/24"], "targetFqdns": ["*"]}]}]}}"""
                                .formatted(ACCESS_POLICY))));
        RequiredAccess r = ask(edit, "hubfw-partner", 80);
        assertEquals(Verdict.DENIED, r.verdict());
        FirewallRuleFix f = r.firewallFixes().get(0);
        assertEquals(List.of("no-plain-http/all-http (priority 100)"), f.overrides());
        assertEquals(Optional.of(65000), f.groupPriority());
        assertEquals(Optional.of(true), r.verified());
    }

    @Test
    void aDenyingGroupAtTheLowestPriorityLeavesNoGroupPriorityFree() {
        Consumer<ArrayNode> edit = withPolicy(ACCESS_POLICY, "hub-firewall-access-policy.json")
                .andThen(doc -> ((ObjectNode) named(doc, "guardrails").path("properties")).put("priority", 100));
        RequiredAccess r = ask(edit, "api-nic", 443);
        FirewallRuleFix f = r.firewallFixes().get(0);
        assertEquals(Optional.empty(), f.groupPriority());
        assertEquals(Optional.empty(), f.collectionPriority());
        assertEquals(
                Optional.of("no rule collection group priority between 100 and 99 is free to come before"
                        + " back-half-quarantine/no-back-half-to-spoke2 (priority 100); change or remove that rule"
                        + " instead."),
                f.problem());
        assertEquals(Optional.of(false), r.verified());
    }

    @Test
    void aDenyInAParentPolicyGetsAFixWithAProblemNamingTheParentsRule() {
        // hub-policy (child of org-base): org-base denies 10.200.0.0/26 everywhere, hub-policy admits 10.200.0.0/25
        // to the API; the back half meets the implicit deny.
        RequiredAccess r = ask(withPolicy(HUB_POLICY, "hub-firewall-policy.json"), "api-nic", 443);
        assertEquals(Verdict.PARTIAL, r.verdict());
        assertEquals(2, r.firewallFixes().size());
        FirewallRuleFix own = r.firewallFixes().get(0);
        assertEquals(Optional.of(ResourceId.of(HUB_POLICY)), own.policy());
        assertEquals(List.of("10.200.0.128/25"), own.sourceAddresses());
        // Only the implicit deny is the policy's own: the largest group priority.
        assertEquals(Optional.of(65000), own.groupPriority());
        assertEquals(Optional.empty(), own.problem());
        FirewallRuleFix parent = r.firewallFixes().get(1);
        assertEquals(List.of("10.200.0.0/26"), parent.sourceAddresses());
        assertEquals(Optional.empty(), parent.collectionPriority());
        assertEquals(Optional.empty(), parent.groupPriority());
        assertEquals(
                List.of("quarantine/quarantined-workers (priority 1000) of parent policy org-base"),
                parent.overrides());
        String problem = "10.200.0.0/26 is denied by quarantine/quarantined-workers (priority 1000) of parent policy"
                + " org-base, whose rules come before every rule of hub-policy, so no rule added to hub-policy can"
                + " admit it; change that rule in the parent policy.";
        assertEquals(Optional.of(problem), parent.problem());
        assertEquals(Optional.empty(), FirewallRuleFixFormats.azCli(parent));
        // The rule that can be added is not enough: the parent's deny stays.
        assertEquals(Optional.of(false), r.verified());
        assertTrue(
                r.reason().contains(" No rule can be added to Azure Firewall hub-fw for 10.200.0.0/26: " + problem),
                r.reason());
    }

    @Test
    void aFirewallThatCannotDecideGetsNoRuleAndTheReasonSaysWhy() {
        // An application rule by FQDN on 8443 may match a call to an address: whether it does cannot be told.
        RequiredAccess r = ask(withPolicy(ACCESS_POLICY, "hub-firewall-access-policy.json"), "hubfw-partner", 8443);
        assertEquals(Verdict.UNDETERMINED, r.verdict());
        assertEquals(List.of(), r.firewallFixes());
        assertEquals(List.of(), r.fixes());
        assertEquals(Optional.empty(), r.verified());
        assertTrue(r.reason().contains(" Azure Firewall hub-fw cannot decide 10.200.0.0/24 ("), r.reason());
        assertTrue(r.reason().contains("partner-by-name"), r.reason());
        assertTrue(
                r.reason()
                        .endsWith("), so no firewall rule is proposed for it: whether one is needed cannot be"
                                + " told."),
                r.reason());
    }

    @Test
    void anNsgFixInFrontOfAFirewallThatCannotDecideIsNotVerified() {
        // The egress NSG denies 8443 out to everything; behind it the firewall cannot decide 8443 to an address. The
        // NSG's fix gets a free priority, yet the flow analysed again with it is still not allowed.
        Consumer<ArrayNode> edit = withPolicy(ACCESS_POLICY, "hub-firewall-access-policy.json")
                .andThen(doc -> egressNsg(doc, "*", "*", 8443));
        RequiredAccess r = ask(edit, "hubfw-partner", 8443);
        assertEquals(Verdict.DENIED, r.verdict());
        assertEquals(1, r.fixes().size());
        RuleFix f = r.fixes().get(0);
        assertEquals("ase-egress-nsg", f.nsgName());
        assertEquals(Direction.OUTBOUND, f.direction());
        assertEquals(Optional.of(299), f.priority());
        // Only a source-side fix: it is also the one handed out as the destination's.
        assertEquals(Optional.of(f), r.destinationFix());
        assertEquals(List.of(), r.firewallFixes());
        assertTrue(r.reason().contains("Azure Firewall hub-fw cannot decide 10.200.0.0/24"), r.reason());
        assertEquals(Optional.of(false), r.verified());
    }
}
