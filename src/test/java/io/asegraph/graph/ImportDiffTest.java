package io.asegraph.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asegraph.estate.Estate;
import io.asegraph.importing.ImportParser;
import io.asegraph.importing.KnownResources;
import io.asegraph.importing.ParsedDocument;
import io.asegraph.policy.NetworkSecurityGroup;
import io.asegraph.policy.PolicySet;
import io.asegraph.policy.PolicyTypes;
import io.asegraph.topology.NetworkTypes;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.ResourceKind;
import io.asegraph.topology.Topology;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Classifying a document against a snapshot: created, updated, unchanged, removed; normal forms; etags; ASE addresses. */
class ImportDiffTest {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String NET =
            "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ase-rg/providers/Microsoft.Network";
    static final int REFERENCE_RESOURCES = 19;

    static ArrayNode reference() throws Exception {
        return (ArrayNode) MAPPER.readTree(Files.readString(Path.of("graph-seed/reference-topology.az.json")));
    }

    static ParsedDocument parse(JsonNode doc) {
        return parse(doc, Estate.empty());
    }

    /** Parsed as the importer parses: references resolved against the snapshot too. */
    static ParsedDocument parse(JsonNode doc, Estate estate) {
        ParsedDocument d = ImportParser.parse(doc.toString(), KnownResources.of(estate.topology(), estate.policies()));
        assertEquals(List.of(), d.problems());
        return d;
    }

    /** The snapshot a store holding exactly {@code d} would load. */
    static Estate estateOf(ParsedDocument d) {
        return new Estate(Topology.of(d.resources()), PolicySet.of(d.resources()), 1);
    }

    static void set(JsonNode doc, String pointer, String json) throws Exception {
        JsonPointer p = JsonPointer.compile(pointer);
        ((ObjectNode) doc.at(p.head())).set(p.last().getMatchingProperty(), MAPPER.readTree(json));
    }

    static ImportDiff.Result diff(JsonNode doc, Estate estate) {
        AtomicInteger n = new AtomicInteger();
        return ImportDiff.of(parse(doc, estate), estate, () -> "W/\"etag-" + n.incrementAndGet() + "\"");
    }

    @Test
    void everythingIsCreatedInAnEmptyGraphAndNsgsGetEtagsOfTheService() throws Exception {
        ImportDiff.Result r = diff(reference(), Estate.empty());
        assertEquals(REFERENCE_RESOURCES, r.created());
        assertEquals(0, r.updated() + r.unchanged() + r.removed());
        assertEquals(REFERENCE_RESOURCES, r.batch().size());
        assertEquals(
                List.of("W/\"etag-1\"", "W/\"etag-2\""),
                r.batch().of(PolicyTypes.NETWORK_SECURITY_GROUP).stream()
                        .map(n -> n.etag())
                        .toList());
    }

    @Test
    void theSameDocumentAgainIsUnchangedAndWritesNothing() throws Exception {
        ImportDiff.Result r = diff(reference(), estateOf(parse(reference())));
        assertEquals(REFERENCE_RESOURCES, r.unchanged());
        assertEquals(0, r.created() + r.updated() + r.removed());
        assertTrue(r.batch().isEmpty());
    }

    @Test
    void orderOfRulesRoutesAndReferencesAndTheIncomingEtagDoNotCount() throws Exception {
        ArrayNode doc = reference();
        ArrayNode rules = (ArrayNode) doc.at("/1/properties/securityRules");
        rules.insert(0, rules.remove(2));
        ((ObjectNode) doc.get(1)).put("etag", "W/\"something-else\"");
        ImportDiff.Result r = diff(doc, estateOf(parse(reference())));
        assertEquals(REFERENCE_RESOURCES, r.unchanged());
        assertTrue(r.batch().isEmpty());
    }

    @Test
    void aChangedRuleUpdatesItsNsgWithANewEtag() throws Exception {
        ArrayNode doc = reference();
        set(doc, "/2/properties/securityRules/0/properties/destinationPortRange", "\"1434\"");
        Estate before = estateOf(parse(reference()));
        ImportDiff.Result r = diff(doc, before);
        assertEquals(1, r.updated());
        assertEquals(REFERENCE_RESOURCES - 1, r.unchanged());
        assertEquals(1, r.batch().size());
        NetworkSecurityGroup written =
                r.batch().of(PolicyTypes.NETWORK_SECURITY_GROUP).get(0);
        assertEquals("db-nsg", written.name());
        assertNotEquals(before.policies().nsg(written.id()).orElseThrow().etag(), written.etag());
    }

    @Test
    void subnetsAndPeeringsAVnetNoLongerListsAreRemoved() throws Exception {
        ArrayNode withPeering = reference();
        ((ArrayNode) withPeering.at("/0/properties/virtualNetworkPeerings"))
                .add(MAPPER.readTree(
                        """
                {"name": "to-self", "properties": {"peeringState": "Connected", "remoteVirtualNetwork": {"id": "%s/virtualNetworks/ase-vnet"}}}"""
                                .formatted(NET)));
        Estate before = estateOf(parse(withPeering));
        ArrayNode doc = reference();
        ((ArrayNode) doc.at("/0/properties/subnets")).remove(3); // GatewaySubnet: its gateway is not in this document
        JsonNode vnetOnly = doc.get(0);
        ImportDiff.Result r = diff(vnetOnly, before);
        assertEquals(2, r.removed());
        assertEquals(
                Set.of(ResourceId.of(NET + "/virtualNetworks/ase-vnet/subnets/GatewaySubnet")),
                r.batch().removals().get(ResourceKind.SUBNET));
        assertEquals(
                Set.of(ResourceId.of(NET + "/virtualNetworks/ase-vnet/virtualNetworkPeerings/to-self")),
                r.batch().removals().get(ResourceKind.PEERING));
        assertEquals(4, r.unchanged()); // the VNet and its three remaining subnets
    }

    @Test
    void anAseWithoutAddressesKeepsTheStoredOnes() throws Exception {
        Estate before = estateOf(parse(reference()));
        ArrayNode doc = reference();
        ((ObjectNode) doc.at("/8/properties")).remove("addresses");
        ImportDiff.Result r = diff(doc.get(8), before);
        assertEquals(1, r.unchanged());
        assertTrue(r.batch().isEmpty());
        assertTrue(r.notes().get(0).contains("ase-one"), r.notes()::toString);

        set(doc, "/8/properties/internalLoadBalancingMode", "\"Web\"");
        ImportDiff.Result changed = diff(doc.get(8), before);
        assertEquals(1, changed.updated());
        assertEquals(
                before.topology().environments().iterator().next().publicVip(),
                changed.batch().of(NetworkTypes.APP_SERVICE_ENVIRONMENT).get(0).publicVip());
    }

    @Test
    void anAseWithEmptyAddressesIsReplacedExactly() throws Exception {
        Estate before = estateOf(parse(reference()));
        ArrayNode doc = reference();
        set(doc, "/8/properties/addresses", "{\"outboundIpAddresses\": []}");
        ImportDiff.Result r = diff(doc.get(8), before);
        assertEquals(1, r.updated());
        assertTrue(r.batch()
                .of(NetworkTypes.APP_SERVICE_ENVIRONMENT)
                .get(0)
                .publicVip()
                .isEmpty());
    }
}
