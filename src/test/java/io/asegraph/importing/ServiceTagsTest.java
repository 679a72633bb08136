package io.asegraph.importing;

import static io.asegraph.importing.Docs.assertProblem;
import static io.asegraph.importing.Docs.onlyProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.asegraph.net.Cidr;
import io.asegraph.policy.PolicyTypes;
import io.asegraph.policy.ServiceTag;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Service Tags files (azure-semantics §5): the downloadable file and the discovery API's wrapper. */
class ServiceTagsTest {
    static final String VALUES =
            """
            [
              {"name": "AppServiceManagement", "id": "AppServiceManagement",
               "properties": {"changeNumber": 8, "region": "", "regionId": 0, "platform": "Azure",
                              "systemService": "AzureAppServiceManagement",
                              "addressPrefixes": ["40.73.136.128/26", "42.159.4.20/32", "2404:7940:1:402::100/122"],
                              "networkFeatures": ["API", "NSG"]}},
              {"name": "Sql.WestUS", "id": "Sql.WestUS",
               "properties": {"changeNumber": 3, "region": "westus", "systemService": "AzureSQL",
                              "addressPrefixes": ["40.112.240.0/20", "2603:1030:a07::/48", "2603:1030:b00::/48"]}},
              {"name": "Storage.EastUS", "id": "Storage.EastUS",
               "properties": {"changeNumber": 1, "region": "eastus", "systemService": "AzureStorage",
                              "addressPrefixes": ["20.38.98.0/24"], "networkFeatures": null}}
            ]""";

    static final List<ServiceTag> EXPECTED = List.of(
            new ServiceTag(
                    "AppServiceManagement",
                    "",
                    "AzureAppServiceManagement",
                    8,
                    List.of(Cidr.parseBlock("40.73.136.128/26"), Cidr.parseBlock("42.159.4.20/32")),
                    1),
            new ServiceTag("Sql.WestUS", "westus", "AzureSQL", 3, List.of(Cidr.parseBlock("40.112.240.0/20")), 2),
            new ServiceTag(
                    "Storage.EastUS", "eastus", "AzureStorage", 1, List.of(Cidr.parseBlock("20.38.98.0/24")), 0));

    @Test
    void readsAServiceTagsFileWithGlobalAndRegionalTagsCountingIpv6() {
        ParsedDocument d =
                ImportParser.parse("{\"changeNumber\": 237, \"cloud\": \"Public\", \"values\": " + VALUES + "}");
        assertEquals(List.of(), d.problems());
        assertEquals(EXPECTED, d.of(PolicyTypes.SERVICE_TAGS));
        assertEquals(Optional.of(new ServiceTagsFile("Public", 237)), d.serviceTagsFile());
        assertEquals(3, d.resourceCount());
    }

    @Test
    void readsTheDiscoveryApiWrapper() {
        ParsedDocument d = ImportParser.parse(
                """
                {"name": "Public", "id": "/subscriptions/s/providers/Microsoft.Network/serviceTags/Public",
                 "type": "Microsoft.Network/serviceTags", "changeNumber": "82", "cloud": "Public", "values": %s}"""
                        .formatted(VALUES));
        assertEquals(List.of(), d.problems());
        assertEquals(EXPECTED, d.of(PolicyTypes.SERVICE_TAGS));
        assertEquals(Optional.of(new ServiceTagsFile("Public", 82)), d.serviceTagsFile());
    }

    @Test
    void acceptsTheOlderFileWithoutRegionIdOrNetworkFeatures() {
        ParsedDocument d = ImportParser.parse(
                """
                {"changeNumber": 82, "cloud": "Public", "values": [
                  {"name": "AzureCloud", "id": "AzureCloud",
                   "properties": {"changeNumber": 40, "region": "", "platform": "Azure", "systemService": "",
                                  "addressPrefixes": ["13.64.0.0/11"]}}]}""");
        assertEquals(List.of(), d.problems());
        assertEquals("AzureCloud", d.of(PolicyTypes.SERVICE_TAGS).get(0).name());
        assertEquals(
                List.of(Cidr.parseBlock("13.64.0.0/11")),
                d.of(PolicyTypes.SERVICE_TAGS).get(0).prefixes());
    }

    @Test
    void reportsABadPrefixAtItsLocation() {
        String file = "{\"changeNumber\": 1, \"cloud\": \"Public\", \"values\": "
                + VALUES.replace("\"20.38.98.0/24\"", "\"20.38.98.0/24\", \"20.38.99.1/24\"") + "}";
        assertProblem(
                onlyProblem(ImportParser.parse(file)),
                "$.values[2].properties.addressPrefixes[1]",
                "addressPrefixes[1] of service tag 'Storage.EastUS' is invalid",
                "'20.38.99.1/24' is not a block");
    }

    @Test
    void reportsDuplicateTagsMissingNamesAndMissingPrefixes() {
        ParsedDocument d = ImportParser.parse(
                """
                {"changeNumber": 1, "cloud": "Public", "values": [
                  {"name": "Sql", "properties": {"addressPrefixes": []}},
                  {"name": "SQL", "properties": {"addressPrefixes": ["1.2.3.0/24"]}},
                  {"properties": {"addressPrefixes": []}},
                  {"name": "Storage", "properties": {"region": ""}}]}""");
        assertEquals(
                List.of("$.values[1].name", "$.values[2].name", "$.values[3].properties.addressPrefixes"),
                d.problems().stream().map(ImportProblem::location).toList());
        assertEquals(
                "name 'SQL' of service tag 'SQL' appears twice (also at $.values[0].name)",
                d.problems().get(0).message());
    }

    @Test
    void reportsAFileWithoutValues() {
        assertProblem(
                onlyProblem(ImportParser.parse("{\"type\": \"Microsoft.Network/serviceTags\", \"cloud\": \"Public\"}")),
                "$.values",
                "values is required");
    }
}
