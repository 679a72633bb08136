package io.asegraph.importing;

import static io.asegraph.importing.Docs.assertProblem;
import static io.asegraph.importing.Docs.onlyProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asegraph.net.Cidr;
import io.asegraph.net.Ipv4;
import io.asegraph.net.PortRange;
import io.asegraph.policy.PolicyTypes;
import io.asegraph.policy.SecurityRule;
import io.asegraph.topology.NetworkTypes;
import io.asegraph.topology.Peering;
import io.asegraph.topology.PeeringState;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.ResourceSet;
import io.asegraph.topology.Subnet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The document shapes importResources accepts, and the ones it rejects. */
class InputShapesTest {
    static final ParsedDocument REFERENCE = Docs.parse(Docs.reference());

    /** The records of a result, problems and warnings aside. */
    static ResourceSet records(ParsedDocument d) {
        return d.resources();
    }

    @Test
    void readsAnObjectWithAValueArrayLikeAnArray() {
        ObjectNode list = Docs.MAPPER.createObjectNode();
        list.set("value", Docs.reference());
        list.put("nextLink", (String) null);
        assertEquals(REFERENCE, Docs.parse(list));
    }

    @Test
    void readsOneResourceOnItsOwn() {
        ParsedDocument d = ImportParser.parse(Docs.text(Docs.reference().get(2)), KnownResources.NONE);
        assertEquals(List.of(), d.problems());
        assertEquals(
                List.of(REFERENCE.of(PolicyTypes.NETWORK_SECURITY_GROUP).get(1)),
                d.of(PolicyTypes.NETWORK_SECURITY_GROUP));
    }

    @Test
    void flattensNestedListsFromConcatenatedOutputs() {
        ArrayNode ref = Docs.reference();
        ArrayNode outer = Docs.MAPPER.createArrayNode();
        ArrayNode first = outer.addArray();
        ObjectNode second = outer.addObject();
        ArrayNode secondValue = second.putArray("value");
        for (int i = 0; i < ref.size(); i++) {
            (i < 5 ? first : secondValue).add(ref.get(i));
        }
        ParsedDocument d = Docs.parse(outer);
        assertEquals(List.of(), d.problems());
        assertEquals(records(REFERENCE), records(d));
    }

    @Test
    void readsTheFlattenedShapeOfAzNetworkCommandsLikeTheNestedOne() {
        JsonNode flat = Docs.flatten(Docs.reference());
        assertTrue(flat.get(1).path("securityRules").get(0).has("priority"), "the fixture is really flattened");
        ParsedDocument d = Docs.parse(flat);
        assertEquals(List.of(), d.problems());
        assertEquals(records(REFERENCE), records(d));
    }

    @Test
    void reportsLocationsWithoutPropertiesInTheFlattenedShape() {
        JsonNode flat = Docs.edit(Docs.flatten(Docs.reference()), "/1/securityRules/1/priority=5000");
        assertProblem(onlyProblem(Docs.parse(flat)), "$[1].securityRules[1].priority", "priority 5000");
    }

    @Test
    void matchesResourceTypesCaseInsensitively() {
        JsonNode doc = Docs.edit(Docs.reference(), "/0/type=\"microsoft.network/VIRTUALNETWORKS\"");
        assertEquals(REFERENCE.of(NetworkTypes.VIRTUAL_NETWORK), Docs.parse(doc).of(NetworkTypes.VIRTUAL_NETWORK));
    }

    @Test
    void readsStandaloneSubnetsAndPeeringsWithTheirVnetFromTheirId() {
        String vnet = Docs.VNET;
        JsonNode doc = Docs.json(
                """
                [
                  {"id": "%1$s", "name": "ase-vnet", "type": "Microsoft.Network/virtualNetworks",
                   "properties": {"addressSpace": {"addressPrefixes": ["10.0.0.0/16"]}}},
                  {"id": "%1$s/subnets/web", "name": "web", "type": "Microsoft.Network/virtualNetworks/subnets",
                   "addressPrefix": "10.0.4.0/24"},
                  {"id": "%1$s/virtualNetworkPeerings/self", "name": "self",
                   "type": "Microsoft.Network/virtualNetworks/virtualNetworkPeerings",
                   "remoteVirtualNetwork": {"id": "%1$s"}, "peeringState": "Initiated", "useRemoteGateways": true}
                ]"""
                        .formatted(vnet));
        ParsedDocument d = Docs.parse(doc);
        assertEquals(List.of(), d.problems());
        ResourceId v = ResourceId.of(vnet);
        assertEquals(
                List.of(new Subnet(
                        ResourceId.of(vnet + "/subnets/web"),
                        "web",
                        v,
                        Cidr.parseBlock("10.0.4.0/24"),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty())),
                d.of(NetworkTypes.SUBNET));
        assertEquals(
                List.of(new Peering(
                        ResourceId.of(vnet + "/virtualNetworkPeerings/self"),
                        "self",
                        v,
                        v,
                        PeeringState.INITIATED,
                        false,
                        true,
                        false)),
                d.of(NetworkTypes.PEERING));
    }

    @Test
    void reportsAStandaloneSubnetWhoseIdNamesNoVnet() {
        JsonNode doc = Docs.json(
                """
                [{"id": "/subscriptions/s/subnets/web", "name": "web", "type": "Microsoft.Network/virtualNetworks/subnets",
                  "addressPrefix": "10.0.4.0/24"}]""");
        assertProblem(
                onlyProblem(Docs.parse(doc)), "$[0].id", "does not have the shape <virtual network id>/subnets/<name>");
    }

    @Test
    void reportsAStandaloneSubnetOfAnUnknownVnet() {
        JsonNode doc = Docs.json(
                """
                [{"id": "%s/subnets/web", "name": "web", "type": "Microsoft.Network/virtualNetworks/subnets",
                  "addressPrefix": "10.0.4.0/24"}]"""
                        .formatted(Docs.VNET));
        assertProblem(
                onlyProblem(Docs.parse(doc)),
                "$[0].id",
                "virtual network of subnet id '" + Docs.VNET + "'",
                "neither in this document nor in the graph");
    }

    @Test
    void mergesSingularAndPluralRuleFieldsAndTakesPluralOnlyValuesExactly() {
        JsonNode doc = Docs.edit(
                Docs.reference(),
                String.join(
                        " && ",
                        "/1/properties/securityRules/1/properties/sourceAddressPrefix=null",
                        "/1/properties/securityRules/1/properties/sourceAddressPrefixes=[\"1.2.3.4/32\",\"5.6.7.0/24\"]",
                        "/1/properties/securityRules/1/properties/destinationAddressPrefix=\"10.0.1.64/26\"",
                        "/1/properties/securityRules/1/properties/destinationAddressPrefixes=[\"10.0.2.4\"]",
                        "/1/properties/securityRules/1/properties/destinationPortRange=null",
                        "/1/properties/securityRules/1/properties/destinationPortRanges=[\"80\",\"8080-8081\"]"));
        SecurityRule rule = Docs.parse(doc)
                .of(PolicyTypes.NETWORK_SECURITY_GROUP)
                .get(0)
                .rules()
                .get(1);
        assertEquals(List.of("1.2.3.4/32", "5.6.7.0/24"), rule.sourcePrefixes());
        assertEquals(List.of("10.0.1.64/26", "10.0.2.4"), rule.destinationPrefixes());
        assertEquals(List.of(PortRange.single(80), new PortRange(8080, 8081)), rule.destinationPorts());
    }

    @Test
    void readsApplicationSecurityGroupsOnRulesAndNics() {
        String asg = Docs.NET + "/applicationSecurityGroups/db-servers";
        JsonNode doc = Docs.edit(
                Docs.reference(),
                String.join(
                        " && ",
                        "/15={\"id\":\"" + asg
                                + "\",\"name\":\"db-servers\",\"type\":\"Microsoft.Network/applicationSecurityGroups\"}",
                        "/2/properties/securityRules/0/properties/destinationAddressPrefix=null",
                        "/2/properties/securityRules/0/properties/destinationApplicationSecurityGroups=[{\"id\":\""
                                + asg + "\"}]",
                        "/4/properties/ipConfigurations/0/properties/applicationSecurityGroups=[{\"id\":\"" + asg
                                + "\"}]"));
        ParsedDocument d = Docs.parse(doc);
        assertEquals(List.of(), d.problems());
        assertEquals(
                List.of(ResourceId.of(asg)),
                d.of(PolicyTypes.NETWORK_SECURITY_GROUP).get(1).rules().get(0).destinationAsgs());
        assertEquals(
                List.of(),
                d.of(PolicyTypes.NETWORK_SECURITY_GROUP).get(1).rules().get(0).destinationPrefixes());
        assertEquals(
                List.of(ResourceId.of(asg)),
                d.of(NetworkTypes.NETWORK_INTERFACE).get(0).asgIds());
        assertEquals(
                "db-servers",
                d.of(PolicyTypes.APPLICATION_SECURITY_GROUP).get(0).name());
    }

    @Test
    void readsNatGatewaysAndPublicIpsAndTheNicPublicIp() {
        String pip = Docs.NET + "/publicIPAddresses/nat-ip";
        String nat = Docs.NET + "/natGateways/nat";
        JsonNode doc = Docs.edit(
                Docs.reference(),
                String.join(
                        " && ",
                        "/15={\"id\":\"" + pip
                                + "\",\"name\":\"nat-ip\",\"type\":\"Microsoft.Network/publicIPAddresses\","
                                + "\"properties\":{\"ipAddress\":\"52.1.2.3\",\"publicIPAllocationMethod\":\"Static\"}}",
                        "/16={\"id\":\"" + nat + "\",\"name\":\"nat\",\"type\":\"Microsoft.Network/natGateways\","
                                + "\"properties\":{\"publicIpAddresses\":[{\"id\":\"" + pip + "\"}]}}",
                        "/0/properties/subnets/2/properties/natGateway={\"id\":\"" + nat + "\"}",
                        "/4/properties/ipConfigurations/0/properties/publicIPAddress={\"id\":\"" + pip + "\"}"));
        ParsedDocument d = Docs.parse(doc);
        assertEquals(List.of(), d.problems());
        assertEquals(
                Optional.of(Ipv4.parse("52.1.2.3")),
                d.of(NetworkTypes.PUBLIC_IP_ADDRESS).get(0).ipAddress());
        assertEquals(
                List.of(ResourceId.of(pip)),
                d.of(NetworkTypes.NAT_GATEWAY).get(0).publicIpIds());
        assertEquals(
                Optional.of(ResourceId.of(nat)),
                d.of(NetworkTypes.SUBNET).get(2).natGatewayId());
        assertEquals(
                List.of(ResourceId.of(pip)),
                d.of(NetworkTypes.NETWORK_INTERFACE).get(0).publicIpIds());
    }

    @Test
    void readsAseV3SubnetIdsAndNetworkingAddresses() {
        String subnet = Docs.VNET + "/subnets/ase-one-subnet";
        JsonNode doc = Docs.edit(
                Docs.reference(),
                String.join(
                        " && ",
                        "/8/kind=\"ASEV3\"",
                        "/8/properties/virtualNetwork={\"id\":\"" + subnet + "\",\"subnet\":\"ase-one-subnet\"}",
                        "/8/properties/internalLoadBalancingMode=\"Web, Publishing\"",
                        "/8/properties/addresses=null",
                        "/8/addresses={\"internalInboundIpAddresses\":[\"10.0.1.10\"],\"windowsOutboundIpAddresses\":[\"20.1.1.1\"],"
                                + "\"linuxOutboundIpAddresses\":[\"20.1.1.1\",\"20.1.1.2\"]}"));
        ParsedDocument d = Docs.parse(doc);
        assertEquals(List.of(), d.problems());
        var ase = d.of(NetworkTypes.APP_SERVICE_ENVIRONMENT).get(0);
        assertEquals(ResourceId.of(subnet), ase.subnetId());
        assertEquals(Optional.empty(), ase.publicVip());
        assertEquals(Optional.of(Ipv4.parse("10.0.1.10")), ase.internalAddress());
        assertEquals(List.of(Ipv4.parse("20.1.1.1"), Ipv4.parse("20.1.1.2")), ase.outboundAddresses());
        assertTrue(ase.isInternal());
    }

    @Test
    void takesTheNicAddressFromThePrimaryIpConfigurationEvenWhenItIsNotFirst() {
        JsonNode doc = Docs.edit(
                Docs.reference(),
                String.join(
                        " && ",
                        "/4/properties/ipConfigurations/1=" + Docs.reference().at("/4/properties/ipConfigurations/0"),
                        "/4/properties/ipConfigurations/0={\"name\":\"second\",\"properties\":{\"primary\":false,"
                                + "\"privateIPAddress\":\"10.0.2.5\",\"subnet\":{\"id\":\"" + Docs.VNET
                                + "/subnets/db-subnet\"}}}"));
        ParsedDocument d = Docs.parse(doc);
        assertEquals(List.of(), d.problems());
        assertEquals(
                Ipv4.parse("10.0.2.4"),
                d.of(NetworkTypes.NETWORK_INTERFACE).get(0).privateIp());
    }

    @Test
    void derivesAnEndpointIdFromItsNameAndReadsFieldsUnderProperties() {
        JsonNode doc = Docs.json(
                """
                {"type": "asegraph/endpoints", "name": "partner-api",
                 "properties": {"addresses": ["203.0.113.7", "198.51.100.0/24"], "location": "North Europe"}}""");
        ParsedDocument d = Docs.parse(doc);
        assertEquals(List.of(), d.problems());
        var e = d.of(NetworkTypes.ENDPOINT).get(0);
        assertEquals(ResourceId.of("/asegraph/endpoints/partner-api"), e.id());
        assertEquals(List.of(Cidr.parseBlock("203.0.113.7/32"), Cidr.parseBlock("198.51.100.0/24")), e.addresses());
        assertEquals("northeurope", e.location());
        assertEquals(Optional.empty(), e.serviceTag());
    }

    @Test
    void reportsMalformedJsonWithLineAndColumn() {
        ImportProblem p = onlyProblem(ImportParser.parse("[\n  {\"name\": \"x\",\n   \"type\": }\n]"));
        assertEquals("$", p.location());
        assertEquals(new ImportProblem.Position(3, 12), p.position().orElseThrow());
        assertTrue(p.message().startsWith("malformed JSON at line 3, column 12: "), p.message());
    }

    @Test
    void reportsDuplicateKeysAndTrailingContentAsMalformed() {
        assertTrue(onlyProblem(ImportParser.parse("{\"name\": \"a\", \"name\": \"b\"}"))
                .message()
                .contains("Duplicate field 'name'"));
        assertTrue(onlyProblem(ImportParser.parse("[] []")).message().startsWith("malformed JSON at line 1"));
    }

    @Test
    void readsUtf8BytesWithOrWithoutAByteOrderMarkLikeTheText() throws Exception {
        byte[] utf8 = Docs.MAPPER.writeValueAsBytes(Docs.reference());
        byte[] withBom = new byte[utf8.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, withBom, 3, utf8.length);
        assertEquals(REFERENCE, ImportParser.parse(utf8, KnownResources.NONE));
        assertEquals(REFERENCE, ImportParser.parse(withBom, KnownResources.NONE));
    }

    @Test
    void reportsBytesThatAreNotUtf8AndBlankBytesAsProblems() {
        byte[] latin1 = "[{\"name\": \"caf\u00e9\"}]".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(onlyProblem(ImportParser.parse(latin1, KnownResources.NONE))
                .message()
                .startsWith("malformed JSON at line 1"));
        assertProblem(
                onlyProblem(ImportParser.parse(
                        " \n\t".getBytes(java.nio.charset.StandardCharsets.UTF_8), KnownResources.NONE)),
                "$",
                "the document is empty");
    }

    @Test
    void malformedJsonAfterValidResourcesReportsOnlyTheMalformedJson() {
        // The list is read element by element: the resources before the break must not leak into the answer.
        String json = Docs.reference().toString();
        ImportProblem p = onlyProblem(ImportParser.parse(json.substring(0, json.length() - 1) + ", {\"name\": ]"));
        assertTrue(p.message().startsWith("malformed JSON at line 1"), p.message());
        assertTrue(onlyProblem(ImportParser.parse(json + " {}")).message().contains("trailing token"));
    }

    @Test
    void locatesProblemsInsideNestedListsOfAStreamedDocument() {
        ParsedDocument d =
                ImportParser.parse("[[],\n [{\"name\": \"a\", \"type\": \"Microsoft.Network/virtualNetworks\"}]]");
        ImportProblem p = d.problems().get(0);
        assertProblem(p, "$[1][0].id", "every resource needs its Azure resource id");
        assertEquals(2, p.position().orElseThrow().line());
    }

    @Test
    void rejectsEmptyAndScalarDocumentsAndNonObjectElements() {
        assertProblem(onlyProblem(ImportParser.parse("  ")), "$", "the document is empty");
        assertProblem(
                onlyProblem(ImportParser.parse("42")), "$", "expected a JSON array of resources", "got the number 42");
        assertProblem(
                onlyProblem(ImportParser.parse("[\"vnet\"]")),
                "$[0]",
                "expected a resource object, got the string 'vnet'");
    }

    @Test
    void reportsMissingIdNameAndTypeTogether() {
        ParsedDocument d = ImportParser.parse("[{\"properties\": {}}]");
        assertEquals(
                List.of("$[0].type", "$[0].id", "$[0].name"),
                d.problems().stream().map(ImportProblem::location).toList());
    }

    @Test
    void acceptsAnEmptyList() {
        ParsedDocument d = ImportParser.parse("[]");
        assertTrue(d.isValid());
        assertEquals(0, d.resourceCount());
    }
}
