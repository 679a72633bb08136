package io.asegraph.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Verdicts over ranges on an estate imported for the test (ids of its own, so the seeded reference topology is
 * untouched): PARTIAL with the exact sub-ranges, UNDETERMINED naming a tag that is not imported, and a verdict once
 * the Service Tags file brings it. The class owns its data: a store of its own ({@link FlowOverImportedEstateProfile}),
 * into which each test imports the estate itself (an import is idempotent), so the tag is missing until the test brings
 * it, whatever ran before and in whichever order.
 */
@QuarkusTest
@TestProfile(FlowOverImportedEstateProfile.class)
class FlowOverImportedEstateTest {
    static final String FLOW =
            """
            query($port: Int!) { flow(from: "flowtest-ase", to: "flowtest-db-nic", port: $port) {
              verdict reason causes allowedSourceRanges deniedSourceRanges undeterminedSourceRanges
              decisions { nsg verdict matches { rule access sourceRanges undeterminedCause } } blockers { nsg } } }""";

    static void importFile(String name) throws IOException {
        String json = Files.readString(Path.of("src/test/resources", name), StandardCharsets.UTF_8);
        Gql.post("mutation($d: String!) { importResources(document: $d) { created updated unchanged } }", "d", json)
                .body("errors", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void databaseNsgAdmittingHalfTheAseSubnetGivesPartialWithTheExactSubRanges() throws IOException {
        importFile("flowtest-estate.json");
        Gql.post(FLOW, "port", 1433)
                .body("data.flow.verdict", equalTo("PARTIAL"))
                .body("data.flow.allowedSourceRanges", contains("10.50.1.0/27"))
                .body("data.flow.deniedSourceRanges", contains("10.50.1.32/27"))
                .body(
                        "data.flow.decisions[0].matches.rule",
                        contains("securityRules/allow-sql-from-half", "securityRules/deny-sql-from-vnet"))
                .body(
                        "data.flow.decisions[0].matches.sourceRanges",
                        contains(contains("10.50.1.0/27"), contains("10.50.1.32/27")))
                .body("data.flow.blockers.nsg", contains(containsString("flowtest-db-nsg")));
    }

    @Test
    void aRuleNamingATagNotImportedIsUndeterminedUntilTheServiceTagsFileBringsIt() throws IOException {
        importFile("flowtest-estate.json");
        Gql.post(FLOW, "port", 8443)
                .body("data.flow.verdict", equalTo("UNDETERMINED"))
                .body("data.flow.causes", hasItem(containsString("FlowTestAdmins")))
                .body("data.flow.undeterminedSourceRanges", contains("10.50.1.0/26"))
                .body("data.flow.decisions[0].matches[0].undeterminedCause", containsString("FlowTestAdmins"));
        importFile("flowtest-tags.json");
        Gql.post(FLOW, "port", 8443)
                .body("data.flow.verdict", equalTo("PARTIAL"))
                .body("data.flow.allowedSourceRanges", contains("10.50.1.0/28"))
                .body("data.flow.deniedSourceRanges", contains("10.50.1.16/28", "10.50.1.32/27"))
                .body(
                        "data.flow.decisions[0].matches.rule",
                        contains("securityRules/allow-tagged-admin", "securityRules/deny-admin"));
        Gql.post("{ serviceTags(where: {name: {eq: \"FlowTestAdmins\"}}) { name addressPrefixes } }")
                .body("data.serviceTags[0].addressPrefixes", contains("10.50.1.0/28"));
    }
}
