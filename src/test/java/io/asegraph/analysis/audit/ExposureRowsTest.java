package io.asegraph.analysis.audit;

import static io.asegraph.analysis.audit.AuditFixtures.in;
import static io.asegraph.analysis.audit.AuditFixtures.nsg;
import static io.asegraph.analysis.audit.AuditFixtures.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.analysis.AnalysisContext;
import io.asegraph.analysis.Hop;
import io.asegraph.analysis.HopKind;
import io.asegraph.analysis.ReferenceTopology;
import io.asegraph.analysis.Step;
import io.asegraph.net.AddressSet;
import io.asegraph.net.Ipv4;
import io.asegraph.net.Protocol;
import io.asegraph.policy.Access;
import io.asegraph.policy.Direction;
import io.asegraph.policy.NetworkSecurityGroup;
import io.asegraph.policy.PrefixResolver;
import io.asegraph.policy.SecurityRule;
import io.asegraph.policy.Verdict;
import io.asegraph.topology.AppServiceEnvironment;
import io.asegraph.topology.AseKind;
import io.asegraph.topology.NetworkInterface;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.ResourceKind;
import io.asegraph.topology.TopologyBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The rows {@link ExposureAudit} writes for network interfaces and ASEs on the reference topology plus a web subnet
 * (10.0.3.0/24 in ase-vnet): the words of each hop of the path, the notes of a public IP that is not imported or has
 * no address and of an internal ASE, the order of the rows, {@link ExposureAudit#derive} after an NSG change, and what
 * {@link ExposureAdmission} records per NSG of the chain.
 */
class ExposureRowsTest {
    private static final String WEB_SUBNET = ReferenceTopology.VNET + "/subnets/web-subnet";
    private static final String WEB_NIC = AuditFixtures.NET + "/networkInterfaces/web-vm-nic";
    private static final String WEB_PIP = AuditFixtures.NET + "/publicIPAddresses/web-vm-pip";
    private static final String ILB_SUBNET = ReferenceTopology.VNET + "/subnets/ilb-subnet";
    private static final String ILB_ASE = ReferenceTopology.WEB + "/hostingEnvironments/ilb-ase";
    private static final String ROUTES = AuditFixtures.NET + "/routeTables/web-routes";
    /** Internet sources of a target in ase-vnet: the tag's public space minus Azure's host (the VNet is private). */
    private static final AddressSet INTERNET = PrefixResolver.INTERNET.minus(PrefixResolver.AZURE_LOAD_BALANCER);

    /** The reference topology plus web-subnet, optionally with an NSG, and web-vm-nic 10.0.3.4 behind public IP ids. */
    private static TopologyBuilder web(
            Optional<NetworkSecurityGroup> subnetNsg, Optional<NetworkSecurityGroup> nicNsg) {
        TopologyBuilder b = ReferenceTopology.builder().subnet(WEB_SUBNET, ReferenceTopology.VNET, "10.0.3.0/24");
        subnetNsg.ifPresent(n -> b.attachNsg(WEB_SUBNET, n.id().value()));
        b.add(new NetworkInterface(
                ResourceId.of(WEB_NIC),
                "web-vm-nic",
                "westus",
                ResourceId.of(WEB_SUBNET),
                Ipv4.parse("10.0.3.4"),
                nicNsg.map(NetworkSecurityGroup::id),
                List.of(),
                List.of(ResourceId.of(WEB_PIP)),
                ""));
        return b;
    }

    private static AnalysisContext context(TopologyBuilder b, NetworkSecurityGroup... nsgs) {
        return AuditFixtures.context(b.build(), AuditFixtures.seedNsgsWith(nsgs));
    }

    private static List<Exposure> rows(AnalysisContext context, String target, Protocol protocol, Integer... ports) {
        return new ExposureAudit(context)
                .exposures(List.of(ports), protocol).stream()
                        .filter(e -> e.targetName().equals(target))
                        .toList();
    }

    private static Exposure one(AnalysisContext context, String target, int port) {
        List<Exposure> rows = rows(context, target, Protocol.TCP, port);
        assertEquals(1, rows.size(), rows::toString);
        return rows.get(0);
    }

    private static List<String> details(Hop hop) {
        return hop.steps().stream().map(Step::detail).toList();
    }

    private static List<String> summary(List<Exposure> rows) {
        return rows.stream()
                .map(e -> e.targetName() + ":" + e.port() + " " + e.targetKind())
                .toList();
    }

    @Test
    void eachHopOfANicsPathSaysWhatItDoesAndEachNsgWhatItAdmitsByWhichRule() {
        NetworkSecurityGroup subnet = nsg("web-nsg", in("allow-ssh", 100, Access.ALLOW, "Internet", "22"));
        NetworkSecurityGroup nic =
                nsg("web-nic-nsg", in("allow-ssh-from-partner", 100, Access.ALLOW, "203.0.113.0/24", "22"));
        AnalysisContext both =
                context(web(Optional.of(subnet), Optional.of(nic)).publicIp(WEB_PIP, "52.1.2.3"), subnet, nic);
        Exposure e = one(both, "web-vm-nic", 22);
        assertEquals(Verdict.PARTIAL, e.verdict());
        assertEquals(
                List.of("Internet sources send TCP port 22 to 52.1.2.3."),
                details(e.path().get(0)));
        assertEquals(HopKind.PUBLIC_IP_ADDRESS, e.path().get(1).kind());
        assertEquals(
                List.of("Public IP web-vm-pip (52.1.2.3) forwards to web-vm-nic's private address 10.0.3.4."),
                details(e.path().get(1)));
        // What each NSG admits of what gets through both: the partner block.
        assertEquals(
                List.of("web-nsg (inbound) admits 203.0.113.0/24 by web-nsg securityRules/allow-ssh."),
                details(e.path().get(2)));
        assertEquals(
                List.of(
                        "web-nic-nsg (inbound) admits 203.0.113.0/24 by web-nic-nsg"
                                + " securityRules/allow-ssh-from-partner.",
                        "Delivered to web-vm-nic (10.0.3.4) on TCP port 22."),
                details(e.path().get(3)));
        assertEquals(List.of(), e.warnings());

        AnalysisContext subnetOnly =
                context(web(Optional.of(subnet), Optional.empty()).publicIp(WEB_PIP, "52.1.2.3"), subnet);
        Exposure any = rows(subnetOnly, "web-vm-nic", Protocol.ANY, 22).get(0);
        assertEquals(Verdict.ALLOWED, any.verdict());
        assertEquals(
                List.of("Internet sources send any protocol port 22 to 52.1.2.3."),
                details(any.path().get(0)));
        assertEquals(
                List.of("web-nsg (inbound) admits every Internet source by web-nsg securityRules/allow-ssh."),
                details(any.path().get(2)));
        assertEquals(
                List.of("Delivered to web-vm-nic (10.0.3.4) on any protocol port 22."),
                details(any.path().get(3)));
    }

    @Test
    void anNsgMissingFromTheSnapshotIsSaidOnItsHopAndNamedAsTheCause() {
        NetworkSecurityGroup ghost = nsg("ghost-nsg");
        TopologyBuilder b = web(Optional.of(ghost), Optional.empty()).publicIp(WEB_PIP, "52.1.2.3");
        Exposure e = one(AuditFixtures.context(b.build(), ReferenceTopology.nsgs()), "web-vm-nic", 22);
        assertEquals(Verdict.UNDETERMINED, e.verdict());
        assertEquals(
                List.of("ghost-nsg is associated here but is not in the snapshot: what it admits is unknown."),
                details(e.path().get(2)));
        assertEquals(
                List.of("NSG " + ghost.id().value() + " is associated with web-subnet but is not in the snapshot"),
                e.causes());
    }

    @Test
    void anNsgRuleThatCannotBeResolvedMayAdmitSourcesAndItsStepSaysWhich() {
        NetworkSecurityGroup subnet = nsg("web-nsg", in("allow-azure", 100, Access.ALLOW, "AzureCloud", "1433"));
        Exposure e = one(
                context(web(Optional.of(subnet), Optional.empty()).publicIp(WEB_PIP, "52.1.2.3"), subnet),
                "web-vm-nic",
                1433);
        assertEquals(Verdict.UNDETERMINED, e.verdict());
        // An unknown tag may hold any address: every Internet source may be admitted.
        assertEquals(INTERNET, e.undeterminedSources());
        assertEquals(
                List.of("web-nsg (inbound) may admit " + Describe.addresses(INTERNET)
                        + " through a rule it cannot resolve."),
                details(e.path().get(2)));
    }

    @Test
    void aPublicIpThatIsNotImportedOrHasNoAddressIsSaidSoAndTheFormerIsANote() {
        // Not imported: no address, and the row notes how to import it, with an NSG or without.
        NetworkSecurityGroup subnet = nsg("web-nsg", in("allow-ssh", 100, Access.ALLOW, "Internet", "22"));
        String note =
                ResourceKind.PUBLIC_IP_ADDRESS.notImported(ResourceId.of(WEB_PIP), "network interface web-vm-nic");
        Exposure filtered = one(context(web(Optional.of(subnet), Optional.empty()), subnet), "web-vm-nic", 22);
        assertEquals(Optional.empty(), filtered.publicAddress());
        assertEquals(List.of(note), filtered.warnings());
        assertEquals(
                List.of("Internet sources send TCP port 22 to its public IP (no address allocated)."),
                details(filtered.path().get(0)));
        assertEquals(
                List.of("Public IP web-vm-pip (not imported) forwards to web-vm-nic's private address 10.0.3.4."),
                details(filtered.path().get(1)));
        Exposure open = one(context(web(Optional.empty(), Optional.empty())), "web-vm-nic", 22);
        assertEquals(
                List.of("Neither web-subnet nor web-vm-nic has an NSG: nothing filters inbound traffic.", note),
                open.warnings());

        // Imported without an address (a dynamic IP not allocated): no note.
        Exposure dynamic =
                one(context(web(Optional.empty(), Optional.empty()).publicIp(WEB_PIP, null)), "web-vm-nic", 22);
        assertEquals(Optional.empty(), dynamic.publicAddress());
        assertEquals(
                List.of("Neither web-subnet nor web-vm-nic has an NSG: nothing filters inbound traffic."),
                dynamic.warnings());
        assertEquals(
                List.of("Public IP web-vm-pip (no address allocated) forwards to web-vm-nic's private address"
                        + " 10.0.3.4."),
                details(dynamic.path().get(1)));
    }

    @Test
    void anInternalAsesPublicVipServesOnlyManagementAndItsRowsSaySo() {
        TopologyBuilder b = ReferenceTopology.builder()
                .subnet(ILB_SUBNET, ReferenceTopology.VNET, "10.0.5.0/24")
                .internalAse(ILB_ASE, ILB_SUBNET, "192.23.5.6", "10.0.5.10");
        String note = "ilb-ase is an internal (ILB) ASE: its apps listen on the ILB address, and its public VIP serves"
                + " the management ports 454-455";
        List<Exposure> open = rows(context(b), "ilb-ase", Protocol.TCP, 443, 454, 455);
        assertEquals(List.of("ilb-ase:454 AppServiceEnvironment", "ilb-ase:455 AppServiceEnvironment"), summary(open));
        assertEquals(
                List.of("No NSG on ilb-subnet: nothing filters inbound traffic.", note),
                open.get(0).warnings());
        assertEquals(
                List.of("Public VIP 192.23.5.6 hands the call to ilb-ase's workers in ilb-subnet (10.0.5.0/24)."),
                details(open.get(0).path().get(1)));
        assertEquals(
                List.of("Delivered to ilb-ase's workers in ilb-subnet (10.0.5.0/24) on TCP port 454."),
                details(open.get(0).path().get(3)));

        NetworkSecurityGroup ilb = nsg("ilb-nsg", in("allow-management", 100, Access.ALLOW, "Internet", "454-455"));
        Exposure filtered = one(context(b.attachNsg(ILB_SUBNET, ilb.id().value()), ilb), "ilb-ase", 454);
        assertEquals(Verdict.ALLOWED, filtered.verdict());
        assertEquals(List.of(note), filtered.warnings());

        // An external ASE has no such note: ase-one (no NSG) is warned about that only.
        Exposure external = one(AuditFixtures.reference(), "ase-one", 443);
        assertEquals(List.of("No NSG on ase-one-subnet: nothing filters inbound traffic."), external.warnings());
    }

    @Test
    void anUnfilteredNicOnAForcedTunnelIsWarnedAboutTheAsymmetricReturnPath() {
        TopologyBuilder b = web(Optional.empty(), Optional.empty())
                .publicIp(WEB_PIP, "52.1.2.3")
                .routeTable(ROUTES, false, TopologyBuilder.applianceRoute("to-firewall", "0.0.0.0/0", "10.0.4.4"))
                .attachRouteTable(WEB_SUBNET, ROUTES);
        Exposure e = one(context(b), "web-vm-nic", 22);
        assertEquals(2, e.warnings().size(), e.warnings()::toString);
        assertEquals(
                "Neither web-subnet nor web-vm-nic has an NSG: nothing filters inbound traffic.",
                e.warnings().get(0));
        assertTrue(
                e.warnings()
                        .get(1)
                        .startsWith("Replies from web-subnet to some of these sources do not go straight"
                                + " to the Internet ("),
                e.warnings()::toString);
        assertTrue(e.warnings().get(1).contains("to-firewall"), e.warnings()::toString);
    }

    @Test
    void rowsAreOrderedByTargetNameIgnoringCaseThenByIdThenByPort() {
        // A NIC "Zulu-nic", and a NIC and an ASE both named "twin": the ASE is in resource group a-rg, whose id sorts
        // before the NIC's (ase-rg) though the audit meets interfaces first.
        String aRg = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/a-rg/providers";
        TopologyBuilder b = ReferenceTopology.builder()
                .subnet(WEB_SUBNET, ReferenceTopology.VNET, "10.0.3.0/24")
                .subnet(ILB_SUBNET, ReferenceTopology.VNET, "10.0.5.0/24")
                .publicIp(WEB_PIP, "52.1.2.3")
                .publicIp(AuditFixtures.NET + "/publicIPAddresses/twin-pip", "52.1.2.4")
                .nic(AuditFixtures.NET + "/networkInterfaces/Zulu-nic", WEB_SUBNET, "10.0.3.4", WEB_PIP)
                .nic(
                        AuditFixtures.NET + "/networkInterfaces/twin",
                        WEB_SUBNET,
                        "10.0.3.5",
                        AuditFixtures.NET + "/publicIPAddresses/twin-pip")
                .add(new AppServiceEnvironment(
                        ResourceId.of(aRg + "/Microsoft.Web/hostingEnvironments/twin"),
                        "twin",
                        "westus",
                        AseKind.ASEV1,
                        "None",
                        ResourceId.of(ILB_SUBNET),
                        Optional.of(Ipv4.parse("192.23.5.6")),
                        List.of(Ipv4.parse("192.23.5.6")),
                        Optional.empty(),
                        List.of(),
                        List.of()));
        List<Exposure> rows = new ExposureAudit(context(b)).exposures(List.of(443, 80), Protocol.TCP);
        assertEquals(
                List.of(
                        "ase-one:80 AppServiceEnvironment",
                        "ase-one:443 AppServiceEnvironment",
                        "ase-two:80 AppServiceEnvironment",
                        "ase-two:443 AppServiceEnvironment",
                        "twin:80 AppServiceEnvironment",
                        "twin:443 AppServiceEnvironment",
                        "twin:80 NetworkInterface",
                        "twin:443 NetworkInterface",
                        "Zulu-nic:80 NetworkInterface",
                        "Zulu-nic:443 NetworkInterface"),
                summary(rows));
    }

    /** {@code e} on {@code port}, warning {@code marker} only, found through {@code dnat}. */
    private static Exposure copy(Exposure e, int port, String marker, Optional<DnatPublication> dnat) {
        return new Exposure(
                e.target(),
                e.targetKind(),
                e.targetName(),
                e.publicAddress(),
                port,
                e.protocol(),
                e.verdict(),
                e.exposedSources(),
                e.undeterminedSources(),
                e.admittedBy(),
                e.causes(),
                List.of(marker),
                e.path(),
                dnat);
    }

    @Test
    void deriveReevaluatesTheTargetsBehindAChangedNsgAndTakesEveryOtherRowFromBefore() {
        NetworkSecurityGroup open = nsg("web-nsg", in("allow-https", 100, Access.ALLOW, "Internet", "443"));
        NetworkSecurityGroup partner = nsg("web-nsg", in("allow-https", 100, Access.ALLOW, "203.0.113.0/24", "443"));
        AnalysisContext beforeContext =
                context(web(Optional.of(open), Optional.empty()).publicIp(WEB_PIP, "52.1.2.3"), open);
        AnalysisContext afterContext =
                context(web(Optional.of(partner), Optional.empty()).publicIp(WEB_PIP, "52.1.2.3"), partner);
        List<Integer> ports = List.of(443, 454);
        List<Exposure> before = new ExposureAudit(beforeContext).exposures(ports, Protocol.TCP);
        List<Exposure> after = new ExposureAudit(afterContext).exposures(ports, Protocol.TCP);
        ExposureAudit audit = new ExposureAudit(afterContext);
        assertEquals(after, audit.derive(ports, Protocol.TCP, before, Set.of(open.id())));
        assertEquals(
                AddressSet.parse("203.0.113.0/24"),
                after.stream()
                        .filter(e -> e.targetName().equals("web-vm-nic"))
                        .findFirst()
                        .orElseThrow()
                        .exposedSources());

        // ase-two (behind ase-two-nsg, unchanged) keeps the 454 row given for it, marked; its 443 row is given only
        // as one found through a DNAT rule, which is not taken from before (those are evaluated again: none here).
        List<Exposure> given = new ArrayList<>();
        for (Exposure e : before) {
            if (e.targetName().equals("ase-two") && e.port() == 443) {
                continue;
            }
            if (e.targetName().equals("ase-two") && e.port() == 454) {
                given.add(copy(e, 454, "kept from before", Optional.empty()));
                given.add(copy(
                        e,
                        443,
                        "through a DNAT rule",
                        Optional.of(new DnatPublication(
                                ResourceId.of(AuditFixtures.NET + "/azureFirewalls/fw"),
                                "fw",
                                "nat",
                                "r",
                                100,
                                List.of(),
                                List.of("443"),
                                0,
                                443,
                                AddressSet.EMPTY))));
            } else {
                given.add(e);
            }
        }
        List<Exposure> derived = audit.derive(ports, Protocol.TCP, given, Set.of(open.id()));
        List<Exposure> aseTwo =
                derived.stream().filter(e -> e.targetName().equals("ase-two")).toList();
        assertEquals(List.of(454), aseTwo.stream().map(Exposure::port).toList(), summary(derived)::toString);
        assertEquals(List.of("kept from before"), aseTwo.get(0).warnings());
        assertEquals(List.of(), audit.derive(List.of(), Protocol.TCP, before, Set.of(open.id())));
    }

    @Test
    void theAdmissionRecordsOneEntryPerNsgOfTheChain() {
        NetworkSecurityGroup subnet = nsg("web-nsg", in("allow-ssh", 100, Access.ALLOW, "Internet", "22"));
        NetworkSecurityGroup nic = nsg("web-nic-nsg", in("allow-ssh", 100, Access.ALLOW, "203.0.113.0/24", "22"));
        AnalysisContext context =
                context(web(Optional.of(subnet), Optional.of(nic)).publicIp(WEB_PIP, "52.1.2.3"), subnet, nic);
        ExposureTarget t = ExposureTarget.of(context).stream()
                .filter(x -> x.name().equals("web-vm-nic"))
                .findFirst()
                .orElseThrow();
        ExposureAdmission a = ExposureAdmission.of(context, t, 22, Protocol.TCP, INTERNET);
        assertEquals(2, a.admitting().size());
        assertEquals(2, a.admittedAt().size());
        assertEquals(AddressSet.parse("203.0.113.0/24"), a.exposed());
        assertEquals(AddressSet.parse("203.0.113.0/24"), a.admittedAt().get(0));
        assertEquals(
                Set.of("web-nic-nsg securityRules/allow-ssh"), a.admitting().get(1));
    }

    /** An inbound TCP rule from the Internet's source ports {@code sourcePorts} to port 22. */
    private static SecurityRule fromPorts(String name, int priority, Access access, String sourcePorts) {
        return rule(
                name,
                priority,
                Direction.INBOUND,
                access,
                Protocol.TCP,
                List.of("Internet"),
                List.of(sourcePorts),
                List.of("*"),
                List.of("22"));
    }

    @Test
    void anAllowAndADenyOfOverlappingSourcePortsInTwoNsgsLetNoFlowThrough() {
        // The subnet NSG admits source ports 0-2000 only; the NIC NSG denies 0-2000 and admits the rest: no source
        // port gets through both.
        NetworkSecurityGroup subnet = nsg("web-nsg", fromPorts("allow-low", 100, Access.ALLOW, "0-2000"));
        NetworkSecurityGroup nic = nsg(
                "web-nic-nsg",
                fromPorts("deny-low", 100, Access.DENY, "0-2000"),
                fromPorts("allow-rest", 200, Access.ALLOW, "*"));
        AnalysisContext context =
                context(web(Optional.of(subnet), Optional.of(nic)).publicIp(WEB_PIP, "52.1.2.3"), subnet, nic);
        assertEquals(List.of(), rows(context, "web-vm-nic", Protocol.TCP, 22));
    }
}
