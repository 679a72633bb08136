package io.asegraph.importing;

import com.fasterxml.jackson.databind.JsonNode;
import io.asegraph.importing.Session.Field;
import io.asegraph.importing.Session.Res;
import io.asegraph.net.Cidr;
import io.asegraph.net.InvalidAddressException;
import io.asegraph.policy.PolicyTypes;
import io.asegraph.policy.ServiceTag;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reader for a Service Tags file ({@code {changeNumber, cloud, values: [{name, id, properties: {changeNumber, region,
 * systemService, addressPrefixes}}]}}, azure-semantics §5) and the discovery API's wrapper of the same values
 * ({@code type} {@code Microsoft.Network/serviceTags}). IPv4 prefixes are parsed; IPv6 prefixes are counted, not
 * parsed. {@code regionId}, {@code platform} and {@code networkFeatures} are optional and not kept.
 */
final class ServiceTagReader {
    private ServiceTagReader() {}

    static void file(Session s, JsonNode node, NodePath path) {
        Res r = new Res(s, node, path);
        String owner = "the Service Tags file";
        String cloud = s.text(r.top("cloud")).orElse("");
        long changeNumber = s.wholeNumber(r.top("changeNumber"), owner).orElse(0);
        Field values = r.top("values");
        if (!values.present()) {
            s.problem(values.path(), "", "values is required: a Service Tags file lists its tags in values");
        }
        for (Field v : s.array(values)) {
            if (s.object(v)) {
                tag(s, new Res(s, v.node(), v.path()));
            }
        }
        s.serviceTagsFile = new ServiceTagsFile(cloud, changeNumber);
    }

    private static void tag(Session s, Res r) {
        int before = s.problems.size();
        Field nameField = r.top("name");
        Optional<String> name = s.requiredText(nameField, "every service tag needs a name (such as Storage.WestUS)");
        String owner = "service tag " + name.map(n -> "'" + n + "'").orElse("(unnamed)");
        if (name.isPresent()) {
            if (!Syntax.isTagName(name.get())) {
                s.problem(nameField.path(), name.get(), "name '" + name.get() + "' is not a service tag name");
            }
            NodePath first = s.serviceTagNames.putIfAbsent(name.get().toLowerCase(Locale.ROOT), nameField.path());
            if (first != null) {
                s.problem(
                        nameField.path(),
                        name.get(),
                        "name '" + name.get() + "' of " + owner + " appears twice (also at " + first + ")");
            }
        }
        long changeNumber = s.wholeNumber(r.get("changeNumber"), owner).orElse(0);
        String region = s.text(r.get("region")).orElse("");
        String systemService = s.text(r.get("systemService")).orElse("");
        Field prefixesField = r.get("addressPrefixes");
        if (!prefixesField.present()) {
            s.problem(
                    prefixesField.path(),
                    "",
                    "addressPrefixes of " + owner + " is required (an empty array when the tag has no addresses)");
        }
        List<Cidr> prefixes = new ArrayList<>();
        int ipv6 = 0;
        for (Field e : s.strings(prefixesField)) {
            String text = e.node().asText().trim();
            if (Syntax.isIpv6(text)) {
                ipv6++;
                continue;
            }
            try {
                prefixes.add(Syntax.addressOrBlock(text));
            } catch (InvalidAddressException ex) {
                s.problem(e.path(), text, e.name() + " of " + owner + " is invalid: " + ex.getMessage());
            }
        }
        if (s.problems.size() == before) {
            s.resources.add(
                    PolicyTypes.SERVICE_TAGS,
                    new ServiceTag(name.get(), region, systemService, changeNumber, prefixes, ipv6));
        }
    }
}
