package io.asegraph.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.asegraph.net.Cidr;
import io.asegraph.net.Ipv4;
import io.asegraph.policy.PolicyTypes;
import io.asegraph.topology.NetworkTypes;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Accepted input that is not imported as written: reported as warnings with their location, never as problems. */
class WarningsTest {

    private static ImportWarning onlyWarning(ParsedDocument d) {
        assertEquals(List.of(), d.problems());
        assertEquals(1, d.warnings().size(), () -> "expected one warning, got " + d.warnings());
        return d.warnings().get(0);
    }

    @Test
    void skipsUnknownResourceTypesNamingThemAndWhere() {
        JsonNode doc = Docs.edit(
                Docs.reference(),
                "/15={\"id\":\"/subscriptions/s/resourceGroups/g/providers/"
                        + "Microsoft.Compute/virtualMachines/db-vm\",\"name\":\"db-vm\",\"type\":\"Microsoft.Compute/virtualMachines\"}");
        ParsedDocument d = Docs.parse(doc);
        ImportWarning w = onlyWarning(d);
        assertEquals("$[15]", w.location());
        assertEquals(
                "skipped resource 'db-vm' of type 'Microsoft.Compute/virtualMachines': asegraph does not import this type",
                w.message());
        assertEquals(InputShapesTest.REFERENCE.resourceCount(), d.resourceCount());
    }

    @Test
    void pointsStandaloneRulesToTheirNsg() {
        JsonNode doc = Docs.json("[{\"id\":\"/s/nsg/securityRules/r\",\"name\":\"r\","
                + "\"type\":\"Microsoft.Network/networkSecurityGroups/securityRules\"}]");
        assertTrue(onlyWarning(Docs.parse(doc))
                .message()
                .endsWith("rules are imported with their NSG (az network nsg show)"));
    }

    @Test
    void skipsAppsOutsideAnyAse() {
        JsonNode doc = Docs.edit(Docs.reference(), "/10/properties/hostingEnvironmentProfile=null");
        ParsedDocument d = Docs.parse(doc);
        ImportWarning w = onlyWarning(d);
        assertEquals("$[10]", w.location());
        assertTrue(w.message().startsWith("app 'app1' has no hostingEnvironmentProfile"));
        assertEquals(2, d.of(NetworkTypes.APP).size());
    }

    @Test
    void skipsExpressRouteConnections() {
        JsonNode doc = Docs.edit(Docs.reference(), "/7/properties/connectionType=\"ExpressRoute\"");
        ParsedDocument d = Docs.parse(doc);
        assertTrue(onlyWarning(d).message().contains("is an ExpressRoute connection and was not imported"));
        assertEquals(List.of(), d.of(NetworkTypes.CONNECTION));
    }

    @Test
    void ignoresIpv6PrefixesOfADualStackVnetAndSubnet() {
        JsonNode doc = Docs.edit(
                Docs.reference(),
                String.join(
                        " && ",
                        "/0/properties/addressSpace/addressPrefixes/1=\"ace:cab:deca::/48\"",
                        "/0/properties/subnets/2/properties/addressPrefix=null",
                        "/0/properties/subnets/2/properties/addressPrefixes=[\"10.0.2.0/24\",\"ace:cab:deca:deed::/64\"]"));
        ParsedDocument d = Docs.parse(doc);
        assertEquals(List.of(), d.problems());
        assertEquals(
                List.of(
                        "$[0].properties.addressSpace.addressPrefixes[1]",
                        "$[0].properties.subnets[2].properties.addressPrefixes[1]"),
                d.warnings().stream().map(ImportWarning::location).toList());
        assertEquals(
                List.of(Cidr.parseBlock("10.0.0.0/16")),
                d.of(NetworkTypes.VIRTUAL_NETWORK).get(0).addressSpace());
        assertEquals(
                Cidr.parseBlock("10.0.2.0/24"), d.of(NetworkTypes.SUBNET).get(2).firstPrefix());
    }

    @Test
    void dropsIpv6PrefixesFromRulesAndRulesThatOnlyNameIpv6() {
        JsonNode doc = Docs.edit(
                Docs.reference(),
                String.join(
                        " && ",
                        "/1/properties/securityRules/1/properties/sourceAddressPrefix=null",
                        "/1/properties/securityRules/1/properties/sourceAddressPrefixes=[\"192.23.1.2/32\",\"2001:db8::/32\"]",
                        "/1/properties/securityRules/2/properties/sourceAddressPrefix=\"2001:db8::1\""));
        ParsedDocument d = Docs.parse(doc);
        assertEquals(List.of(), d.problems());
        assertEquals(3, d.warnings().size(), () -> d.warnings().toString());
        assertTrue(d.warnings().get(2).message().contains("can never match an IPv4 flow; it was not imported"));
        var rules = d.of(PolicyTypes.NETWORK_SECURITY_GROUP).get(0).rules();
        assertEquals(
                List.of("ALLOW-AzureMngmt", "RESTRICT-HTTP"),
                rules.stream().map(r -> r.name()).toList());
        assertEquals(List.of("192.23.1.2/32"), rules.get(1).sourcePrefixes());
    }

    @Test
    void warnsAboutSecondaryIpConfigurationsAndAsesWithoutAddresses() {
        JsonNode doc = Docs.edit(
                Docs.reference(),
                String.join(
                        " && ",
                        "/4/properties/ipConfigurations/1={\"name\":\"second\",\"properties\":{\"primary\":false,"
                                + "\"privateIPAddress\":\"10.0.2.5\",\"subnet\":{\"id\":\"" + Docs.VNET
                                + "/subnets/db-subnet\"}}}",
                        "/9/properties/addresses=null"));
        ParsedDocument d = Docs.parse(doc);
        assertEquals(List.of(), d.problems());
        assertEquals(
                List.of("$[4].properties.ipConfigurations", "$[9]"),
                d.warnings().stream().map(ImportWarning::location).toList());
        assertEquals(
                Ipv4.parse("10.0.2.4"),
                d.of(NetworkTypes.NETWORK_INTERFACE).get(0).privateIp());
        assertEquals(
                Optional.empty(),
                d.of(NetworkTypes.APP_SERVICE_ENVIRONMENT).get(1).publicVip());
    }
}
