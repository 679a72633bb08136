package io.asegraph.topology;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A service endpoint of a subnet ({@code serviceEndpoints[]}: {@code service} such as {@code Microsoft.Storage}, and
 * the {@code locations} it applies to). Azure adds a route for the service's prefixes in those regions, next hop
 * {@code VirtualNetworkServiceEndpoint}, and the service then sees the subnet's private addresses
 * (<a href="https://learn.microsoft.com/azure/virtual-network/virtual-network-service-endpoints-overview">service
 * endpoints</a>).
 */
public record ServiceEndpoint(String service, List<String> locations) {
    public ServiceEndpoint {
        Objects.requireNonNull(service, "service");
        locations = List.copyOf(locations);
    }

    /**
     * The service tags whose prefixes the endpoint routes, one per location: {@code Microsoft.Storage} in
     * {@code westeurope} is {@code Storage.westeurope} (tags are matched case-insensitively); a location {@code *}, or
     * none, is the service's global tag.
     */
    public List<String> serviceTags() {
        String base = tagBase(service);
        if (locations.isEmpty() || locations.contains("*")) {
            return List.of(base);
        }
        return locations.stream()
                .map(l -> base + "." + l.replace(" ", "").toLowerCase(Locale.ROOT))
                .toList();
    }

    /** The service tag of a service endpoint's service, as Microsoft names them. */
    static String tagBase(String service) {
        String s = service.trim();
        String bare = s.regionMatches(true, 0, "Microsoft.", 0, 10) ? s.substring(10) : s;
        return switch (bare.toLowerCase(Locale.ROOT)) {
            case "storage", "storage.global" -> "Storage";
            case "sql" -> "Sql";
            case "azurecosmosdb" -> "AzureCosmosDB";
            case "keyvault" -> "AzureKeyVault";
            case "servicebus" -> "ServiceBus";
            case "eventhub" -> "EventHub";
            case "web" -> "AppService";
            case "containerregistry" -> "AzureContainerRegistry";
            case "azureactivedirectory" -> "AzureActiveDirectory";
            case "cognitiveservices" -> "CognitiveServicesManagement";
            default -> bare;
        };
    }

    /** As stored in the graph: {@code Microsoft.Storage|westeurope,northeurope}. */
    public String encode() {
        return service + "|" + String.join(",", locations);
    }

    public static ServiceEndpoint decode(String text) {
        int bar = text.indexOf('|');
        String service = bar < 0 ? text : text.substring(0, bar);
        String rest = bar < 0 ? "" : text.substring(bar + 1);
        return new ServiceEndpoint(service, rest.isEmpty() ? List.of() : List.of(rest.split(",")));
    }
}
