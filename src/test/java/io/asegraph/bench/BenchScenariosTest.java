package io.asegraph.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BenchScenariosTest {

    static Stream<GeneratedEstate> estates() {
        return GeneratedEstate.all();
    }

    private static String vnetOf(String subnetId) {
        return subnetId.substring(0, subnetId.toLowerCase().indexOf("/subnets/"))
                .toLowerCase();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("estates")
    void picksReferencesThatNameResourcesOfTheGeneratedFile(GeneratedEstate estate) {
        BenchScenarios.References r = BenchScenarios.pick(new EstatePlan(estate.spec, estate.summary.seed()));

        JsonNode ase = estate.resolve(r.ase());
        assertNotNull(ase, r.ase());
        assertEquals(ResourceWriter.ASE, estate.kind(r.ase()));
        assertEquals(
                r.subnet().toLowerCase(),
                ase.path("properties")
                        .path("virtualNetwork")
                        .path("id")
                        .asText()
                        .toLowerCase(),
                "the subnet is the ASE's");

        boolean appOnAse = estate.ofType(ResourceWriter.SITE).stream()
                .anyMatch(site -> site.path("properties")
                                .path("hostingEnvironmentProfile")
                                .path("id")
                                .asText()
                                .equalsIgnoreCase(r.ase())
                        && GeneratedEstate.stream(site.path("properties").path("hostNames"))
                                .anyMatch(h -> h.asText().equals(r.app())));
        assertTrue(appOnAse, r.app() + " is a host name of an app on " + r.ase());

        JsonNode nic = estate.resolve(r.nic());
        assertNotNull(nic, r.nic());
        JsonNode ipConfig =
                nic.path("properties").path("ipConfigurations").get(0).path("properties");
        assertEquals(r.nicAddress(), ipConfig.path("privateIPAddress").asText());
        String nicSubnet = ipConfig.path("subnet").path("id").asText();
        assertEquals(vnetOf(r.subnet()), vnetOf(nicSubnet), "the interface is in the ASE's VNet");
        assertTrue(
                estate.resolve(nicSubnet).path("properties").has("networkSecurityGroup"),
                "the interface's subnet has an NSG");

        assertNotNull(estate.resolve(r.endpoint()), r.endpoint());
    }

    @Test
    void prefersAnInterfaceWithItsOwnNsgAndAnAseSubnetWithARouteTable() {
        GeneratedEstate mid = GeneratedEstate.mid();
        EstatePlan plan = new EstatePlan(mid.spec, mid.summary.seed());
        BenchScenarios.References r = BenchScenarios.pick(plan);
        EstatePlan.Nic nic =
                plan.nics.stream().filter(n -> n.id.equals(r.nic())).findFirst().orElseThrow();
        EstatePlan.Ase ase =
                plan.ases.stream().filter(a -> a.id.equals(r.ase())).findFirst().orElseThrow();
        assertNotNull(nic.nsg, "the interface has its own NSG");
        assertNotNull(ase.subnet.routeTable, "the ASE's subnet has a route table");
    }

    @Test
    void sendsEveryScenarioAsAGraphQlBodyWithItsRootFieldFloorFirst() {
        BenchScenarios.References r = BenchScenarios.pick(new EstatePlan(EstateSpec.SMALL, 42));
        List<LoadDriver.Request> all = BenchScenarios.all(r);
        assertEquals(BenchScenarios.FLOOR, all.get(0).name());
        Set<String> names = new HashSet<>();
        for (LoadDriver.Request q : all) {
            assertTrue(names.add(q.name()), "unique name " + q.name());
            JsonNode body = BenchJson.parseObject(q.body());
            String query = body.path("query").asText();
            assertTrue(query.contains(q.rootField()), q.name() + " queries " + q.rootField());
            assertTrue(body.path("variables").isObject(), q.name());
            body.path("variables")
                    .fieldNames()
                    .forEachRemaining(v -> assertTrue(query.contains("$" + v + ":"), q.name() + " declares $" + v));
        }
        assertEquals(13, all.size());
    }
}
