package io.asegraph.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.asegraph.net.Cidr;
import io.asegraph.net.Ipv4;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated files parsed back with Jackson: counts, references, addresses, NSG rule invariants and the Service
 * Tags file, on the small preset and on a mid-size estate whose counts do not divide evenly.
 */
class GeneratedEstateStructureTest {

    /** Names that rules and routes may use without a Service Tags file (Azure's built-in tags). */
    private static final Set<String> BUILT_IN_TAGS = Set.of("*", "Internet", "VirtualNetwork", "AzureLoadBalancer");

    static Stream<GeneratedEstate> estates() {
        return GeneratedEstate.all();
    }

    @ParameterizedTest
    @MethodSource("estates")
    void writesExactlyTheRequestedNumberOfEachResource(GeneratedEstate e) {
        EstateSpec s = e.spec;
        assertEquals(s.vnets(), e.ofType(ResourceWriter.VNET).size(), "VNets");
        assertEquals(s.subnets(), e.subnets().count(), "subnets");
        assertEquals(s.ases(), e.ofType(ResourceWriter.ASE).size(), "ASEs");
        assertEquals(s.apps(), e.ofType(ResourceWriter.SITE).size(), "apps");
        assertEquals(s.nics(), e.ofType(ResourceWriter.NIC).size(), "NICs");
        assertEquals(s.nsgs(), e.ofType(ResourceWriter.NSG).size(), "NSGs");
        assertEquals(s.rules(), e.securityRules().count(), "security rules");
        assertEquals(s.routeTables(), e.ofType(ResourceWriter.ROUTE_TABLE).size(), "route tables");
        assertEquals(s.gateways(), e.ofType(ResourceWriter.GATEWAY).size(), "gateways");
        assertEquals(s.natGateways(), e.ofType(ResourceWriter.NAT_GATEWAY).size(), "NAT gateways");
        assertEquals(s.asgs(), e.ofType(ResourceWriter.ASG).size(), "ASGs");
        assertEquals(s.endpoints(), e.ofType(ResourceWriter.ENDPOINT).size(), "endpoints");
        long peerings = e.ofType(ResourceWriter.VNET).stream()
                .mapToLong(
                        v -> v.path("properties").path("virtualNetworkPeerings").size())
                .sum();
        assertEquals(s.peerings(), peerings, "peerings");
        for (JsonNode nsg : e.ofType(ResourceWriter.NSG)) {
            assertEquals(6, nsg.path("properties").path("defaultSecurityRules").size(), "default rules of every NSG");
        }
    }

    @ParameterizedTest
    @MethodSource("estates")
    void summaryCountsWhatTheFileHolds(GeneratedEstate e) {
        e.byType.forEach((type, list) -> assertEquals(list.size(), e.summary.count(type), type));
        assertEquals(e.subnets().count(), e.summary.subnets());
        assertEquals(e.securityRules().count(), e.summary.securityRules());
        assertEquals(e.serviceTags.path("values").size(), e.summary.serviceTags());
    }

    @ParameterizedTest
    @MethodSource("estates")
    void everyIdIsDefinedOnceIgnoringCase(GeneratedEstate e) {
        assertEquals(List.of(), e.duplicateIds);
    }

    /** A generic walk: any ARM id anywhere in the file names something defined in the file. */
    @ParameterizedTest
    @MethodSource("estates")
    void everyIdMentionedAnywhereResolvesInsideTheFileExceptVirtualMachines(GeneratedEstate e) {
        List<String> dangling = new ArrayList<>();
        walk(e.resources, "", (path, text) -> {
            boolean looksLikeId = text.startsWith("/subscriptions/") || text.startsWith("/asegraph/");
            if (looksLikeId && !path.endsWith("virtualMachine.id") && e.resolve(text) == null) {
                dangling.add(path + " = " + text);
            }
        });
        assertEquals(List.of(), dangling);
        long vmReferences = e.ofType(ResourceWriter.NIC).stream()
                .filter(n -> n.path("properties")
                        .path("virtualMachine")
                        .path("id")
                        .asText()
                        .contains("/providers/Microsoft.Compute/virtualMachines/"))
                .count();
        assertEquals(e.spec.nics(), vmReferences, "every NIC names its VM (the one id outside the file)");
    }

    @ParameterizedTest
    @MethodSource("estates")
    void referencesPointAtResourcesOfTheExpectedType(GeneratedEstate e) {
        e.subnets().forEach(s -> {
            JsonNode p = s.path("properties");
            expect(e, p.path("networkSecurityGroup"), ResourceWriter.NSG);
            expect(e, p.path("routeTable"), ResourceWriter.ROUTE_TABLE);
            expect(e, p.path("natGateway"), ResourceWriter.NAT_GATEWAY);
            p.path("ipConfigurations")
                    .forEach(c -> assertTrue(e.kind(c.path("id").asText()).endsWith("IpConfiguration")));
        });
        for (JsonNode v : e.ofType(ResourceWriter.VNET)) {
            v.path("properties")
                    .path("virtualNetworkPeerings")
                    .forEach(x -> expect(e, x.path("properties").path("remoteVirtualNetwork"), ResourceWriter.VNET));
        }
        for (JsonNode n : e.ofType(ResourceWriter.NIC)) {
            JsonNode p = n.path("properties");
            expect(e, p.path("networkSecurityGroup"), ResourceWriter.NSG);
            JsonNode c = p.path("ipConfigurations").get(0).path("properties");
            expect(e, c.path("subnet"), "subnet");
            expect(e, c.path("publicIPAddress"), ResourceWriter.PUBLIC_IP);
            c.path("applicationSecurityGroups").forEach(a -> expect(e, a, ResourceWriter.ASG));
        }
        for (JsonNode g : e.ofType(ResourceWriter.GATEWAY)) {
            JsonNode c = g.path("properties").path("ipConfigurations").get(0).path("properties");
            expect(e, c.path("subnet"), "subnet");
            assertTrue(c.path("subnet").path("id").asText().endsWith("/subnets/GatewaySubnet"));
            expect(e, c.path("publicIPAddress"), ResourceWriter.PUBLIC_IP);
            expect(e, g.path("properties").path("gatewayDefaultSite"), ResourceWriter.LOCAL_GATEWAY);
        }
        for (JsonNode c : e.ofType(ResourceWriter.CONNECTION)) {
            JsonNode p = c.path("properties");
            expect(e, p.path("virtualNetworkGateway1"), ResourceWriter.GATEWAY);
            String type = p.path("connectionType").asText();
            assertTrue(type.equals("IPsec") || type.equals("Vnet2Vnet"), type);
            expect(
                    e,
                    p.path(type.equals("IPsec") ? "localNetworkGateway2" : "virtualNetworkGateway2"),
                    type.equals("IPsec") ? ResourceWriter.LOCAL_GATEWAY : ResourceWriter.GATEWAY);
        }
        for (JsonNode n : e.ofType(ResourceWriter.NAT_GATEWAY)) {
            n.path("properties").path("publicIpAddresses").forEach(x -> expect(e, x, ResourceWriter.PUBLIC_IP));
            n.path("properties").path("subnets").forEach(x -> expect(e, x, "subnet"));
        }
        for (JsonNode a : e.ofType(ResourceWriter.ASE)) {
            expect(e, a.path("properties").path("virtualNetwork"), "subnet");
        }
        for (JsonNode app : e.ofType(ResourceWriter.SITE)) {
            expect(e, app.path("properties").path("hostingEnvironmentProfile"), ResourceWriter.ASE);
        }
        e.securityRules().forEach(r -> {
            r.path("properties").path("sourceApplicationSecurityGroups").forEach(a -> expect(e, a, ResourceWriter.ASG));
            r.path("properties")
                    .path("destinationApplicationSecurityGroups")
                    .forEach(a -> expect(e, a, ResourceWriter.ASG));
        });
    }

    /** Back references (NSG.subnets, routeTable.subnets, NSG.networkInterfaces) agree with the forward ones. */
    @ParameterizedTest
    @MethodSource("estates")
    void backReferencesMirrorForwardReferences(GeneratedEstate e) {
        Map<String, String> subnetNsg = new HashMap<>();
        Map<String, String> subnetRouteTable = new HashMap<>();
        e.subnets().forEach(s -> {
            String id = s.path("id").asText();
            JsonNode p = s.path("properties");
            if (p.has("networkSecurityGroup")) {
                subnetNsg.put(id, p.path("networkSecurityGroup").path("id").asText());
            }
            if (p.has("routeTable")) {
                subnetRouteTable.put(id, p.path("routeTable").path("id").asText());
            }
        });
        Map<String, String> fromNsgs = new HashMap<>();
        for (JsonNode nsg : e.ofType(ResourceWriter.NSG)) {
            nsg.path("properties")
                    .path("subnets")
                    .forEach(s ->
                            fromNsgs.put(s.path("id").asText(), nsg.path("id").asText()));
            nsg.path("properties")
                    .path("networkInterfaces")
                    .forEach(n -> assertEquals(
                            nsg.path("id").asText(),
                            e.resolve(n.path("id").asText())
                                    .path("properties")
                                    .path("networkSecurityGroup")
                                    .path("id")
                                    .asText()));
        }
        Map<String, String> fromRouteTables = new HashMap<>();
        for (JsonNode rt : e.ofType(ResourceWriter.ROUTE_TABLE)) {
            rt.path("properties")
                    .path("subnets")
                    .forEach(s -> fromRouteTables.put(
                            s.path("id").asText(), rt.path("id").asText()));
        }
        assertEquals(subnetNsg, fromNsgs);
        assertEquals(subnetRouteTable, fromRouteTables);
        long nicNsgs = e.ofType(ResourceWriter.NIC).stream()
                .filter(n -> n.path("properties").has("networkSecurityGroup"))
                .count();
        long listed = e.ofType(ResourceWriter.NSG).stream()
                .mapToLong(n -> n.path("properties").path("networkInterfaces").size())
                .sum();
        assertEquals(nicNsgs, listed);
    }

    @ParameterizedTest
    @MethodSource("estates")
    void vnetSpacesAreValidBlocksThatDoNotOverlap(GeneratedEstate e) {
        List<Cidr> spaces = new ArrayList<>();
        for (JsonNode v : e.ofType(ResourceWriter.VNET)) {
            v.path("properties")
                    .path("addressSpace")
                    .path("addressPrefixes")
                    .forEach(p -> spaces.add(Cidr.parseBlock(p.asText())));
        }
        assertNoOverlap(spaces, "VNet address spaces");
    }

    @ParameterizedTest
    @MethodSource("estates")
    void subnetsLieInsideTheirVnetAndDoNotOverlap(GeneratedEstate e) {
        for (JsonNode v : e.ofType(ResourceWriter.VNET)) {
            Cidr space = Cidr.parseBlock(v.path("properties")
                    .path("addressSpace")
                    .path("addressPrefixes")
                    .get(0)
                    .asText());
            List<Cidr> blocks = new ArrayList<>();
            for (JsonNode s : v.path("properties").path("subnets")) {
                Cidr block = Cidr.parseBlock(
                        s.path("properties").path("addressPrefix").asText());
                assertTrue(space.contains(block), block + " outside " + space);
                assertTrue(
                        s.path("id").asText().startsWith(v.path("id").asText() + "/subnets/"),
                        "subnet id under its VNet");
                blocks.add(block);
            }
            assertNoOverlap(blocks, "subnets of " + v.path("name").asText());
        }
    }

    @ParameterizedTest
    @MethodSource("estates")
    void nicAddressesAreUniqueUsableHostsOfTheirSubnet(GeneratedEstate e) {
        Set<String> seen = new HashSet<>();
        for (JsonNode n : e.ofType(ResourceWriter.NIC)) {
            JsonNode c = n.path("properties").path("ipConfigurations").get(0).path("properties");
            long ip = Ipv4.parse(c.path("privateIPAddress").asText());
            JsonNode subnet = e.resolve(c.path("subnet").path("id").asText());
            Cidr block = Cidr.parseBlock(
                    subnet.path("properties").path("addressPrefix").asText());
            assertTrue(
                    ip >= block.first() + 4 && ip <= block.last() - 1,
                    Ipv4.format(ip) + " is not a usable host of " + block + " (Azure reserves .0-.3 and the last)");
            assertTrue(
                    seen.add(c.path("subnet").path("id").asText() + "|" + ip), "duplicate address " + Ipv4.format(ip));
            boolean listed = GeneratedEstate.stream(subnet.path("properties").path("ipConfigurations"))
                    .anyMatch(x -> x.path("id")
                            .asText()
                            .equals(n.path("properties")
                                    .path("ipConfigurations")
                                    .get(0)
                                    .path("id")
                                    .asText()));
            assertTrue(listed, "the subnet lists the NIC's IP configuration");
        }
    }

    @ParameterizedTest
    @MethodSource("estates")
    void aseSubnetsHoldTheirAseAlone(GeneratedEstate e) {
        Map<String, Integer> asesPerSubnet = new HashMap<>();
        for (JsonNode a : e.ofType(ResourceWriter.ASE)) {
            asesPerSubnet.merge(
                    a.path("properties").path("virtualNetwork").path("id").asText(), 1, Integer::sum);
            JsonNode addresses = a.path("properties").path("addresses");
            Ipv4.parse(addresses.path("serviceIpAddress").asText());
            assertTrue(addresses.path("outboundIpAddresses").size() >= 1);
            addresses.path("outboundIpAddresses").forEach(x -> Ipv4.parse(x.asText()));
            assertTrue(addresses.path("vipMappings").isArray());
            String mode = a.path("properties").path("internalLoadBalancingMode").asText();
            JsonNode internal = addresses.path("internalIpAddress");
            if (mode.equals("None")) {
                assertTrue(internal.isNull(), "an external ASE has no internal address");
            } else {
                Cidr block = Cidr.parseBlock(e.resolve(a.path("properties")
                                .path("virtualNetwork")
                                .path("id")
                                .asText())
                        .path("properties")
                        .path("addressPrefix")
                        .asText());
                assertTrue(block.contains(Ipv4.parse(internal.asText())), "the ILB address is in the ASE subnet");
            }
        }
        asesPerSubnet.forEach((subnet, n) -> {
            assertEquals(1, n, "ASEs in " + subnet);
            assertFalse(
                    e.resolve(subnet).path("properties").has("ipConfigurations"), "no NIC in the ASE subnet " + subnet);
        });
    }

    @ParameterizedTest
    @MethodSource("estates")
    void appsCarryHostNamesUnderTheirAseDomain(GeneratedEstate e) {
        for (JsonNode app : e.ofType(ResourceWriter.SITE)) {
            JsonNode p = app.path("properties");
            JsonNode ase =
                    e.resolve(p.path("hostingEnvironmentProfile").path("id").asText());
            String expected = app.path("name").asText() + "."
                    + ase.path("properties").path("dnsSuffix").asText();
            assertEquals(expected, p.path("defaultHostName").asText());
            assertEquals(expected, p.path("hostNames").get(0).asText());
        }
    }

    @ParameterizedTest
    @MethodSource("estates")
    void rulePrioritiesAreUniquePerDirectionWithinAzureRange(GeneratedEstate e) {
        for (JsonNode nsg : e.ofType(ResourceWriter.NSG)) {
            Set<String> seen = new HashSet<>();
            Set<String> names = new HashSet<>();
            for (JsonNode r : nsg.path("properties").path("securityRules")) {
                JsonNode p = r.path("properties");
                int priority = p.path("priority").asInt();
                assertTrue(priority >= 100 && priority <= 4096, "priority " + priority);
                assertTrue(
                        seen.add(p.path("direction").asText() + priority),
                        "priority " + priority + " twice in " + nsg.path("name").asText());
                assertTrue(names.add(r.path("name").asText()), "rule name twice");
                assertTrue(
                        r.path("name").asText().matches("\\w[\\w.-]{0,78}[\\w_]"), "Azure rule name " + r.path("name"));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("estates")
    void rulesUseSingularOrPluralFieldsButNeverBoth(GeneratedEstate e) {
        e.securityRules().forEach(r -> {
            JsonNode p = r.path("properties");
            for (String side : List.of("source", "destination")) {
                int forms = (p.hasNonNull(side + "AddressPrefix") ? 1 : 0)
                        + (p.path(side + "AddressPrefixes").size() > 0 ? 1 : 0)
                        + (p.path(side + "ApplicationSecurityGroups").size() > 0 ? 1 : 0);
                assertEquals(1, forms, side + " addresses of " + r.path("id").asText());
                int portForms = (p.hasNonNull(side + "PortRange") ? 1 : 0)
                        + (p.path(side + "PortRanges").size() > 0 ? 1 : 0);
                assertEquals(1, portForms, side + " ports of " + r.path("id").asText());
            }
            assertTrue(Set.of("Tcp", "Udp", "Icmp", "*")
                    .contains(p.path("protocol").asText()));
            assertTrue(Set.of("Allow", "Deny").contains(p.path("access").asText()));
            assertTrue(
                    Set.of("Inbound", "Outbound").contains(p.path("direction").asText()));
            assertTrue(p.path("description").asText("").length() <= 140);
        });
    }

    /** Every address a rule, route, gateway or endpoint names is a valid IPv4 block or address, or a known tag. */
    @ParameterizedTest
    @MethodSource("estates")
    void everyPrefixParsesOrIsAKnownServiceTag(GeneratedEstate e) {
        Set<String> tags = new HashSet<>(e.tagNames());
        tags.addAll(BUILT_IN_TAGS);
        e.securityRules().forEach(r -> {
            JsonNode p = r.path("properties");
            for (String side : List.of("source", "destination")) {
                if (p.hasNonNull(side + "AddressPrefix")) {
                    String value = p.path(side + "AddressPrefix").asText();
                    if (!tags.contains(value)) {
                        Cidr.parsePrefix(value);
                    }
                }
                p.path(side + "AddressPrefixes").forEach(x -> Cidr.parsePrefix(x.asText()));
                p.path(side + "PortRanges").forEach(x -> assertTrue(x.asText().matches("\\*|\\d+(-\\d+)?")));
                assertTrue(p.path(side + "PortRange").asText("0").matches("\\*|\\d+(-\\d+)?"));
            }
        });
        for (JsonNode rt : e.ofType(ResourceWriter.ROUTE_TABLE)) {
            for (JsonNode route : rt.path("properties").path("routes")) {
                JsonNode p = route.path("properties");
                String prefix = p.path("addressPrefix").asText();
                if (!tags.contains(prefix)) {
                    Cidr.parseBlock(prefix);
                }
                boolean appliance = p.path("nextHopType").asText().equals("VirtualAppliance");
                assertEquals(appliance, p.has("nextHopIpAddress"), "nextHopIpAddress iff VirtualAppliance");
                if (appliance) {
                    Ipv4.parse(p.path("nextHopIpAddress").asText());
                }
            }
        }
        for (JsonNode l : e.ofType(ResourceWriter.LOCAL_GATEWAY)) {
            JsonNode prefixes =
                    l.path("properties").path("localNetworkAddressSpace").path("addressPrefixes");
            assertTrue(prefixes.size() > 0);
            prefixes.forEach(x -> Cidr.parseBlock(x.asText()));
            Ipv4.parse(l.path("properties").path("gatewayIpAddress").asText());
        }
        for (JsonNode g : e.ofType(ResourceWriter.GATEWAY)) {
            for (JsonNode learned : g.path("properties").path("learnedRoutes")) {
                Cidr.parseBlock(learned.path("network").asText());
                assertTrue(Set.of("Network", "EBgp", "IBgp")
                        .contains(learned.path("origin").asText()));
                if (!learned.path("nextHop").isNull()) {
                    Ipv4.parse(learned.path("nextHop").asText());
                }
            }
        }
        for (JsonNode ep : e.ofType(ResourceWriter.ENDPOINT)) {
            assertTrue(ep.path("addresses").size() > 0);
            ep.path("addresses").forEach(x -> Cidr.parsePrefix(x.asText()));
            if (ep.has("serviceTag")) {
                assertTrue(tags.contains(ep.path("serviceTag").asText()));
            }
        }
        for (JsonNode pip : e.ofType(ResourceWriter.PUBLIC_IP)) {
            Ipv4.parse(pip.path("properties").path("ipAddress").asText());
        }
    }

    /** Public addresses (ASE VIPs and outbound, public IP resources) are never handed out twice. */
    @ParameterizedTest
    @MethodSource("estates")
    void publicAddressesAreUnique(GeneratedEstate e) {
        List<String> addresses = new ArrayList<>();
        for (JsonNode a : e.ofType(ResourceWriter.ASE)) {
            JsonNode x = a.path("properties").path("addresses");
            addresses.add(x.path("serviceIpAddress").asText());
            boolean natted = e.resolve(a.path("properties")
                            .path("virtualNetwork")
                            .path("id")
                            .asText())
                    .path("properties")
                    .has("natGateway");
            x.path("outboundIpAddresses").forEach(o -> {
                // v1/v2 leave through their VIP, and a v3 behind a NAT gateway through the NAT's public IPs.
                if (!o.asText().equals(x.path("serviceIpAddress").asText()) && !natted) {
                    addresses.add(o.asText());
                }
            });
        }
        e.ofType(ResourceWriter.PUBLIC_IP)
                .forEach(p ->
                        addresses.add(p.path("properties").path("ipAddress").asText()));
        assertEquals(addresses.size(), new HashSet<>(addresses).size(), "a public address used twice");
    }

    @ParameterizedTest
    @MethodSource("estates")
    void connectedPeeringsComeInPairsWithTheRemoteSpace(GeneratedEstate e) {
        Set<String> links = new HashSet<>();
        for (JsonNode v : e.ofType(ResourceWriter.VNET)) {
            for (JsonNode p : v.path("properties").path("virtualNetworkPeerings")) {
                JsonNode props = p.path("properties");
                JsonNode remote =
                        e.resolve(props.path("remoteVirtualNetwork").path("id").asText());
                assertEquals(
                        remote.path("properties").path("addressSpace").path("addressPrefixes"),
                        props.path("remoteAddressSpace").path("addressPrefixes"));
                if (props.path("peeringState").asText().equals("Connected")) {
                    links.add(v.path("id").asText() + ">" + remote.path("id").asText());
                } else {
                    assertEquals("Initiated", props.path("peeringState").asText());
                }
                if (props.path("useRemoteGateways").asBoolean()) {
                    assertFalse(
                            e.ofType(ResourceWriter.GATEWAY).stream().noneMatch(g -> g.path("properties")
                                    .path("ipConfigurations")
                                    .get(0)
                                    .path("properties")
                                    .path("subnet")
                                    .path("id")
                                    .asText()
                                    .startsWith(remote.path("id").asText() + "/")),
                            "useRemoteGateways needs a gateway there");
                }
            }
        }
        for (String link : links) {
            String[] ends = link.split(">");
            assertTrue(links.contains(ends[1] + ">" + ends[0]), "the other side of " + link);
        }
    }

    @ParameterizedTest
    @MethodSource("estates")
    void serviceTagsFileHasTheAzureShape(GeneratedEstate e) {
        JsonNode file = e.serviceTags;
        assertTrue(file.path("changeNumber").isIntegralNumber());
        assertEquals("Public", file.path("cloud").asText());
        Map<String, JsonNode> byName = new HashMap<>();
        for (JsonNode v : file.path("values")) {
            assertEquals(v.path("name").asText(), v.path("id").asText());
            assertTrue(byName.put(v.path("name").asText(), v) == null, "tag listed twice: " + v.path("name"));
            JsonNode p = v.path("properties");
            assertTrue(p.path("addressPrefixes").size() > 0);
            for (JsonNode prefix : p.path("addressPrefixes")) {
                if (!Ipv4.isIpv6(prefix.asText())) {
                    Cidr.parseBlock(prefix.asText());
                }
            }
            String name = v.path("name").asText();
            String region = p.path("region").asText();
            if (region.isEmpty()) {
                assertEquals(0, p.path("regionId").asInt());
            } else {
                assertTrue(name.toLowerCase(Locale.ROOT).endsWith("." + region), name + " in region " + region);
            }
            assertTrue(p.path("networkFeatures").isNull()
                    || p.path("networkFeatures").isArray());
        }
        for (String name : List.of(
                "AzureCloud",
                "AzureCloud.westus",
                "Sql",
                "Sql.WestUS",
                "Storage",
                "Storage.EastUS",
                "AppServiceManagement",
                "AzureFrontDoor.Frontend")) {
            assertNotNull(byName.get(name), name);
        }
        assertTrue(e.summary.tagPrefixesIpv6() > 0, "some IPv6 prefixes");
    }

    /** A global tag lists every prefix of its regional tags, and AzureCloud lists every prefix of every tag. */
    @ParameterizedTest
    @MethodSource("estates")
    void globalTagsContainTheirRegionalPrefixes(GeneratedEstate e) {
        Map<String, Set<String>> prefixes = new HashMap<>();
        for (JsonNode v : e.serviceTags.path("values")) {
            Set<String> set = new HashSet<>();
            v.path("properties").path("addressPrefixes").forEach(x -> set.add(x.asText()));
            prefixes.put(v.path("name").asText(), set);
        }
        prefixes.forEach((name, set) -> {
            assertTrue(prefixes.get("AzureCloud").containsAll(set), name + " inside AzureCloud");
            int dot = name.indexOf('.');
            if (dot > 0 && !name.startsWith("AzureCloud") && !name.startsWith("AzureFrontDoor")) {
                assertTrue(prefixes.get(name.substring(0, dot)).containsAll(set), name + " inside its global tag");
            }
        });
    }

    /** ASE VIPs, NAT and gateway public IPs sit in the AzureCloud tag of their region, as in Azure. */
    @ParameterizedTest
    @MethodSource("estates")
    void aseVipsLieInTheAzureCloudTagOfTheirRegion(GeneratedEstate e) {
        Map<String, List<Cidr>> regional = new HashMap<>();
        for (JsonNode v : e.serviceTags.path("values")) {
            List<Cidr> blocks = new ArrayList<>();
            v.path("properties").path("addressPrefixes").forEach(x -> {
                if (!Ipv4.isIpv6(x.asText())) {
                    blocks.add(Cidr.parseBlock(x.asText()));
                }
            });
            regional.put(v.path("name").asText(), blocks);
        }
        for (JsonNode a : e.ofType(ResourceWriter.ASE)) {
            long vip = Ipv4.parse(a.path("properties")
                    .path("addresses")
                    .path("serviceIpAddress")
                    .asText());
            List<Cidr> cloud = regional.get("AzureCloud." + a.path("location").asText());
            assertTrue(
                    cloud.stream().anyMatch(c -> c.contains(vip)),
                    "VIP of " + a.path("name").asText());
        }
    }

    @ParameterizedTest
    @MethodSource("estates")
    void tagsUsedByRulesRoutesAndEndpointsExistInTheServiceTagsFile(GeneratedEstate e) {
        Set<String> known = new HashSet<>(e.tagNames());
        known.addAll(BUILT_IN_TAGS);
        List<String> unknown = new ArrayList<>();
        e.securityRules().forEach(r -> {
            for (String field : List.of("sourceAddressPrefix", "destinationAddressPrefix")) {
                String value = r.path("properties").path(field).asText("");
                if (!value.isEmpty() && !Character.isDigit(value.charAt(0)) && !known.contains(value)) {
                    unknown.add(value);
                }
            }
        });
        for (JsonNode rt : e.ofType(ResourceWriter.ROUTE_TABLE)) {
            for (JsonNode route : rt.path("properties").path("routes")) {
                String value = route.path("properties").path("addressPrefix").asText();
                if (!Character.isDigit(value.charAt(0)) && !known.contains(value)) {
                    unknown.add(value);
                }
            }
        }
        assertEquals(List.of(), unknown);
    }

    private static void expect(GeneratedEstate e, JsonNode reference, String kind) {
        if (reference.isMissingNode()) {
            return;
        }
        String id = reference.path("id").asText();
        assertEquals(kind, e.kind(id), "reference " + id);
    }

    private static void assertNoOverlap(List<Cidr> blocks, String what) {
        List<Cidr> sorted = new ArrayList<>(blocks);
        sorted.sort(Comparator.naturalOrder());
        for (int i = 1; i < sorted.size(); i++) {
            assertFalse(
                    sorted.get(i - 1).overlaps(sorted.get(i)),
                    what + ": " + sorted.get(i - 1) + " overlaps " + sorted.get(i));
        }
    }

    private static void walk(JsonNode node, String path, BiConsumer<String, String> onText) {
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> walk(f.getValue(), path + "." + f.getKey(), onText));
        } else if (node.isArray()) {
            for (JsonNode x : node) {
                walk(x, path + "[]", onText);
            }
        } else if (node.isTextual()) {
            onText.accept(path, node.asText());
        }
    }
}
