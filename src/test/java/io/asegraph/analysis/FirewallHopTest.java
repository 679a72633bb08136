package io.asegraph.analysis;

import static io.asegraph.analysis.FirewallPathTest.NET;
import static io.asegraph.analysis.FirewallPathTest.firewall;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asegraph.estate.Estate;
import io.asegraph.importing.ParsedDocument;
import io.asegraph.net.AddressSet;
import io.asegraph.policy.PolicySet;
import io.asegraph.policy.PolicyTypes;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.Routing;
import io.asegraph.topology.Topology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * What the walk does after an Azure Firewall ({@link FirewallHop}) on the hub-firewall estate of
 * {@code src/test/resources/estates/hub-firewall.json}, varied: the routes of AzureFirewallSubnet (None, another
 * appliance, a gateway, an unimported service tag, different routes for one destination), the SNAT private ranges, and
 * the firewall's public IPs. locked-ase (ase-subnet 10.200.0.0/24) sends everything to hub-fw (10.100.1.4) by
 * {@code 0.0.0.0/0}; hub-fw has public IPs 20.50.0.10 and 20.50.0.11.
 */
class FirewallHopTest {
    static final String HUB_VNET = NET + "/virtualNetworks/hub-vnet";
    static final String TO_FIREWALL =
            "The route 0.0.0.0/0 → VirtualAppliance 10.100.1.4 (user route default-to-firewall in spoke-routes) sends"
                    + " the call to Azure Firewall hub-fw (10.100.1.4)";
    static final String ENTERS =
            "Enters Azure Firewall hub-fw at 10.100.1.4, which applies its rules to every source" + " address.";

    static Walk walk(Consumer<ArrayNode> edit, String to) {
        ArrayNode doc = FirewallPathTest.read(FirewallPathTest.DOCUMENT);
        edit.accept(doc);
        ParsedDocument resources = FirewallPathTest.parse(doc.toString());
        ParsedDocument tags;
        try {
            tags = FirewallPathTest.parse(Files.readString(FirewallPathTest.TAGS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Topology t = Topology.of(resources.resources());
        PolicySet policies = new PolicySet(List.of(), List.of(), tags.of(PolicyTypes.SERVICE_TAGS));
        Routing routing = AnalysisContext.of(new Estate(t, policies, 1)).routing();
        ReferenceResolver resolver = ReferenceResolver.of(t);
        return new CallSourceWalker(routing)
                .walk(resolver.resolveCaller("locked-ase"), resolver.resolveDestination(to));
    }

    /** An endpoint named {@code name} over {@code blocks}. */
    static Consumer<ArrayNode> endpoint(String name, String... blocks) {
        return doc -> {
            ObjectNode e = doc.addObject()
                    .put("id", "/asegraph/endpoints/" + name)
                    .put("name", name)
                    .put("type", "asegraph/endpoints")
                    .put("location", "westeurope");
            ArrayNode a = e.putArray("addresses");
            for (String b : blocks) {
                a.add(b);
            }
        };
    }

    /** A route table fw-routes on AzureFirewallSubnet with one route; {@code nextHopIp} only for an appliance. */
    static Consumer<ArrayNode> firewallSubnetRoute(String prefix, String nextHopType, String nextHopIp) {
        String table = NET + "/routeTables/fw-routes";
        return doc -> {
            ObjectNode rt = doc.addObject()
                    .put("id", table)
                    .put("name", "fw-routes")
                    .put("type", "Microsoft.Network/routeTables")
                    .put("location", "westeurope");
            ObjectNode r =
                    rt.putObject("properties").putArray("routes").addObject().put("name", "fw-route");
            ObjectNode p =
                    r.putObject("properties").put("addressPrefix", prefix).put("nextHopType", nextHopType);
            if (nextHopIp != null) {
                p.put("nextHopIpAddress", nextHopIp);
            }
            for (JsonNode res : doc) {
                if (res.path("id").asText().equals(HUB_VNET)) {
                    for (JsonNode s : res.path("properties").path("subnets")) {
                        if (s.path("name").asText().equals("AzureFirewallSubnet")) {
                            ((ObjectNode) s.path("properties"))
                                    .putObject("routeTable")
                                    .put("id", table);
                        }
                    }
                }
            }
        };
    }

    static Consumer<ArrayNode> snatPrivateRanges(String ranges) {
        return doc -> ((ObjectNode) firewall(doc).path("properties").path("additionalProperties"))
                .put("Network.SNAT.PrivateRanges", ranges);
    }

    /** Edits the public IP resource {@code name} (remove it with {@code null}). */
    static Consumer<ArrayNode> publicIp(String name, Consumer<ObjectNode> change) {
        return doc -> {
            for (int i = 0; i < doc.size(); i++) {
                if (doc.get(i).path("name").asText().equals(name)) {
                    if (change == null) {
                        doc.remove(i);
                    } else {
                        change.accept((ObjectNode) doc.get(i).path("properties"));
                    }
                    return;
                }
            }
            throw new IllegalStateException("no public IP " + name);
        };
    }

    static Hop firewallHop(CallSource c) {
        assertEquals(HopKind.AZURE_FIREWALL, c.trace().get(1).kind(), c.trace().toString());
        return c.trace().get(1);
    }

    static List<String> details(Hop h) {
        return h.steps().stream().map(Step::detail).toList();
    }

    @Test
    void routesOfTheFirewallSubnetSplittingTheDestinationLeaveItUndetermined() {
        Walk w =
                walk(endpoint("split", "60.0.0.0/8").andThen(firewallSubnetRoute("60.0.0.0/9", "None", null)), "split");
        CallSource c = w.callSource();
        assertEquals(SourceKind.UNDETERMINED, c.kind(), c.reason());
        assertEquals(
                TO_FIREWALL + ", and the routes of AzureFirewallSubnet send the addresses of 60.0.0.0/8 different ways;"
                        + " ask about one address.",
                c.reason());
        assertEquals(
                List.of(ENTERS, "The source after the firewall is not known to the model."), details(firewallHop(c)));
        assertEquals(Optional.of(ResourceId.of(NET + "/azureFirewalls/hub-fw")), w.firewall());
    }

    @Test
    void aNoneRouteOfTheFirewallSubnetDropsTheCallAfterTheFirewall() {
        Walk w = walk(endpoint("dark", "60.0.0.0/9").andThen(firewallSubnetRoute("60.0.0.0/9", "None", null)), "dark");
        CallSource c = w.callSource();
        assertEquals(SourceKind.UNREACHABLE, c.kind(), c.reason());
        assertEquals(TO_FIREWALL + ", and AzureFirewallSubnet drops 60.0.0.0/9 (next hop None).", c.reason());
        assertTrue(w.firewall().isPresent(), "the firewall's rules still apply");
        // The trace shows where it was dropped: at the firewall, after the route from its subnet.
        assertEquals(
                List.of(HopKind.APP_SERVICE_ENVIRONMENT, HopKind.AZURE_FIREWALL),
                c.trace().stream().map(Hop::kind).toList(),
                c.trace().toString());
        Hop fw = c.trace().get(1);
        assertEquals(StepType.DROP, fw.stepTypes().get(fw.stepTypes().size() - 1), fw.toString());
        assertTrue(
                fw.steps().get(fw.steps().size() - 1).detail().startsWith("Next hop None from the firewall's subnet"),
                fw.toString());
    }

    @Test
    void anotherApplianceAfterTheFirewallDecidesTheSource() {
        CallSource c = walk(
                        endpoint("nva", "60.0.0.0/9")
                                .andThen(firewallSubnetRoute("60.0.0.0/9", "VirtualAppliance", "10.100.2.50")),
                        "nva")
                .callSource();
        assertEquals(SourceKind.UNDETERMINED, c.kind(), c.reason());
        assertEquals(TO_FIREWALL + ", which forwards it to another appliance, which decides the source.", c.reason());
    }

    @Test
    void aGatewayRouteOfTheFirewallSubnetTowardTheInternetIsForcedTunnelling() {
        CallSource c = walk(
                        endpoint("tunnelled", "60.0.0.0/9")
                                .andThen(firewallSubnetRoute("60.0.0.0/9", "VirtualNetworkGateway", null)),
                        "tunnelled")
                .callSource();
        assertEquals(SourceKind.UNDETERMINED, c.kind(), c.reason());
        assertTrue(
                c.reason()
                        .startsWith(TO_FIREWALL + ", and AzureFirewallSubnet tunnels it on to a virtual network gateway"
                                + " (forced tunnelling from the firewall), where the source is decided; this breaks"
                                + " locked-ase's required direct outbound path"),
                c.reason());
    }

    @Test
    void anUnimportedServiceTagRouteOfTheFirewallSubnetMayDecide() {
        CallSource c = walk(firewallSubnetRoute("AzureCosmosDB", "VirtualAppliance", "10.100.2.50"), "hubfw-partner")
                .callSource();
        assertEquals(SourceKind.UNDETERMINED, c.kind(), c.reason());
        assertEquals(
                TO_FIREWALL + ", and a user route of AzureFirewallSubnet whose service tag is not imported may decide"
                        + " where it goes next.",
                c.reason());
    }

    @Test
    void aDestinationPartlyInTheSnatPrivateRangesIsUndetermined() {
        CallSource c = walk(endpoint("half", "60.0.0.0/8").andThen(snatPrivateRanges("60.0.0.0/9")), "half")
                .callSource();
        assertEquals(SourceKind.UNDETERMINED, c.kind(), c.reason());
        assertEquals(
                TO_FIREWALL
                        + "; part of 60.0.0.0/8 is in its SNAT private ranges and part is not, so the source differs"
                        + " by address; ask about one address.",
                c.reason());
    }

    @Test
    void anInternetDestinationInTheSnatPrivateRangesIsNotTranslatedYetLeaves() {
        CallSource c = walk(endpoint("kept", "60.0.0.0/9").andThen(snatPrivateRanges("60.0.0.0/9")), "kept")
                .callSource();
        assertEquals(SourceKind.UNDETERMINED, c.kind(), c.reason());
        assertEquals(
                TO_FIREWALL + ", which does not translate 60.0.0.0/9 (in its SNAT private ranges) yet sends it to the"
                        + " Internet.",
                c.reason());
    }

    @Test
    void everyPublicIpOfTheFirewallMayBeTheSource() {
        CallSource c = walk(doc -> {}, "hubfw-partner").callSource();
        assertEquals(SourceKind.AZURE_FIREWALL, c.kind(), c.reason());
        assertEquals(AddressSet.parse("20.50.0.10/31"), c.sources());
        assertEquals(
                TO_FIREWALL
                        + ", which sends it to the Internet translated to its public IPs 20.50.0.10, 20.50.0.11 (any"
                        + " of them may be used; allow them all).",
                c.reason());
        assertEquals(
                "Translated to hub-fw's public IPs 20.50.0.10, 20.50.0.11 (any of them may be used).",
                details(firewallHop(c)).get(2));
    }

    @Test
    void oneAllocatedPublicIpIsTheOneSource() {
        CallSource c = walk(publicIp("fw-pip-2", p -> p.remove("ipAddress")), "hubfw-partner")
                .callSource();
        assertEquals(SourceKind.AZURE_FIREWALL, c.kind(), c.reason());
        assertEquals(AddressSet.parse("20.50.0.10"), c.sources());
        assertEquals(
                TO_FIREWALL + ", which sends it to the Internet translated to its public IP 20.50.0.10.", c.reason());
        assertEquals(
                "Translated to hub-fw's public IP 20.50.0.10.",
                details(firewallHop(c)).get(2));
    }

    @Test
    void noAllocatedPublicIpLeavesTheSourceUndetermined() {
        CallSource c = walk(
                        publicIp("fw-pip-1", p -> p.remove("ipAddress"))
                                .andThen(publicIp("fw-pip-2", p -> p.remove("ipAddress"))),
                        "hubfw-partner")
                .callSource();
        assertEquals(SourceKind.UNDETERMINED, c.kind(), c.reason());
        assertEquals(
                TO_FIREWALL + ", which has no allocated public address in the snapshot, so the source cannot be told.",
                c.reason());
    }

    @Test
    void aPrivateAddressBeyondTheFirewallLandsInItsSubnetAndInterface() {
        Walk w = walk(doc -> {}, "10.201.0.10");
        CallSource c = w.callSource();
        assertEquals(SourceKind.SUBNET_RANGE, c.kind(), c.reason());
        assertEquals("10.200.0.0/24", c.addressRange().orElseThrow().toString());
        assertEquals(
                Optional.of(ResourceId.of(NET + "/virtualNetworks/spoke2-vnet/subnets/api-subnet")),
                w.destinationSubnet());
        assertEquals(Optional.of(ResourceId.of(NET + "/networkInterfaces/api-nic")), w.destinationNic());
        assertEquals(
                "Not translated: 10.201.0.10 is in hub-fw's SNAT private ranges, so the source stays one of"
                        + " locked-ase's worker addresses in ase-subnet 10.200.0.0/24 (not a fixed address).",
                details(firewallHop(c)).get(2));
        assertEquals(
                List.of("AppServiceEnvironment", "AzureFirewall", "Address"),
                c.trace().stream().map(h -> h.kind().label()).toList());
        // an address of spoke2 that no subnet holds
        Walk none = walk(doc -> {}, "10.201.9.9");
        assertTrue(none.destinationSubnet().isEmpty());
        assertTrue(none.destinationNic().isEmpty());
    }

    @Test
    void snatAlwaysTranslatesAPrivateDestinationToAFirewallAddress() {
        CallSource c =
                walk(snatPrivateRanges("255.255.255.255/32"), "10.201.0.10").callSource();
        assertEquals(SourceKind.UNDETERMINED, c.kind(), c.reason());
        assertEquals(
                TO_FIREWALL.replace(
                                "0.0.0.0/0 → VirtualAppliance 10.100.1.4 (user route default-to-firewall",
                                "10.201.0.0/16 → VirtualAppliance 10.100.1.4 (user route spoke2-via-firewall")
                        + ", which translates 10.201.0.10 (outside its SNAT private ranges) to one of its private"
                        + " addresses in AzureFirewallSubnet, chosen per instance.",
                c.reason());
    }
}
