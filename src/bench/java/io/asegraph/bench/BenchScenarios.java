package io.asegraph.bench;

import io.asegraph.net.Ipv4;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The requests the benchmark times, with concrete references picked from the generated estate's plan (the same plan
 * {@link EstateGenerator} writes, so every reference names a resource of the imported file): the floor
 * ({@code { __typename }}, what the service costs with no work at all), the contract's single-flow questions, a paged
 * listing of 100 NSGs with their rules, and the audits.
 */
final class BenchScenarios {
    /** The scenario every other is compared with. */
    static final String FLOOR = "floor";

    private BenchScenarios() {}

    /**
     * The resources the requests name.
     *
     * @param ase        an ASE whose VNet holds a network interface behind NSGs (id)
     * @param app        an app on that ASE (its default host name, a reference form the contract names)
     * @param endpoint   a public endpoint outside any VNet (id)
     * @param nic        a network interface in the ASE's VNet, in a subnet with an NSG (id)
     * @param nicAddress that interface's private address
     * @param subnet     the ASE's subnet (id)
     */
    record References(String ase, String app, String endpoint, String nic, String nicAddress, String subnet) {
        References {
            Objects.requireNonNull(ase, "ase");
            Objects.requireNonNull(app, "app");
            Objects.requireNonNull(endpoint, "endpoint");
            Objects.requireNonNull(nic, "nic");
            Objects.requireNonNull(nicAddress, "nicAddress");
            Objects.requireNonNull(subnet, "subnet");
        }

        Map<String, Object> asMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ase", ase);
            m.put("app", app);
            m.put("endpoint", endpoint);
            m.put("nic", nic);
            m.put("nicAddress", nicAddress);
            m.put("subnet", subnet);
            return m;
        }
    }

    /**
     * Picks the references: the first ASE (in plan order) that has an app and whose VNet holds a network interface in
     * a subnet with an NSG, preferring an interface with its own NSG too (so a flow meets three NSGs) and an ASE subnet
     * with a route table (so next hop meets a user route); the first endpoint with a service tag (an Azure service),
     * else the first endpoint.
     */
    static References pick(EstatePlan plan) {
        Comparator<EstatePlan.Nic> byIndex = Comparator.comparingInt(n -> n.index);
        EstatePlan.Ase bestAse = null;
        EstatePlan.Nic bestNic = null;
        int bestScore = -1;
        for (EstatePlan.Ase ase : plan.ases) {
            if (ase.apps.isEmpty()) {
                continue;
            }
            EstatePlan.Nic nic = ase.subnet.vnet.nics.stream()
                    .filter(n -> n.subnet.nsg != null)
                    .min(Comparator.<EstatePlan.Nic>comparingInt(n -> n.nsg != null ? 0 : 1)
                            .thenComparing(byIndex))
                    .orElse(null);
            if (nic == null) {
                continue;
            }
            int score = (nic.nsg != null ? 2 : 0) + (ase.subnet.routeTable != null ? 1 : 0);
            if (score > bestScore) {
                bestScore = score;
                bestAse = ase;
                bestNic = nic;
            }
            if (score == 3) {
                break;
            }
        }
        if (bestAse == null) {
            throw new IllegalArgumentException("the estate has no ASE with an app whose VNet holds a network interface"
                    + " in a subnet with an NSG: generate one with --ases, --apps, --nics and --nsgs above 0");
        }
        EstatePlan.Endpoint endpoint = plan.endpoints.stream()
                .filter(e -> e.serviceTag != null)
                .findFirst()
                .orElse(plan.endpoints.isEmpty() ? null : plan.endpoints.get(0));
        if (endpoint == null) {
            throw new IllegalArgumentException("the estate has no endpoint: generate one with --endpoints above 0");
        }
        EstatePlan.App app = bestAse.apps.get(0);
        return new References(
                bestAse.id, app.hostNames.get(0), endpoint.id, bestNic.id, Ipv4.format(bestNic.ip), bestAse.subnet.id);
    }

    /** Every scenario, the floor first. */
    static List<LoadDriver.Request> all(References r) {
        return List.of(
                LoadDriver.Request.graphql(FLOOR, "__typename", "{ __typename }", Map.of()),
                LoadDriver.Request.graphql(
                        "callSource",
                        "callSource",
                        """
                        query($from: String!, $to: String!) {
                          callSource(from: $from, to: $to) { kind address addressRange reason } }""",
                        Map.of("from", r.app(), "to", r.endpoint())),
                LoadDriver.Request.graphql(
                        "flow",
                        "flow",
                        """
                        query($from: String!, $to: String!) {
                          flow(from: $from, to: $to, port: 1433) {
                            verdict decisions { nsg verdict matches { rule sourceRanges } } } }""",
                        Map.of("from", r.ase(), "to", r.nic())),
                LoadDriver.Request.graphql(
                        "flowTrace",
                        "flow",
                        """
                        query($from: String!, $to: String!) {
                          flow(from: $from, to: $to, port: 1433) {
                            verdict source { kind addressRange } allowedSourceRanges deniedSourceRanges
                            decisions { nsg level verdict matches { rule priority access sourceRanges } }
                            trace { node kind steps { type detail } } } }""",
                        Map.of("from", r.ase(), "to", r.nic())),
                LoadDriver.Request.graphql(
                        "ipFlowVerify",
                        "ipFlowVerify",
                        """
                        query($target: String!, $local: String!) {
                          ipFlowVerify(target: $target, direction: INBOUND, protocol: TCP, localAddress: $local,
                              localPort: 443, remoteAddress: "203.0.113.7", remotePort: 50000) { access ruleName } }""",
                        Map.of("target", r.nic(), "local", r.nicAddress())),
                LoadDriver.Request.graphql(
                        "nextHop",
                        "nextHop",
                        """
                        query($source: String!) {
                          nextHop(source: $source, destinationAddress: "8.8.8.8") { nextHopType routeTableId } }""",
                        Map.of("source", r.subnet())),
                LoadDriver.Request.graphql(
                        "nsgListing",
                        "networkSecurityGroupsConnection",
                        """
                        { networkSecurityGroupsConnection(first: 100) {
                            totalCount edges { node { name rules { name priority access } } } } }""",
                        Map.of()),
                LoadDriver.Request.graphql(
                        "environmentHealth",
                        "environmentHealth",
                        """
                        query($ase: String!) { environmentHealth(environment: $ase) { healthy } }""",
                        Map.of("ase", r.ase())),
                LoadDriver.Request.graphql(
                        "environmentsHealth",
                        "environmentsHealth",
                        "{ environmentsHealth { environment healthy } }",
                        Map.of()),
                LoadDriver.Request.graphql(
                        "requiredAccess",
                        "requiredAccess",
                        """
                        query($from: String!, $to: String!) {
                          requiredAccess(from: $from, to: $to, port: 1433) { sourceRange satisfied } }""",
                        Map.of("from", r.ase(), "to", r.nic())),
                LoadDriver.Request.graphql(
                        "whoCanReach",
                        "whoCanReach",
                        """
                        query($to: String!) { whoCanReach(to: $to, port: 1433) { caller verdict } }""",
                        Map.of("to", r.nic())),
                LoadDriver.Request.graphql(
                        "shadowedRules", "shadowedRules", "{ shadowedRules { nsg rule } }", Map.of()),
                LoadDriver.Request.graphql("exposures", "exposures", "{ exposures { target port } }", Map.of()));
    }
}
