package io.asegraph.analysis;

import static io.asegraph.analysis.ReferenceTopology.APP1;
import static io.asegraph.analysis.ReferenceTopology.ASE_ONE;
import static io.asegraph.analysis.ReferenceTopology.ASE_ONE_SUBNET;
import static io.asegraph.analysis.ReferenceTopology.ASE_TWO;
import static io.asegraph.analysis.ReferenceTopology.ASE_TWO_NSG;
import static io.asegraph.analysis.ReferenceTopology.DB_NIC;
import static io.asegraph.analysis.ReferenceTopology.DB_SUBNET;
import static io.asegraph.analysis.ReferenceTopology.NET;
import static io.asegraph.analysis.ReferenceTopology.ORDERS_API;
import static io.asegraph.analysis.ReferenceTopology.VNET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.net.Ipv4;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.Topology;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The contract's reference order: id, address, host name, unique name; typed failures with their codes. */
class ReferenceResolverTest {
    static final ReferenceResolver RESOLVER =
            new ReferenceResolver(ReferenceTopology.topology(), ReferenceTopology.nsgs());

    static String id(Reference r) {
        return r.resource().orElseThrow().id().value();
    }

    @Nested
    class ResourceIds {
        @Test
        void resolvesAnIdWhateverItsCase() {
            Reference r = RESOLVER.resolveDestination(ASE_ONE.toUpperCase());
            assertEquals(ReferenceKind.APP_SERVICE_ENVIRONMENT, r.kind());
            assertEquals(ASE_ONE, id(r), "the stored spelling is kept for display");
            assertEquals(Resolution.RESOURCE_ID, r.resolvedBy());
        }

        @Test
        void resolvesAnIdWithATrailingSlash() {
            assertEquals(DB_NIC, id(RESOLVER.resolveLocated(DB_NIC + "/")));
        }

        @Test
        void resolvesAnNsgIdFromThePolicyResources() {
            Reference r = RESOLVER.resolveLocated(ASE_TWO_NSG.toLowerCase());
            assertEquals(ReferenceKind.NETWORK_SECURITY_GROUP, r.kind());
        }

        @Test
        void unknownIdFailsWithUnknownReference() {
            UnknownReferenceException e = assertThrows(
                    UnknownReferenceException.class,
                    () -> RESOLVER.resolveDestination(NET + "/networkInterfaces/nope"));
            assertEquals("UNKNOWN_REFERENCE", e.code().wire());
            assertTrue(e.getMessage().contains("networkInterfaces/nope"), e.getMessage());
        }
    }

    @Nested
    class Addresses {
        @Test
        void destinationAddressStaysAnAddressAndCarriesTheAseHoldingIt() {
            Reference r = RESOLVER.resolveDestination("192.23.2.4");
            assertEquals(ReferenceKind.ADDRESS, r.kind());
            assertEquals(Optional.of(Ipv4.parse("192.23.2.4")), r.address());
            assertEquals(ASE_TWO, id(r));
        }

        @Test
        void destinationAddressOfANicCarriesTheNic() {
            assertEquals(DB_NIC, id(RESOLVER.resolveDestination("10.0.2.4")));
        }

        @Test
        void destinationAddressOutsideTheModelIsABareAddress() {
            Reference r = RESOLVER.resolveDestination("13.107.21.200");
            assertEquals(ReferenceKind.ADDRESS, r.kind());
            assertTrue(r.resource().isEmpty());
        }

        @Test
        void locatedAddressOfANicIsTheNic() {
            Reference r = RESOLVER.resolveLocated("10.0.2.4");
            assertEquals(ReferenceKind.NETWORK_INTERFACE, r.kind());
            assertEquals(DB_NIC, id(r));
            assertEquals(Resolution.ADDRESS, r.resolvedBy());
        }

        @Test
        void locatedAddressWithoutANicIsItsSubnetKeepingTheAddress() {
            Reference r = RESOLVER.resolveLocated("10.0.2.77");
            assertEquals(ReferenceKind.SUBNET, r.kind());
            assertEquals(DB_SUBNET, id(r));
            assertEquals(Optional.of(Ipv4.parse("10.0.2.77")), r.address());
        }

        @Test
        void locatedAddressOutsideEverySubnetIsUnknown() {
            UnknownReferenceException e =
                    assertThrows(UnknownReferenceException.class, () -> RESOLVER.resolveLocated("8.8.8.8"));
            assertTrue(e.getMessage().contains("no known subnet holds the address 8.8.8.8"), e.getMessage());
        }

        @Test
        void locatedAddressInOverlappingVnetsIsAmbiguous() {
            String other = NET + "/virtualNetworks/copy-vnet";
            Topology t = ReferenceTopology.builder()
                    .vnet(other, "10.0.0.0/16")
                    .subnet(other + "/subnets/db-copy", other, "10.0.2.0/24")
                    .build();
            AmbiguousReferenceException e =
                    assertThrows(AmbiguousReferenceException.class, () -> ReferenceResolver.of(t)
                            .resolveLocated("10.0.2.77"));
            assertEquals("AMBIGUOUS_REFERENCE", e.code().wire());
            assertEquals(List.of(DB_SUBNET, other + "/subnets/db-copy"), e.candidates());
        }

        @ParameterizedTest
        @ValueSource(strings = {"10.0.0.300", "10.0.2", "10.0.2.0/24", "10.0.2.4/32", "010.0.2.4", "fe80::1"})
        void malformedAddressesAreInvalidArguments(String text) {
            InvalidArgumentException e =
                    assertThrows(InvalidArgumentException.class, () -> RESOLVER.resolveDestination(text));
            assertEquals("INVALID_ARGUMENT", e.code().wire());
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "   "})
        void emptyReferencesAreInvalidArguments(String text) {
            assertThrows(InvalidArgumentException.class, () -> RESOLVER.resolveDestination(text));
        }
    }

    @Nested
    class HostNamesAndNames {
        @ParameterizedTest
        @ValueSource(strings = {"orders-api.ase-two.p.azurewebsites.net", "ORDERS.contoso.com", "orders.contoso.com."})
        void appHostNamesDefaultOrCustomResolveCaseInsensitively(String host) {
            Reference r = RESOLVER.resolveDestination(host);
            assertEquals(ReferenceKind.APP, r.kind());
            assertEquals(ORDERS_API, id(r));
            assertEquals(Resolution.HOST_NAME, r.resolvedBy());
        }

        @ParameterizedTest
        @ValueSource(strings = {"app1", "APP1", " App1 "})
        void uniqueNamesResolveCaseInsensitively(String name) {
            Reference r = RESOLVER.resolveCaller(name);
            assertEquals(APP1, id(r));
            assertEquals(Resolution.NAME, r.resolvedBy());
        }

        @Test
        void nsgNamesResolveToo() {
            assertEquals(ASE_TWO_NSG, id(RESOLVER.resolveLocated("ase-two-nsg")));
        }

        @Test
        void aNameUsedTwiceIsAmbiguousAndListsTheIds() {
            String otherApp = "/subscriptions/x/resourceGroups/other/providers/Microsoft.Web/sites/app1";
            Topology t = ReferenceTopology.builder()
                    .app(otherApp, ASE_TWO, "app1.ase-two.p.azurewebsites.net")
                    .build();
            AmbiguousReferenceException e =
                    assertThrows(AmbiguousReferenceException.class, () -> ReferenceResolver.of(t)
                            .resolveCaller("app1"));
            assertEquals(List.of(APP1, otherApp), e.candidates());
            assertTrue(e.getMessage().contains(APP1) && e.getMessage().contains(otherApp), e.getMessage());
        }

        @Test
        void aHostNameBoundToTwoAppsIsAmbiguous() {
            Topology t = ReferenceTopology.builder()
                    .app(
                            ReferenceTopology.WEB + "/sites/orders-v2",
                            ASE_TWO,
                            "orders-v2.ase-two.p.azurewebsites.net",
                            "orders.contoso.com")
                    .build();
            assertThrows(AmbiguousReferenceException.class, () -> ReferenceResolver.of(t)
                    .resolveDestination("orders.contoso.com"));
        }

        @Test
        void aHostNameComesBeforeANameThatEqualsIt() {
            String odd = NET + "/networkInterfaces/orders.contoso.com";
            Topology t =
                    ReferenceTopology.builder().nic(odd, DB_SUBNET, "10.0.2.9").build();
            assertEquals(ORDERS_API, id(ReferenceResolver.of(t).resolveDestination("orders.contoso.com")));
        }

        @Test
        void nothingMatchingIsUnknownAndNamesTheString() {
            UnknownReferenceException e =
                    assertThrows(UnknownReferenceException.class, () -> RESOLVER.resolveDestination("payroll-db"));
            assertEquals("payroll-db", e.reference());
            assertTrue(e.getMessage().contains("'payroll-db'"), e.getMessage());
        }
    }

    @Nested
    class Callers {
        @ParameterizedTest
        @CsvSource({
            "app1, APP, " + APP1,
            "ase-one, APP_SERVICE_ENVIRONMENT, " + ASE_ONE,
            "db-vm-nic, NETWORK_INTERFACE, " + DB_NIC,
            // An address resolves to what holds it: a NIC's own address to the NIC, any other to its subnet.
            "10.0.1.5, SUBNET, " + ASE_ONE_SUBNET,
            "10.0.2.4, NETWORK_INTERFACE, " + DB_NIC,
            "10.0.2.77, SUBNET, " + DB_SUBNET
        })
        void appsAsesNicsAndSubnetAddressesCanCall(String text, ReferenceKind kind, String id) {
            Reference r = RESOLVER.resolveCaller(text);
            assertEquals(kind, r.kind(), text);
            assertEquals(ResourceId.of(id), r.resource().orElseThrow().id(), text);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {"ase-vnet", "ase-two-nsg", "db-subnet", "ase-one-routes", "azure-sql-westus", "onprem-site"})
        void otherResourcesCannotCall(String text) {
            InvalidArgumentException e =
                    assertThrows(InvalidArgumentException.class, () -> RESOLVER.resolveCaller(text));
            assertTrue(e.getMessage().contains("does not make calls"), e.getMessage());
        }

        @Test
        void theVnetIsFoundByIdBeforeBeingRejected() {
            InvalidArgumentException e =
                    assertThrows(InvalidArgumentException.class, () -> RESOLVER.resolveCaller(VNET));
            assertTrue(e.getMessage().contains("virtual network"), e.getMessage());
        }

        @Test
        void subnetAddressResolvesForCallsFromAnAseWorker() {
            Reference r = RESOLVER.resolveCaller("10.0.1.5");
            assertEquals(ReferenceKind.SUBNET, r.kind());
            assertEquals(
                    ResourceId.of(ASE_ONE_SUBNET), r.resource().orElseThrow().id());
        }
    }
}
