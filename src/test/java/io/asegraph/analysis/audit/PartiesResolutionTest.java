package io.asegraph.analysis.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.analysis.AnalysisContext;
import io.asegraph.analysis.ReferenceTopology;
import io.asegraph.net.AddressSet;
import io.asegraph.net.Ipv4;
import io.asegraph.policy.PrefixResolver;
import io.asegraph.policy.ServiceTag;
import io.asegraph.topology.AppServiceEnvironment;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.Subnet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link Parties}: the address sets a health requirement names, for one ASE — exact where the Service Tags file holds
 * them, the documented superset (with the reason) where it does not.
 */
class PartiesResolutionTest {
    private static final ServiceTag MANAGEMENT = AuditFixtures.tag("AppServiceManagement", "13.64.0.0/16");
    private static final ServiceTag STORAGE = AuditFixtures.tag("Storage", "20.38.0.0/16");
    private static final ServiceTag SQL_WESTUS = AuditFixtures.tag("Sql.WestUS", "40.112.240.0/20");

    private static AnalysisContext context(ServiceTag... tags) {
        return AuditFixtures.reference(ReferenceTopology.nsgs(), tags);
    }

    /** ase-one (region westus) in ase-one-subnet 10.0.1.0/26, as the health audit reads it. */
    private static HealthSubject aseOne(AnalysisContext context) {
        return subject(
                context,
                context.topology()
                        .environment(ResourceId.of(ReferenceTopology.ASE_ONE))
                        .orElseThrow());
    }

    private static HealthSubject subject(AnalysisContext context, AppServiceEnvironment ase) {
        Subnet subnet = context.topology().subnet(ase.subnetId()).orElseThrow();
        return new HealthSubject(
                ase, subnet, context.subnetNsg(subnet), context.routing().effectiveRoutes(subnet));
    }

    private static Party resolve(AnalysisContext context, AddressSource source) {
        return new Parties(context.policies()).resolve(source, aseOne(context));
    }

    private static void assertExact(Party p) {
        assertTrue(p.exact(), p.toString());
        assertEquals(Optional.empty(), p.because());
        assertEquals(Optional.empty(), p.note());
    }

    @Test
    void theAseSubnetTheInternetAndTheLoadBalancerAreExactSets() {
        AnalysisContext context = context();
        Party subnet = resolve(context, AddressSource.ASE_SUBNET);
        assertEquals(AddressSet.parse("10.0.1.0/26"), subnet.addresses());
        assertEquals("the ASE subnet ase-one-subnet (10.0.1.0/26)", subnet.description());
        assertExact(subnet);
        Party internet = resolve(context, AddressSource.INTERNET);
        assertEquals(PrefixResolver.INTERNET, internet.addresses());
        assertEquals("the Internet", internet.description());
        assertExact(internet);
        Party lb = resolve(context, AddressSource.AZURE_LOAD_BALANCER);
        assertEquals(AddressSet.parse("168.63.129.16/32"), lb.addresses());
        assertEquals("the Azure load balancer (168.63.129.16)", lb.description());
        assertExact(lb);
    }

    @Test
    void appServiceManagementImportedIsExactlyItsPrefixes() {
        AnalysisContext context = context(MANAGEMENT);
        for (AddressSource source :
                new AddressSource[] {AddressSource.MANAGEMENT_OR_INTERNET, AddressSource.MANAGEMENT_WITHIN_INTERNET}) {
            Party p = resolve(context, source);
            assertEquals(AddressSet.parse("13.64.0.0/16"), p.addresses());
            assertEquals("AppServiceManagement", p.description());
            assertExact(p);
        }
    }

    @Test
    void withoutAppServiceManagementV1RequiresTheWholeInternetAsDocumented() {
        Party p = resolve(context(), AddressSource.MANAGEMENT_OR_INTERNET);
        assertEquals(PrefixResolver.INTERNET, p.addresses());
        assertEquals("the Internet", p.description());
        assertTrue(p.exact(), "the v1 documentation names the Internet as the source: exactly the requirement");
        assertEquals(Optional.of("the AppServiceManagement tag is not imported"), p.because());
        assertEquals(
                Optional.of("AppServiceManagement is not imported, so every Internet address is required,"
                        + " as the v1 documentation states"),
                p.note());
    }

    @Test
    void withoutAppServiceManagementLaterVersionsCheckTheInternetAsASuperset() {
        Party p = resolve(context(), AddressSource.MANAGEMENT_WITHIN_INTERNET);
        assertEquals(PrefixResolver.INTERNET, p.addresses());
        assertFalse(p.exact(), "the Internet only holds the management addresses");
        assertEquals(Optional.of("the AppServiceManagement tag is not imported"), p.because());
        assertEquals(
                Optional.of("AppServiceManagement is not imported, so the whole Internet, which holds it, is checked"),
                p.note());
    }

    @Test
    void aServiceTagIsItsPrefixesWhenImportedAndTheInternetOtherwise() {
        AddressSource storage = AddressSource.tag("Storage", "Azure Storage");
        Party imported = resolve(context(STORAGE), storage);
        assertEquals(AddressSet.parse("20.38.0.0/16"), imported.addresses());
        assertEquals("Azure Storage (Storage)", imported.description());
        assertExact(imported);
        Party missing = resolve(context(), storage);
        assertEquals(PrefixResolver.INTERNET, missing.addresses());
        assertEquals("Azure Storage (Storage)", missing.description());
        assertFalse(missing.exact());
        assertEquals(Optional.of("the Storage tag is not imported"), missing.because());
        assertEquals(
                Optional.of("Storage is not imported, so the whole Internet, which holds it, is checked"),
                missing.note());
    }

    @Test
    void aRegionalTagIsTheTagOfTheAsesRegion() {
        AddressSource sql = AddressSource.regionalTag("Sql", "Azure SQL");
        Party imported = resolve(context(SQL_WESTUS), sql);
        assertEquals(AddressSet.parse("40.112.240.0/20"), imported.addresses());
        assertEquals("Azure SQL in westus (Sql.westus)", imported.description());
        assertExact(imported);
        Party missing = resolve(context(), sql);
        assertEquals(PrefixResolver.INTERNET, missing.addresses());
        assertFalse(missing.exact());
        assertEquals(Optional.of("the Sql.westus tag is not imported"), missing.because());
    }

    @Test
    void anAseWithoutARegionChecksTheWholeInternetForARegionalTag() {
        AnalysisContext context = context(SQL_WESTUS);
        AppServiceEnvironment located = aseOne(context).ase();
        AppServiceEnvironment unlocated = new AppServiceEnvironment(
                located.id(),
                located.name(),
                "",
                located.kind(),
                located.internalLoadBalancingMode(),
                located.subnetId(),
                located.publicVip(),
                located.outboundAddresses(),
                located.internalAddress(),
                located.windowsOutboundAddresses(),
                located.linuxOutboundAddresses());
        Party p = new Parties(context.policies())
                .resolve(AddressSource.regionalTag("Sql", "Azure SQL"), subject(context, unlocated));
        assertEquals(PrefixResolver.INTERNET, p.addresses());
        assertEquals("Azure SQL in the ASE's region", p.description());
        assertFalse(p.exact());
        assertEquals(Optional.of("the ASE's region is not recorded"), p.because());
        assertEquals(Optional.of("the ASE's region is not recorded, so the whole Internet is checked"), p.note());
    }

    @Test
    void dnsServersAreNotModelledSoEveryInternetAndVnetAddressIsChecked() {
        Party p = resolve(context(), AddressSource.DNS_SERVERS);
        assertEquals("its DNS servers", p.description());
        assertFalse(p.exact());
        assertEquals(Optional.of("the DNS servers are not modelled"), p.because());
        assertEquals(
                Optional.of("DNS servers are not modelled, so every Internet and VNet-topology address is checked"),
                p.note());
        assertTrue(p.addresses().contains(Ipv4.parse("8.8.8.8")), "a public resolver");
        assertTrue(p.addresses().contains(Ipv4.parse("10.0.2.4")), "a VM of the ASE's VNet");
        assertFalse(p.addresses().contains(Ipv4.parse("172.16.0.53")), "a private address outside the VNet");
    }

    @Test
    void allOfIsTheUnionExactOnlyWhenEveryPartIsWithTheFirstReasonAndEveryNote() {
        AnalysisContext context = context(STORAGE);
        Party exact =
                resolve(context, AddressSource.allOf(AddressSource.ASE_SUBNET, AddressSource.AZURE_LOAD_BALANCER));
        assertEquals(AddressSet.parse("10.0.1.0/26", "168.63.129.16/32"), exact.addresses());
        assertEquals(
                "the ASE subnet ase-one-subnet (10.0.1.0/26) and the Azure load balancer (168.63.129.16)",
                exact.description());
        assertExact(exact);

        Party storageAndSql = resolve(
                context,
                AddressSource.allOf(
                        AddressSource.tag("Storage", "Azure Storage"),
                        AddressSource.regionalTag("Sql", "Azure SQL"),
                        AddressSource.tag("EventHub", "Azure Event Hubs")));
        assertEquals(PrefixResolver.INTERNET, storageAndSql.addresses(), "Storage within the Internet's superset");
        assertEquals(
                "Azure Storage (Storage) and Azure SQL in westus (Sql.westus) and Azure Event Hubs (EventHub)",
                storageAndSql.description());
        assertFalse(storageAndSql.exact(), "Sql.westus and EventHub are not imported");
        assertEquals(Optional.of("the Sql.westus tag is not imported"), storageAndSql.because());
        assertEquals(
                Optional.of("Sql.westus is not imported, so the whole Internet, which holds it, is checked; "
                        + "EventHub is not imported, so the whole Internet, which holds it, is checked"),
                storageAndSql.note());

        Party inexactFirst = resolve(
                context, AddressSource.allOf(AddressSource.DNS_SERVERS, AddressSource.tag("Storage", "Azure Storage")));
        assertFalse(inexactFirst.exact(), "an inexact first part makes the union inexact");
        assertEquals(Optional.of("the DNS servers are not modelled"), inexactFirst.because());
    }

    @Test
    void allOfImportedTagsIsExactlyTheirUnion() {
        AnalysisContext context = context(STORAGE, SQL_WESTUS);
        Party p = resolve(
                context,
                AddressSource.allOf(
                        AddressSource.tag("Storage", "Azure Storage"), AddressSource.regionalTag("Sql", "Azure SQL")));
        assertEquals(AddressSet.parse("20.38.0.0/16", "40.112.240.0/20"), p.addresses());
        assertExact(p);
    }
}
