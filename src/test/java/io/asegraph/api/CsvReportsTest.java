package io.asegraph.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /reports/<name>.csv} through the real HTTP stack: each report's rows equal the GraphQL audit's rows field by
 * field (the CSV parsed with Jackson's CSV parser, the GraphQL answer asked for the same fields), held-back UNDETERMINED
 * rows included; a value with a comma and quotes survives the round trip; headers, errors and roles.
 *
 * <p>The estate: the seed plus {@link TestEstate} under the prefix {@value #P}, whose NSG (on the NIC, which has a public
 * address) gets an SSH rule named {@value #QUOTED_RULE} open to the Internet (an exposure on 22) and a second one
 * below it that it covers (a shadowed rule), and an ASE in a subnet never imported (held back: UNDETERMINED rows).
 */
@QuarkusTest
@TestProfile(ImportTestProfile.class)
class CsvReportsTest {
    static final String P = "csv";
    static final String QUOTED_RULE = "ssh, \"ops\"";
    static final String LOST_ASE = P + "-lost-ase";
    private static final CsvMapper CSV = new CsvMapper();
    private static boolean imported;

    static final List<String> HEALTH = List.of("environment", "name", "kind", "healthy", "status", "checks");
    static final List<String> EXPOSURES = List.of(
            "target",
            "targetKind",
            "targetName",
            "publicAddress",
            "port",
            "verdict",
            "exposedSources",
            "admittedBy",
            "causes",
            "protocol",
            "exposedSummary",
            "undeterminedSources",
            "warnings",
            "dnat.firewall",
            "dnat.firewallName",
            "dnat.ruleCollection",
            "dnat.rule",
            "dnat.priority",
            "dnat.publicAddresses",
            "dnat.publicPorts",
            "dnat.translatedAddress",
            "dnat.translatedPort",
            "dnat.arrivesFrom");
    static final List<String> SHADOWED = List.of(
            "nsg",
            "nsgName",
            "rule",
            "priority",
            "direction",
            "kind",
            "coveredBy",
            "differentAction",
            "causes",
            "dependsOnPlacement",
            "access",
            "appliedTo");
    static final List<String> REACH = List.of(
            "caller",
            "callerName",
            "callerKind",
            "verdict",
            "sourceKind",
            "source",
            "allowedSourceRanges",
            "sourceRanges",
            "deniedSourceRanges",
            "undeterminedSourceRanges");
    static final List<String> EFFECTIVE = List.of(
            "name",
            "nsg",
            "direction",
            "access",
            "priority",
            "protocol",
            "sourceAddressPrefixes",
            "expandedSourceAddressPrefixes",
            "sourcePortRanges",
            "destinationAddressPrefixes",
            "expandedDestinationAddressPrefixes",
            "destinationPortRanges",
            "level",
            "unresolved");

    @BeforeEach
    void importOnce() {
        if (imported) {
            return;
        }
        ArrayNode doc = TestEstate.estate(P);
        String rules = "/" + TestEstate.NSG + "/properties/securityRules/";
        TestEstate.set(doc, rules + "3", ssh(QUOTED_RULE, 150));
        TestEstate.set(doc, rules + "4", ssh("ssh-again", 160));
        TestEstate.set(
                doc,
                "/" + doc.size(),
                """
                {"name": "%s", "id": "%s", "type": "Microsoft.Web/hostingEnvironments", "kind": "ASEV3",
                 "location": "West US", "properties": {"virtualNetwork": {"id": "%s/virtualNetworks/%s-gone/subnets/gone"}}}"""
                        .formatted(
                                LOST_ASE,
                                TestEstate.web(P) + "/hostingEnvironments/" + LOST_ASE,
                                TestEstate.net(P),
                                P));
        Gql.given()
                .body(ImportResourceTest.bytes(doc))
                .post("/import")
                .then()
                .statusCode(200)
                .body("created", notNullValue());
        imported = true;
    }

    private static String ssh(String name, int priority) {
        return """
                {"name": "%s", "properties": {"priority": %d, "direction": "Inbound", "access": "Allow", "protocol": "Tcp",
                 "sourceAddressPrefix": "Internet", "sourcePortRange": "*", "destinationAddressPrefix": "*",
                 "destinationPortRange": "22"}}"""
                .formatted(name.replace("\"", "\\\""), priority);
    }

    /** The report as the reader gets it: 200, CSV, an attachment named after the report. */
    static Response report(String name, String query) {
        Response r = Gql.as(Gql.READER, Gql.READER_PASSWORD).get("/reports/" + name + ".csv" + query);
        r.then()
                .statusCode(200)
                .header("Content-Type", equalTo("text/csv;charset=utf-8"))
                .header("Content-Disposition", equalTo("attachment; filename=\"" + name + ".csv\""));
        return r;
    }

    /** Every line of {@code text} parsed as CSV, the header first. */
    static List<List<String>> parse(String text) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (MappingIterator<String[]> it = CSV.readerForArrayOf(String.class)
                .with(CsvParser.Feature.WRAP_AS_ARRAY)
                .readValues(text)) {
            it.forEachRemaining(r -> rows.add(Arrays.asList(r)));
        }
        return rows;
    }

    /** The GraphQL selection of {@code columns}: {@code dnat.rule} inside {@code dnat { }}, checks by name and status. */
    static String selection(List<String> columns) {
        Map<String, List<String>> nested = new LinkedHashMap<>();
        for (String c : columns) {
            int dot = c.indexOf('.');
            if (dot < 0) {
                nested.putIfAbsent(c, List.of());
            } else {
                nested.computeIfAbsent(c.substring(0, dot), k -> new ArrayList<>())
                        .add(c.substring(dot + 1));
            }
        }
        return nested.entrySet().stream()
                .map(e -> e.getKey().equals("checks")
                        ? "checks { name status }"
                        : e.getValue().isEmpty()
                                ? e.getKey()
                                : e.getKey() + " { " + String.join(" ", e.getValue()) + " }")
                .collect(Collectors.joining(" "));
    }

    /** A GraphQL value as the CSV cell the report must hold: null empty, lists joined with "; ". */
    @SuppressWarnings("unchecked")
    static String cell(Map<String, Object> row, String column) {
        if (column.equals("checks")) {
            return ((List<Map<String, Object>>) row.get("checks"))
                    .stream().map(c -> c.get("name") + ": " + c.get("status")).collect(Collectors.joining("; "));
        }
        Object v;
        int dot = column.indexOf('.');
        if (dot < 0) {
            v = row.get(column);
        } else {
            Map<String, Object> inner = (Map<String, Object>) row.get(column.substring(0, dot));
            v = inner == null ? null : inner.get(column.substring(dot + 1));
        }
        if (v == null) {
            return "";
        }
        if (v instanceof List<?> l) {
            return l.stream().map(String::valueOf).collect(Collectors.joining("; "));
        }
        return String.valueOf(v);
    }

    /** The CSV's rows (header checked) equal the GraphQL field's rows, cell by cell; returns them. */
    static List<List<String>> assertSameRows(
            String report, String query, String field, String args, List<String> header) throws IOException {
        List<List<String>> csv = parse(report(report, query).asString());
        assertEquals(header, csv.get(0), "the header of " + report);
        List<Map<String, Object>> api = Gql.post("{ " + field + args + " { " + selection(header) + " } }")
                .body("errors", org.hamcrest.Matchers.nullValue())
                .extract()
                .jsonPath()
                .getList("data." + field);
        List<List<String>> expected = api.stream()
                .map(r -> header.stream().map(c -> cell(r, c)).toList())
                .toList();
        assertEquals(expected, csv.subList(1, csv.size()), report + query + " against " + field + args);
        assertTrue(!expected.isEmpty(), report + " has rows");
        return csv.subList(1, csv.size());
    }

    private static List<String> rowWith(List<List<String>> rows, List<String> header, String column, String value) {
        int i = header.indexOf(column);
        return rows.stream()
                .filter(r -> r.get(i).equals(value))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row with " + column + " = " + value + " in " + rows));
    }

    @Test
    void environmentsHealthHasTheGraphqlRowsWithTheHeldBackAseUndetermined() throws IOException {
        List<List<String>> rows = assertSameRows("environments-health", "", "environmentsHealth", "", HEALTH);
        List<String> lost = rowWith(rows, HEALTH, "name", LOST_ASE);
        assertEquals("false", lost.get(HEALTH.indexOf("healthy")));
        rowWith(rows, HEALTH, "name", "ase-one");
    }

    @Test
    void exposuresHaveTheGraphqlRowsOnTheDefaultAndOnTheAskedPorts() throws IOException {
        List<List<String>> rows = assertSameRows("exposures", "", "exposures", "", EXPOSURES);
        List<String> nic = rowWith(rows, EXPOSURES, "targetName", P + "-nic");
        assertEquals("22", nic.get(EXPOSURES.indexOf("port")));
        assertEquals(P + "-nsg securityRules/" + QUOTED_RULE, nic.get(EXPOSURES.indexOf("admittedBy")));
        List<List<String>> asked = assertSameRows(
                "exposures",
                "?ports=22,3389&protocol=tcp",
                "exposures",
                "(ports: [22, 3389], protocol: TCP)",
                EXPOSURES);
        List<String> lost = rowWith(asked, EXPOSURES, "targetName", LOST_ASE);
        assertEquals("UNDETERMINED", lost.get(EXPOSURES.indexOf("verdict")));
    }

    @Test
    void shadowedRulesHaveTheGraphqlRows() throws IOException {
        List<List<String>> rows = assertSameRows("shadowed-rules", "", "shadowedRules", "", SHADOWED);
        List<String> again = rowWith(rows, SHADOWED, "rule", "securityRules/ssh-again");
        assertEquals("securityRules/" + QUOTED_RULE, again.get(SHADOWED.indexOf("coveredBy")));
        assertEquals("REDUNDANT", again.get(SHADOWED.indexOf("kind")));
    }

    @Test
    void whoCanReachHasTheGraphqlRowsWithTheHeldBackCallersUndetermined() throws IOException {
        List<List<String>> rows = assertSameRows(
                "who-can-reach",
                "?to=db-vm-nic&port=1433&protocol=TCP",
                "whoCanReach",
                "(to: \"db-vm-nic\", port: 1433, protocol: TCP)",
                REACH);
        assertEquals("DENIED", rowWith(rows, REACH, "callerName", "ase-two").get(REACH.indexOf("verdict")));
        assertEquals(
                "UNDETERMINED", rowWith(rows, REACH, "callerName", LOST_ASE).get(REACH.indexOf("verdict")));
    }

    @Test
    void effectiveSecurityRulesHaveTheGraphqlRows() throws IOException {
        List<List<String>> rows = assertSameRows(
                "effective-security-rules",
                "?target=" + P + "-nic",
                "effectiveSecurityRules",
                "(target: \"" + P + "-nic\")",
                EFFECTIVE);
        rowWith(rows, EFFECTIVE, "name", "securityRules/" + QUOTED_RULE);
        rowWith(rows, EFFECTIVE, "name", "defaultSecurityRules/DenyAllInBound");
    }

    @Test
    void aValueWithACommaAndQuotesIsQuotedAndSurvivesTheRoundTrip() throws IOException {
        String text = report("shadowed-rules", "").asString();
        // RFC 4180: the cell is quoted and its quotes doubled; cells that need no quotes have none.
        assertEquals(String.join(",", SHADOWED), text.lines().findFirst().orElseThrow());
        assertTrue(text.contains("\"securityRules/ssh, \"\"ops\"\"\""), text);
        List<List<String>> rows = parse(text);
        assertEquals(
                "securityRules/" + QUOTED_RULE,
                rowWith(rows, SHADOWED, "rule", "securityRules/ssh-again").get(SHADOWED.indexOf("coveredBy")));
        assertEquals(SHADOWED.size(), rows.get(1).size(), "every row has every column");
    }

    private static void refused(String path, int status, String code, String naming) {
        Gql.as(Gql.READER, Gql.READER_PASSWORD)
                .get(path)
                .then()
                .statusCode(status)
                .contentType("application/json")
                .body("code", equalTo(code))
                .body("message", startsWith(naming));
    }

    @Test
    void anUnknownReportIs404WithACode() {
        refused("/reports/nothing-here.csv", 404, "UNKNOWN_REFERENCE", "no report at /reports/nothing-here.csv");
        refused("/reports/exposures", 404, "UNKNOWN_REFERENCE", "no report at /reports/exposures");
    }

    @Test
    void badParametersAre400InvalidArgumentNamingTheParameter() {
        refused("/reports/who-can-reach.csv?to=db-vm-nic&port=abc", 400, "INVALID_ARGUMENT", "port 'abc'");
        refused("/reports/who-can-reach.csv?to=db-vm-nic&port=70000", 400, "INVALID_ARGUMENT", "port '70000'");
        refused("/reports/who-can-reach.csv?to=db-vm-nic", 400, "INVALID_ARGUMENT", "port is required");
        refused("/reports/who-can-reach.csv?port=443", 400, "INVALID_ARGUMENT", "to is required");
        refused("/reports/exposures.csv?ports=22,x", 400, "INVALID_ARGUMENT", "ports 'x'");
        refused("/reports/exposures.csv?protocol=carrier-pigeon", 400, "INVALID_ARGUMENT", "protocol 'carrier-pigeon'");
        refused("/reports/effective-security-rules.csv", 400, "INVALID_ARGUMENT", "target is required");
        refused(
                "/reports/effective-security-rules.csv?target=ase-one",
                400,
                "INVALID_ARGUMENT",
                "target: 'ase-one' is a");
    }

    @Test
    void unknownReferencesAre404UnknownReferenceNamingTheParameter() {
        refused("/reports/who-can-reach.csv?to=no-such-thing&port=443", 404, "UNKNOWN_REFERENCE", "to: ");
        refused("/reports/effective-security-rules.csv?target=no-such-nic", 404, "UNKNOWN_REFERENCE", "target: ");
    }

    @Test
    void anAnonymousCallerGets401AndACallerWithoutARole403() {
        RestAssured.given().get("/reports/exposures.csv").then().statusCode(401);
        Gql.as(Gql.NOBODY, Gql.NOBODY_PASSWORD)
                .get("/reports/exposures.csv")
                .then()
                .statusCode(403);
        Gql.as("operator", "operator-secret")
                .get("/reports/exposures.csv")
                .then()
                .statusCode(200);
    }
}
