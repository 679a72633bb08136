package io.asegraph.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.asegraph.estate.Estate;
import io.asegraph.policy.NetworkSecurityGroup;
import io.asegraph.policy.PolicyTypes;
import io.asegraph.topology.NetworkTypes;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.ResourceKind;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a delete takes with it, on the reference topology (plus an ASG named by rules for the last case). */
class DeletePlanTest {
    static final String NET = ImportDiffTest.NET;
    static final String WEB =
            "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ase-rg/providers/Microsoft.Web";

    static Estate reference() throws Exception {
        return ImportDiffTest.estateOf(ImportDiffTest.parse(ImportDiffTest.reference()));
    }

    static DeletePlan.Result plan(Estate e, String id, ResourceKind kind) {
        return DeletePlan.of(e, ResourceId.of(id), kind, () -> "W/\"new\"");
    }

    @Test
    void anAseTakesItsAppsAndNamesThemAsReferences() throws Exception {
        DeletePlan.Result r =
                plan(reference(), WEB + "/hostingEnvironments/ase-one", ResourceKind.APP_SERVICE_ENVIRONMENT);
        assertEquals(
                List.of(
                        ResourceId.of(WEB + "/hostingEnvironments/ase-one"),
                        ResourceId.of(WEB + "/sites/app1"),
                        ResourceId.of(WEB + "/sites/app2")),
                r.deleted());
        assertEquals(2, r.references().size(), r.references()::toString);
        assertTrue(r.detached().isEmpty());
    }

    @Test
    void aVnetTakesItsSubnetsWithoutCountingThemAsReferencesButTheirResidentsAndGatewaysAre() throws Exception {
        DeletePlan.Result r = plan(reference(), NET + "/virtualNetworks/ase-vnet", ResourceKind.VIRTUAL_NETWORK);
        assertEquals(
                Set.of(
                        ResourceKind.VIRTUAL_NETWORK,
                        ResourceKind.SUBNET,
                        ResourceKind.APP_SERVICE_ENVIRONMENT,
                        ResourceKind.APP,
                        ResourceKind.NETWORK_INTERFACE,
                        ResourceKind.VIRTUAL_NETWORK_GATEWAY,
                        ResourceKind.CONNECTION),
                r.batch().removals().keySet());
        assertEquals(4, r.batch().removals().get(ResourceKind.SUBNET).size());
        // 2 ASEs, 3 apps, the NIC, the gateway and its connection; subnets are parts, not references
        assertEquals(8, r.references().size(), r.references()::toString);
        assertTrue(r.references().stream().noneMatch(s -> s.startsWith("subnet")), r.references()::toString);
    }

    @Test
    void anNsgInUseIsDetachedFromItsNicAndTheLocalGatewayFromItsConnection() throws Exception {
        DeletePlan.Result nsg =
                plan(reference(), NET + "/networkSecurityGroups/db-nsg", ResourceKind.NETWORK_SECURITY_GROUP);
        assertEquals(List.of(ResourceId.of(NET + "/networkInterfaces/db-vm-nic")), nsg.detached());
        assertTrue(nsg.batch().of(NetworkTypes.NETWORK_INTERFACE).get(0).nsgId().isEmpty());
        DeletePlan.Result site =
                plan(reference(), NET + "/localNetworkGateways/onprem-site", ResourceKind.LOCAL_NETWORK_GATEWAY);
        assertEquals(
                List.of(
                        ResourceId.of(NET + "/localNetworkGateways/onprem-site"),
                        ResourceId.of(NET + "/connections/ase-vnet-to-onprem")),
                site.deleted());
    }

    @Test
    void anAsgLeavesRulesThatNamedItAndRemovesARuleLeftWithoutASource() throws Exception {
        ArrayNode doc = ImportDiffTest.reference();
        String asg = NET + "/applicationSecurityGroups/web-asg";
        doc.add(ImportDiffTest.MAPPER.readTree(
                """
                {"name": "web-asg", "id": "%s", "type": "Microsoft.Network/applicationSecurityGroups", "location": "westus"}"""
                        .formatted(asg)));
        ArrayNode rules = (ArrayNode) doc.at("/2/properties/securityRules");
        rules.add(ImportDiffTest.MAPPER.readTree(
                """
                {"name": "only-asg", "properties": {"priority": 300, "direction": "Inbound", "access": "Deny", "protocol": "Tcp",
                 "sourceApplicationSecurityGroups": [{"id": "%s"}], "sourcePortRange": "*", "destinationAddressPrefix": "*",
                 "destinationPortRange": "22"}}"""
                        .formatted(asg)));
        rules.add(ImportDiffTest.MAPPER.readTree(
                """
                {"name": "asg-and-prefix", "properties": {"priority": 400, "direction": "Inbound", "access": "Allow", "protocol": "Tcp",
                 "sourceApplicationSecurityGroups": [{"id": "%s"}], "sourceAddressPrefix": "10.0.1.0/26", "sourcePortRange": "*",
                 "destinationAddressPrefix": "*", "destinationPortRange": "80"}}"""
                        .formatted(asg)));
        DeletePlan.Result r =
                plan(ImportDiffTest.estateOf(ImportDiffTest.parse(doc)), asg, ResourceKind.APPLICATION_SECURITY_GROUP);
        NetworkSecurityGroup db =
                r.batch().of(PolicyTypes.NETWORK_SECURITY_GROUP).get(0);
        assertEquals(
                List.of("allow-sql-from-ase-one", "deny-sql-from-vnet", "asg-and-prefix"),
                db.rules().stream().map(x -> x.name()).toList());
        assertTrue(db.rules().get(2).sourceAsgs().isEmpty());
        assertEquals("W/\"new\"", db.etag());
        assertEquals(2, r.references().size(), r.references()::toString);
    }
}
