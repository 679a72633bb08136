package io.asegraph.importing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.asegraph.importing.Session.Res;
import io.asegraph.topology.ResourceKind;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Turns what {@code az ... show} / {@code az ... list -o json} print (design.md "Inputs") into domain records,
 * reporting every problem with its JSON location before anything is written. Pure: no graph, no framework.
 *
 * <p>Accepted documents: a JSON array of resources (nested arrays and {@code {"value": [...]}} lists inside it are
 * flattened, so concatenated {@code az} outputs work), an object with a {@code value} array, one resource, or a
 * Service Tags file ({@code {changeNumber, cloud, values}}, also the discovery API's
 * {@code Microsoft.Network/serviceTags} wrapper). Resources may come in any order; references are resolved by id
 * against the document first and then against {@link KnownResources}. Each resource's properties may be nested
 * under {@code properties} (ARM, {@code az resource show}) or flattened ({@code az network ... show}).
 *
 * <p>Resource types and their fields are documented on the readers; see {@link ResourceKind} for the types.
 * Resources of other types are skipped with a warning. IPv6 prefixes and addresses are skipped with a warning
 * (service tags count them); the model is IPv4.
 *
 * @see <a href="https://learn.microsoft.com/en-us/rest/api/virtualnetwork/">Azure Virtual Network REST API</a>
 */
public final class ImportParser {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    /** Reads one value where the parser stands (trailing tokens are checked once, after the whole document). */
    private static final ObjectReader ELEMENT = MAPPER.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ImportParser() {}

    /** Parses with nothing known beyond the document: every reference must resolve inside it. */
    public static ParsedDocument parse(String json) {
        return parse(json, KnownResources.NONE);
    }

    /**
     * Parses and validates {@code json}; never throws on bad input. The result's problems list every reason the
     * document cannot be imported (all of them, not the first); when it is empty the records may be written.
     */
    public static ParsedDocument parse(String json, KnownResources known) {
        return parse(json, known, UnresolvedReferences.REJECT);
    }

    /**
     * As {@link #parse(String, KnownResources)}; with {@link UnresolvedReferences#PLACEHOLDER} a reference that
     * resolves nowhere becomes a placeholder ({@link ParsedDocument#placeholders}) with a warning, where
     * {@link UnresolvedReferences#placeholderFor} allows one, instead of a problem.
     */
    public static ParsedDocument parse(String json, KnownResources known, UnresolvedReferences mode) {
        return parse(json == null || json.isBlank(), f -> f.createParser(json), known, mode);
    }

    /**
     * As {@link #parse(String, KnownResources)} for UTF-8 bytes as they came over HTTP (a byte-order mark is
     * skipped), without first copying them into a string.
     */
    public static ParsedDocument parse(byte[] utf8, KnownResources known) {
        return parse(utf8, known, UnresolvedReferences.REJECT);
    }

    /** As {@link #parse(byte[], KnownResources)} with the given handling of unresolved references. */
    public static ParsedDocument parse(byte[] utf8, KnownResources known, UnresolvedReferences mode) {
        return parse(utf8 == null || isBlank(utf8), f -> f.createParser(utf8), known, mode);
    }

    /** Opens a parser over the document's text; called again to locate problems. */
    interface Source {
        JsonParser open(JsonFactory factory) throws IOException;
    }

    private static ParsedDocument parse(boolean blank, Source source, KnownResources known, UnresolvedReferences mode) {
        Session s = new Session(
                Objects.requireNonNullElse(known, KnownResources.NONE),
                Objects.requireNonNullElse(mode, UnresolvedReferences.REJECT));
        if (blank) {
            s.problem(
                    NodePath.ROOT,
                    "",
                    "the document is empty: expected a JSON array of resources, an object with a"
                            + " value array, one resource, or a Service Tags file");
            return result(s);
        }
        try (JsonParser parser = source.open(MAPPER.getFactory())) {
            stream(s, parser);
        } catch (IOException e) {
            Session malformed = new Session(Objects.requireNonNullElse(known, KnownResources.NONE));
            JsonLocation at = e instanceof JsonProcessingException jpe ? jpe.getLocation() : null;
            String why = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            malformed.problems.add(new ImportProblem(
                    NodePath.ROOT.toString(),
                    "",
                    "malformed JSON" + where + ": " + why,
                    at == null
                            ? Optional.empty()
                            : Optional.of(new ImportProblem.Position(at.getLineNr(), at.getColumnNr()))));
            return result(malformed);
        }
        CrossChecks.run(s);
        if (!s.problems.isEmpty()) {
            LineIndex.locate(MAPPER.getFactory(), source, s);
        }
        return result(s);
    }

    private static boolean isBlank(byte[] utf8) {
        int from = utf8.length >= 3 && (utf8[0] & 0xff) == 0xEF && (utf8[1] & 0xff) == 0xBB && (utf8[2] & 0xff) == 0xBF
                ? 3
                : 0;
        for (int i = from; i < utf8.length; i++) {
            byte b = utf8[i];
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads the document from {@code parser} holding at most one resource's tree at a time: arrays (the top level of
     * {@code az ... list} output, and arrays nested in it) are streamed element by element, so a 135 MB export never
     * exists as one tree. Anything else at the top is read whole. Fails on malformed JSON and on trailing tokens.
     */
    private static void stream(Session s, JsonParser parser) throws IOException {
        JsonToken first = parser.nextToken();
        if (first == JsonToken.START_ARRAY) {
            streamList(s, parser, NodePath.ROOT);
        } else {
            document(s, ELEMENT.readTree(parser));
        }
        JsonToken trailing = parser.nextToken();
        if (trailing != null) {
            throw new JsonParseException(parser, "trailing token (" + trailing + ") after the document's value");
        }
    }

    /** {@link #list} over a stream: {@code parser} is at the array's start; leaves it at the array's end. */
    private static void streamList(Session s, JsonParser parser, NodePath path) throws IOException {
        int i = 0;
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken(), i++) {
            if (t == null) {
                throw new JsonParseException(parser, "unexpected end of input inside an array");
            }
            if (t == JsonToken.START_ARRAY) {
                streamList(s, parser, path.index(i));
            } else {
                element(s, ELEMENT.readTree(parser), path.index(i));
            }
        }
    }

    private static void document(Session s, JsonNode root) {
        if (root.isArray()) {
            list(s, root, NodePath.ROOT);
        } else if (root.isObject()) {
            if (isServiceTagsFile(root)) {
                ServiceTagReader.file(s, root, NodePath.ROOT);
            } else if (isList(root)) {
                list(
                        s,
                        Session.value(root, "value"),
                        NodePath.ROOT.field(Session.member(root, "value").key()));
            } else {
                resource(s, root, NodePath.ROOT);
            }
        } else {
            s.problem(
                    NodePath.ROOT,
                    root,
                    "expected a JSON array of resources, an object with a value array, one"
                            + " resource, or a Service Tags file; got " + Session.kindOf(root));
        }
    }

    private static boolean isServiceTagsFile(JsonNode node) {
        JsonNode type = Session.value(node, "type");
        JsonNode values = Session.value(node, "values");
        return values != null
                && values.isArray()
                && (type == null
                        || type.isNull()
                        || ResourceKind.fromArmType(type.asText()).orElse(null) == ResourceKind.SERVICE_TAGS);
    }

    private static boolean isList(JsonNode node) {
        JsonNode type = Session.value(node, "type");
        JsonNode value = Session.value(node, "value");
        return value != null && value.isArray() && (type == null || type.isNull());
    }

    private static void list(Session s, JsonNode array, NodePath path) {
        for (int i = 0; i < array.size(); i++) {
            element(s, array.get(i), path.index(i));
        }
    }

    /** One element of a list: a nested list, a Service Tags file, a {@code value} list or a resource. */
    private static void element(Session s, JsonNode e, NodePath at) {
        if (e.isArray()) {
            list(s, e, at);
        } else if (e.isObject() && isServiceTagsFile(e)) {
            ServiceTagReader.file(s, e, at);
        } else if (e.isObject() && isList(e)) {
            list(
                    s,
                    Session.value(e, "value"),
                    at.field(Session.member(e, "value").key()));
        } else if (e.isObject()) {
            resource(s, e, at);
        } else {
            s.problem(at, e, "expected a resource object, got " + Session.kindOf(e));
        }
    }

    private static void resource(Session s, JsonNode node, NodePath path) {
        Res r = new Res(s, node, path);
        Optional<String> type = s.requiredText(
                r.top("type"), "every resource needs its ARM type, such as Microsoft.Network/virtualNetworks");
        if (type.isEmpty()) {
            s.requiredText(r.top("id"), "every resource needs its Azure resource id");
            s.requiredText(r.top("name"), "every resource needs a name");
            return;
        }
        Optional<ResourceKind> kind = ResourceKind.fromArmType(type.get());
        if (kind.isEmpty()) {
            String label = s.text(r.top("name"))
                    .or(() -> s.text(r.top("id")))
                    .map(n -> "'" + n + "'")
                    .orElse("(unnamed)");
            String hint =
                    switch (type.get().toLowerCase(Locale.ROOT)) {
                        case "microsoft.network/networksecuritygroups/securityrules" -> "; rules are imported with their NSG"
                                + " (az network nsg show)";
                        case "microsoft.network/routetables/routes" -> "; routes are imported with their route table"
                                + " (az network route-table show)";
                        default -> "";
                    };
            s.warn(
                    path,
                    "skipped resource " + label + " of type '" + type.get() + "': asegraph does not import this type"
                            + hint);
            return;
        }
        if (kind.get().hasProperties() && listedWithoutProperties(node)) {
            Session.Header h = s.header(r, kind.get());
            if (h.complete()) {
                s.listed.add(new Session.Listed(h.id(), kind.get(), h.name(), path));
            }
            return;
        }
        s.reading = kind.get();
        switch (kind.get()) {
            case VIRTUAL_NETWORK -> VirtualNetworkReaders.virtualNetwork(s, r);
            case SUBNET -> VirtualNetworkReaders.standaloneSubnet(s, r);
            case PEERING -> VirtualNetworkReaders.standalonePeering(s, r);
            case NETWORK_SECURITY_GROUP -> SecurityReaders.networkSecurityGroup(s, r);
            case ROUTE_TABLE -> RouteTableReader.routeTable(s, r);
            case NETWORK_INTERFACE -> NetworkReaders.networkInterface(s, r);
            case APPLICATION_SECURITY_GROUP -> NetworkReaders.applicationSecurityGroup(s, r);
            case NAT_GATEWAY -> NetworkReaders.natGateway(s, r);
            case PUBLIC_IP_ADDRESS -> NetworkReaders.publicIpAddress(s, r);
            case VIRTUAL_NETWORK_GATEWAY -> GatewayReaders.virtualNetworkGateway(s, r);
            case LOCAL_NETWORK_GATEWAY -> GatewayReaders.localNetworkGateway(s, r);
            case CONNECTION -> GatewayReaders.connection(s, r);
            case APP_SERVICE_ENVIRONMENT -> WebReaders.appServiceEnvironment(s, r);
            case APP -> WebReaders.app(s, r);
            case ENDPOINT -> WebReaders.endpoint(s, r);
            case AZURE_FIREWALL -> FirewallReaders.azureFirewall(s, r);
            case FIREWALL_POLICY -> FirewallPolicyReaders.firewallPolicy(s, r);
            case IP_GROUP -> FirewallPolicyReaders.ipGroup(s, r);
            case PRIVATE_ENDPOINT -> PrivateEndpointReader.privateEndpoint(s, r);
            case RULE_COLLECTION_GROUP -> FirewallPolicyReaders.ruleCollectionGroup(s, r);
            case SERVICE_TAGS -> ServiceTagReader.file(s, node, path);
            default -> throw new IllegalStateException("unhandled kind " + kind.get());
        }
    }

    /**
     * The top-level fields of a resource as resource listings print them ({@code az resource list}, ARM's
     * {@code GET .../resources}): none of them is a property of the resource's network state.
     */
    private static final Set<String> LISTING_FIELDS = Set.of(
            "id",
            "name",
            "type",
            "location",
            "tags",
            "etag",
            "kind",
            "resourcegroup",
            "subscriptionid",
            "sku",
            "identity",
            "managedby",
            "plan",
            "createdtime",
            "changedtime",
            "provisioningstate",
            "extendedlocation",
            "zones",
            "systemdata",
            "properties",
            "apiversion");

    /**
     * True when {@code node} gives none of its resource's properties: {@code properties} is missing or {@code null}
     * and every other field is a listing field. Such an entry says the resource exists, not what it holds.
     */
    static boolean listedWithoutProperties(JsonNode node) {
        JsonNode properties = Session.value(node, "properties");
        if (properties != null && !properties.isNull()) {
            return false;
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            if (!LISTING_FIELDS.contains(names.next().toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }

    private static ParsedDocument result(Session s) {
        return new ParsedDocument(
                s.resources.build(),
                Optional.ofNullable(s.serviceTagsFile),
                s.unstated,
                s.listed.stream()
                        .map(l -> new ListedResource(l.id(), l.kind(), l.name(), l.at().toString()))
                        .toList(),
                List.copyOf(s.placeholders.values()),
                s.warnings,
                s.problems);
    }
}
