package io.asegraph.importing;

import io.asegraph.importing.Session.Field;
import io.asegraph.importing.Session.Header;
import io.asegraph.importing.Session.Res;
import io.asegraph.topology.NetworkTypes;
import io.asegraph.topology.PrivateEndpoint;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.ResourceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reader for private endpoints as {@code az network private-endpoint list/show} (flattened) and ARM ({@code properties})
 * print them: the {@code subnet} (required, and it must exist), the {@code networkInterfaces} Azure created for it
 * (ids; an interface that is not imported is simply not used), the private addresses in
 * {@code customDnsConfigs[].ipAddresses} and {@code ipConfigurations[].privateIPAddress} (each must lie in the
 * subnet), and the resources it connects to ({@code privateLinkServiceConnections} and
 * {@code manualPrivateLinkServiceConnections}: {@code privateLinkServiceId} with its {@code groupIds}). A private
 * endpoint with neither an address nor a network interface cannot be placed and is refused.
 */
final class PrivateEndpointReader {
    private PrivateEndpointReader() {}

    static void privateEndpoint(Session s, Res r) {
        Header h = s.header(r, ResourceKind.PRIVATE_ENDPOINT);
        String owner = "private endpoint " + h.label();
        int before = s.problems.size();
        Optional<ResourceId> subnet = s.reference(r.get("subnet"), ResourceKind.SUBNET, true, owner);
        List<ResourceId> nics = new ArrayList<>();
        for (Field e : s.array(r.get("networkInterfaces"))) {
            if (s.object(e)) {
                Field idField = e.get("id");
                s.requiredText(idField, "every network interface of " + owner + " needs its id")
                        .flatMap(t -> s.resourceId(idField, t))
                        .ifPresent(nics::add);
            }
        }
        List<Long> addresses = new ArrayList<>();
        for (Field e : s.array(r.get("customDnsConfigs"))) {
            if (s.object(e)) {
                for (Field a : s.strings(e.get("ipAddresses"))) {
                    address(s, a, a.node().asText().trim(), owner, subnet, addresses);
                }
            }
        }
        for (Field e : s.array(r.get("ipConfigurations"))) {
            if (s.object(e)) {
                Field a = new Res(s, e.node(), e.path()).get("privateIPAddress");
                s.text(a).ifPresent(t -> address(s, a, t, owner, subnet, addresses));
            }
        }
        if (addresses.isEmpty() && nics.isEmpty() && s.problems.size() == before) {
            Field dns = r.get("customDnsConfigs");
            s.problem(
                    dns.path(),
                    "",
                    owner + " needs its private address: customDnsConfigs[].ipAddresses,"
                            + " ipConfigurations[].privateIPAddress or networkInterfaces, as"
                            + " az network private-endpoint show prints them");
        }
        List<String> targets = new ArrayList<>();
        targets(s, r.get("privateLinkServiceConnections"), targets);
        targets(s, r.get("manualPrivateLinkServiceConnections"), targets);
        if (s.problems.size() == before && h.complete() && subnet.isPresent()) {
            s.resources.add(
                    NetworkTypes.PRIVATE_ENDPOINT,
                    new PrivateEndpoint(
                            h.id(),
                            h.name(),
                            h.location(),
                            subnet.get(),
                            nics,
                            addresses.stream().distinct().toList(),
                            targets));
        }
    }

    private static void address(
            Session s, Field f, String text, String owner, Optional<ResourceId> subnet, List<Long> out) {
        OptionalLong a = NetworkReaders.address(s, f, text, owner);
        if (a.isPresent()) {
            out.add(a.getAsLong());
            subnet.ifPresent(
                    sn -> s.addressChecks.add(new Session.AddressCheck(sn, a.getAsLong(), f.path(), f.name(), owner)));
        }
    }

    /** {@code privateLinkServiceId} (its last segment) with its {@code groupIds}: "kv-prod (vault)". */
    private static void targets(Session s, Field connections, List<String> out) {
        for (Field e : s.array(connections)) {
            if (!s.object(e)) {
                continue;
            }
            Res c = new Res(s, e.node(), e.path());
            Optional<String> service = s.text(c.get("privateLinkServiceId"));
            List<String> groups = s.strings(c.get("groupIds")).stream()
                    .map(g -> g.node().asText().trim())
                    .toList();
            service.map(id ->
                            ResourceId.of(id).name() + (groups.isEmpty() ? "" : " (" + String.join(", ", groups) + ")"))
                    .ifPresent(out::add);
        }
    }
}
