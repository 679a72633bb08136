package io.asegraph.importing;

import static io.asegraph.importing.Docs.assertProblem;
import static io.asegraph.importing.Docs.onlyProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.asegraph.net.Cidr;
import io.asegraph.policy.NetworkSecurityGroup;
import io.asegraph.policy.PolicySet;
import io.asegraph.topology.NetworkTypes;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.ResourceKind;
import io.asegraph.topology.ResourceSet;
import io.asegraph.topology.Subnet;
import io.asegraph.topology.Topology;
import io.asegraph.topology.VirtualNetwork;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** References resolved against what the graph already holds, through {@link KnownResources}. */
class KnownResourcesTest {
    static final String VNET = Docs.VNET;
    static final ResourceId VNET_ID = ResourceId.of(VNET);
    static final ResourceId NSG_ID = ResourceId.of(Docs.NET + "/networkSecurityGroups/ase-two-nsg");

    /** A graph holding the VNet with one subnet (10.0.1.0/26) and the NSG. */
    static KnownResources graph() {
        Topology topology = Topology.of(ResourceSet.builder()
                .add(
                        NetworkTypes.VIRTUAL_NETWORK,
                        new VirtualNetwork(VNET_ID, "ase-vnet", "westus", List.of(Cidr.parseBlock("10.0.0.0/16"))))
                .add(
                        NetworkTypes.SUBNET,
                        new Subnet(
                                ResourceId.of(VNET + "/subnets/ase-one-subnet"),
                                "ase-one-subnet",
                                VNET_ID,
                                Cidr.parseBlock("10.0.1.0/26"),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty()))
                .build());
        PolicySet policies = new PolicySet(
                List.of(new NetworkSecurityGroup(NSG_ID, "ase-two-nsg", "westus", "", List.of())),
                List.of(),
                List.of());
        return KnownResources.of(topology, policies);
    }

    static JsonNode subnet(String name, String prefix, String extra) {
        return Docs.json(
                """
                [{"id": "%s/subnets/%s", "name": "%s", "type": "Microsoft.Network/virtualNetworks/subnets",
                  "properties": {"addressPrefix": "%s"%s}}]"""
                        .formatted(VNET, name, name, prefix, extra));
    }

    @Test
    void resolvesReferencesToResourcesInTheGraph() {
        ParsedDocument d = Docs.parse(
                subnet("web", "10.0.4.0/24", ", \"networkSecurityGroup\": {\"id\": \"" + NSG_ID + "\"}"), graph());
        assertEquals(List.of(), d.problems());
        assertEquals(Optional.of(NSG_ID), d.of(NetworkTypes.SUBNET).get(0).nsgId());
    }

    @Test
    void resolvesIdsCaseInsensitively() {
        ParsedDocument d = Docs.parse(
                subnet(
                        "web",
                        "10.0.4.0/24",
                        ", \"networkSecurityGroup\": {\"id\": \""
                                + NSG_ID.value().toUpperCase() + "\"}"),
                graph());
        assertEquals(List.of(), d.problems());
    }

    @Test
    void reportsAReferenceToAGraphResourceOfTheWrongKind() {
        ParsedDocument d =
                Docs.parse(subnet("web", "10.0.4.0/24", ", \"routeTable\": {\"id\": \"" + NSG_ID + "\"}"), graph());
        assertProblem(
                onlyProblem(d),
                "$[0].properties.routeTable.id",
                "routeTable.id '" + NSG_ID + "' of subnet 'web'",
                "must name a route table, but the graph has a network security group with that id");
    }

    @Test
    void checksASubnetAgainstTheAddressSpaceOfAVnetInTheGraph() {
        assertProblem(
                onlyProblem(Docs.parse(subnet("web", "10.1.4.0/24", ""), graph())),
                "$[0].properties.addressPrefix",
                "addressPrefix '10.1.4.0/24' of subnet 'web' is outside the address space"
                        + " [10.0.0.0/16] of its virtual network 'ase-vnet'");
    }

    @Test
    void checksASubnetForOverlapsWithSubnetsInTheGraph() {
        assertProblem(
                onlyProblem(Docs.parse(subnet("web", "10.0.1.0/25", ""), graph())),
                "$[0].properties.addressPrefix",
                "addressPrefix '10.0.1.0/25' of subnet 'web' overlaps subnet"
                        + " 'ase-one-subnet' (10.0.1.0/26, in the graph)");
    }

    @Test
    void aSubnetRedefinedByTheDocumentDoesNotOverlapItsOldSelf() {
        assertEquals(
                List.of(),
                Docs.parse(subnet("ase-one-subnet", "10.0.1.0/25", ""), graph()).problems());
    }

    @Test
    void checksANicAddressAgainstASubnetInTheGraph() {
        JsonNode nic = Docs.json(
                """
                [{"id": "/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/networkInterfaces/n", "name": "n",
                  "type": "Microsoft.Network/networkInterfaces",
                  "ipConfigurations": [{"name": "c", "primary": true, "privateIPAddress": "10.0.1.200",
                                        "subnet": {"id": "%s/subnets/ase-one-subnet"}}]}]"""
                        .formatted(VNET));
        assertProblem(
                onlyProblem(Docs.parse(nic, graph())),
                "$[0].ipConfigurations[0].privateIPAddress",
                "privateIPAddress '10.0.1.200' of network interface 'n' is outside its subnet 'ase-one-subnet' (10.0.1.0/26)");
    }

    @Test
    void asksTheGraphOnceForAllUnresolvedReferences() {
        List<Collection<ResourceId>> calls = new ArrayList<>();
        KnownResources counting = new KnownResources() {
            @Override
            public Optional<ResourceKind> kindOf(ResourceId id) {
                throw new AssertionError("single lookups must not be used");
            }

            @Override
            public Map<ResourceId, ResourceKind> kindsOf(Collection<ResourceId> ids) {
                calls.add(List.copyOf(ids));
                return Map.of();
            }
        };
        JsonNode doc = Docs.edit(
                Docs.reference(),
                String.join(
                        " && ",
                        "/0/properties/subnets/0/properties/natGateway={\"id\":\"/s/natGateways/a\"}",
                        "/0/properties/subnets/1/properties/natGateway={\"id\":\"/s/natGateways/a\"}",
                        "/0/properties/subnets/2/properties/natGateway={\"id\":\"/s/natGateways/b\"}"));
        ParsedDocument d = Docs.parse(doc, counting);
        assertEquals(3, d.problems().size());
        assertEquals(List.of(List.of(ResourceId.of("/s/natGateways/a"), ResourceId.of("/s/natGateways/b"))), calls);
    }

    @Test
    void doesNotAskTheGraphWhenEveryReferenceIsInTheDocument() {
        KnownResources refusing = id -> {
            throw new AssertionError("no lookup expected");
        };
        assertEquals(List.of(), Docs.parse(Docs.reference(), refusing).problems());
    }

    @Test
    void mapsKindsToArmTypesAndGraphNames() {
        assertEquals(
                Optional.of(ResourceKind.SUBNET),
                ResourceKind.fromArmType("microsoft.network/virtualnetworks/SUBNETS"));
        assertEquals(
                Optional.of(ResourceKind.APP_SERVICE_ENVIRONMENT), ResourceKind.fromGraphName("AppServiceEnvironment"));
        assertEquals(Optional.empty(), ResourceKind.fromArmType("Microsoft.Compute/virtualMachines"));
        assertEquals("an App Service Environment", ResourceKind.APP_SERVICE_ENVIRONMENT.withArticle());
    }
}
