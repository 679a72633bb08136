package io.asegraph.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link ServiceEndpoint}: the service tags a subnet's service endpoint routes, and its stored form. */
class ServiceEndpointTest {
    @Test
    void oneRegionalTagPerLocation() {
        ServiceEndpoint e = new ServiceEndpoint("Microsoft.Storage", List.of("westeurope", "North Europe"));
        assertEquals(List.of("Storage.westeurope", "Storage.northeurope"), e.serviceTags());
    }

    @Test
    void noLocationOrAStarIsTheGlobalTag() {
        assertEquals(List.of("Sql"), new ServiceEndpoint("Microsoft.Sql", List.of()).serviceTags());
        assertEquals(List.of("Sql"), new ServiceEndpoint("Microsoft.Sql", List.of("westus", "*")).serviceTags());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "Microsoft.Storage, Storage",
        "Microsoft.Storage.Global, Storage",
        "microsoft.sql, Sql",
        "Microsoft.AzureCosmosDB, AzureCosmosDB",
        "Microsoft.KeyVault, AzureKeyVault",
        "Microsoft.ServiceBus, ServiceBus",
        "Microsoft.EventHub, EventHub",
        "Microsoft.Web, AppService",
        "Microsoft.ContainerRegistry, AzureContainerRegistry",
        "Microsoft.AzureActiveDirectory, AzureActiveDirectory",
        "Microsoft.CognitiveServices, CognitiveServicesManagement",
        "Microsoft.Contoso, Contoso",
        "' Storage ', Storage"
    })
    void servicesMapToMicrosoftsTagNames(String service, String tag) {
        assertEquals(tag, ServiceEndpoint.tagBase(service));
    }

    @Test
    void encodesServiceAndLocations() {
        ServiceEndpoint e = new ServiceEndpoint("Microsoft.Storage", List.of("westeurope", "northeurope"));
        assertEquals("Microsoft.Storage|westeurope,northeurope", e.encode());
        assertEquals(e, ServiceEndpoint.decode(e.encode()));
        assertEquals("Microsoft.Sql|", new ServiceEndpoint("Microsoft.Sql", List.of()).encode());
    }

    @Test
    void decodesWithOrWithoutLocations() {
        assertEquals(new ServiceEndpoint("Microsoft.Sql", List.of()), ServiceEndpoint.decode("Microsoft.Sql"));
        assertEquals(new ServiceEndpoint("Microsoft.Sql", List.of()), ServiceEndpoint.decode("Microsoft.Sql|"));
        assertEquals(
                new ServiceEndpoint("Microsoft.Web", List.of("westus")),
                ServiceEndpoint.decode("Microsoft.Web|westus"));
    }

    @Test
    void theServiceIsWhatComesBeforeTheBarEvenWhenEmpty() {
        assertEquals(new ServiceEndpoint("", List.of("westus")), ServiceEndpoint.decode("|westus"));
    }
}
