package io.asegraph.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.policy.NetworkSecurityGroup;
import io.asegraph.policy.PolicyTypes;
import io.asegraph.topology.NetworkTypes;
import io.asegraph.topology.RouteTable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Writing an NSG or a route table back as az JSON reads back to the same records; edits land where promised. */
class AzJsonTest {
    static final ParsedDocument REFERENCE = ImportParser.parse(Docs.text(Docs.reference()));

    static NetworkSecurityGroup dbNsg() {
        return REFERENCE.of(PolicyTypes.NETWORK_SECURITY_GROUP).stream()
                .filter(n -> n.name().equals("db-nsg"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void anNsgWrittenAsAzJsonParsesBackToTheSameRecord() {
        for (NetworkSecurityGroup nsg : REFERENCE.of(PolicyTypes.NETWORK_SECURITY_GROUP)) {
            ParsedDocument back = ImportParser.parse(AzJson.nsg(nsg).toString());
            assertEquals(List.of(), back.problems());
            assertEquals(List.of(nsg), back.of(PolicyTypes.NETWORK_SECURITY_GROUP));
        }
    }

    @Test
    void aRouteTableWrittenAsAzJsonParsesBackToTheSameRecord() {
        RouteTable t = REFERENCE.of(NetworkTypes.ROUTE_TABLE).get(0);
        ParsedDocument back = ImportParser.parse(AzJson.routeTable(t).toString());
        assertEquals(List.of(t), back.of(NetworkTypes.ROUTE_TABLE));
    }

    @Test
    void puttingARuleReplacesTheRuleOfTheSameNameCaseInsensitivelyAndPutsItLast() {
        NetworkSecurityGroup nsg = dbNsg();
        AzJson.Edit edit = AzJson.nsgWithRule(
                nsg,
                Map.of(
                        "name",
                        "ALLOW-SQL-FROM-ASE-ONE",
                        "priority",
                        150,
                        "direction",
                        "Inbound",
                        "access",
                        "Allow",
                        "protocol",
                        "Tcp",
                        "sourceAddressPrefixes",
                        List.of("10.0.1.0/26"),
                        "sourcePortRanges",
                        List.of("*"),
                        "destinationAddressPrefixes",
                        List.of("*"),
                        "destinationPortRanges",
                        List.of("1433")));
        assertEquals(Optional.of("$.properties.securityRules[1]"), edit.editedLocation());
        NetworkSecurityGroup back = ImportParser.parse(edit.json())
                .of(PolicyTypes.NETWORK_SECURITY_GROUP)
                .get(0);
        assertEquals(
                List.of("deny-sql-from-vnet", "ALLOW-SQL-FROM-ASE-ONE"),
                back.rules().stream().map(r -> r.name()).toList());
        assertEquals(150, back.rules().get(1).priority());
    }

    @Test
    void problemsOfTheEditedRuleAreRelocatedToTheCallersNameWithoutPositions() {
        AzJson.Edit edit = AzJson.nsgWithRule(
                dbNsg(),
                Map.of(
                        "name",
                        "bad",
                        "priority",
                        99,
                        "direction",
                        "Inbound",
                        "access",
                        "Allow",
                        "protocol",
                        "Tcp",
                        "sourcePortRanges",
                        List.of("*"),
                        "destinationAddressPrefixes",
                        List.of("*"),
                        "destinationPortRanges",
                        List.of("1433"),
                        "sourceAddressPrefixes",
                        List.of("10.0.1.0/33")));
        List<ImportProblem> problems =
                edit.relocate(ImportParser.parse(edit.json()).problems(), "rule");
        assertEquals(
                List.of("rule.priority", "rule.sourceAddressPrefixes[0]"),
                problems.stream().map(ImportProblem::location).sorted().toList());
        assertTrue(problems.stream().allMatch(p -> p.position().isEmpty()));
    }

    @Test
    void removingAnUnknownRuleOrRouteIsEmpty() {
        assertEquals(Optional.empty(), AzJson.nsgWithoutRule(dbNsg(), "nope"));
        assertEquals(
                Optional.empty(),
                AzJson.routeTableWithoutRoute(
                        REFERENCE.of(NetworkTypes.ROUTE_TABLE).get(0), "nope"));
        assertTrue(AzJson.nsgWithoutRule(dbNsg(), "DENY-SQL-FROM-VNET").isPresent());
    }
}
