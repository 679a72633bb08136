package io.asegraph.importing;

import io.asegraph.net.Cidr;
import io.asegraph.policy.PolicySet;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.ResourceKind;
import io.asegraph.topology.Subnet;
import io.asegraph.topology.Topology;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the graph already holds, as far as the import checks need it: references in a document may point at
 * resources imported earlier. The parser asks in batches (one call per question for the whole document), so an
 * implementation over the graph can answer each with one {@code UNWIND $ids} query.
 *
 * <p>Only {@link #kindOf} is required. The other questions have defaults that answer "not known"; with them the
 * parser skips the checks that need graph data it was not given (a subnet added to a VNet that is only in the
 * graph is then not checked against that VNet's address space or its other subnets).
 */
@FunctionalInterface
public interface KnownResources {

    /** Nothing is known: every reference must be satisfied inside the document. */
    KnownResources NONE = id -> Optional.empty();

    /** The kind of an existing resource, or empty when no resource has this id (compared case-insensitively). */
    Optional<ResourceKind> kindOf(ResourceId id);

    /** The kinds of those {@code ids} that exist; absent ids are left out. */
    default Map<ResourceId, ResourceKind> kindsOf(Collection<ResourceId> ids) {
        Map<ResourceId, ResourceKind> out = new HashMap<>();
        for (ResourceId id : ids) {
            kindOf(id).ifPresent(k -> out.put(id, k));
        }
        return out;
    }

    /**
     * True when {@code id} is a placeholder in the graph: referenced by an earlier import, never imported itself
     * ({@link #kindOf} gives the kind its references expect).
     */
    default boolean isPlaceholder(ResourceId id) {
        return false;
    }

    /** The address spaces of those existing virtual networks among {@code vnetIds}. */
    default Map<ResourceId, List<Cidr>> addressSpaces(Collection<ResourceId> vnetIds) {
        return Map.of();
    }

    /** The existing subnets of the virtual networks {@code vnetIds} (for overlap checks). */
    default List<Subnet> subnetsOf(Collection<ResourceId> vnetIds) {
        return List.of();
    }

    /** The address prefixes of those existing subnets among {@code subnetIds}. */
    default Map<ResourceId, List<Cidr>> subnetPrefixes(Collection<ResourceId> subnetIds) {
        return Map.of();
    }

    /** A resource that lives in a subnet: an App Service Environment or a network interface. */
    record Resident(ResourceId id, ResourceKind kind, String name) {}

    /**
     * What lives in those existing subnets among {@code subnetIds} (ASEs deployed in them, network interfaces in
     * them), for the check that an import does not remove a subnet still in use. Subnets holding nothing are left out.
     */
    default Map<ResourceId, List<Resident>> residentsOf(Collection<ResourceId> subnetIds) {
        return Map.of();
    }

    /** Known resources given as a map of id to kind (handy in tests); the address questions answer "not known". */
    static KnownResources of(Map<ResourceId, ResourceKind> kinds) {
        Map<ResourceId, ResourceKind> copy = Map.copyOf(kinds);
        return id -> Optional.ofNullable(copy.get(id));
    }

    /** Everything in a topology and policy snapshot, answering every question (the graph's state as snapshots). */
    static KnownResources of(Topology topology, PolicySet policies) {
        return of(topology, policies, Map.of(), Map.of());
    }

    /**
     * As {@link #of(Topology, PolicySet)}, with the graph's placeholders ({@code placeholders}: id to the kind their
     * references expect): references to them resolve (they are linked to the placeholder), and {@link #isPlaceholder}
     * tells them apart; and the resources the snapshot holds back because they lie in a placeholder subnet
     * ({@code heldBack}: id to kind), which are in the graph all the same.
     */
    static KnownResources of(
            Topology topology,
            PolicySet policies,
            Map<ResourceId, ResourceKind> placeholders,
            Map<ResourceId, ResourceKind> heldBack) {
        Map<ResourceId, ResourceKind> kinds = new HashMap<>(placeholders);
        kinds.putAll(heldBack);
        topology.vnets().forEach(r -> kinds.put(r.id(), ResourceKind.VIRTUAL_NETWORK));
        topology.subnets().forEach(r -> kinds.put(r.id(), ResourceKind.SUBNET));
        topology.peerings().forEach(r -> kinds.put(r.id(), ResourceKind.PEERING));
        topology.environments().forEach(r -> kinds.put(r.id(), ResourceKind.APP_SERVICE_ENVIRONMENT));
        topology.apps().forEach(r -> kinds.put(r.id(), ResourceKind.APP));
        topology.nics().forEach(r -> kinds.put(r.id(), ResourceKind.NETWORK_INTERFACE));
        topology.endpoints().forEach(r -> kinds.put(r.id(), ResourceKind.ENDPOINT));
        topology.routeTables().forEach(r -> kinds.put(r.id(), ResourceKind.ROUTE_TABLE));
        topology.gateways().forEach(r -> kinds.put(r.id(), ResourceKind.VIRTUAL_NETWORK_GATEWAY));
        topology.localGateways().forEach(r -> kinds.put(r.id(), ResourceKind.LOCAL_NETWORK_GATEWAY));
        topology.connections().forEach(r -> kinds.put(r.id(), ResourceKind.CONNECTION));
        topology.natGateways().forEach(r -> kinds.put(r.id(), ResourceKind.NAT_GATEWAY));
        topology.publicIps().forEach(r -> kinds.put(r.id(), ResourceKind.PUBLIC_IP_ADDRESS));
        topology.firewalls().forEach(r -> kinds.put(r.id(), ResourceKind.AZURE_FIREWALL));
        topology.firewallPolicies().forEach(r -> kinds.put(r.id(), ResourceKind.FIREWALL_POLICY));
        topology.ipGroups().forEach(r -> kinds.put(r.id(), ResourceKind.IP_GROUP));
        topology.privateEndpoints().forEach(r -> kinds.put(r.id(), ResourceKind.PRIVATE_ENDPOINT));
        topology.ruleCollectionGroups().forEach(r -> kinds.put(r.id(), ResourceKind.RULE_COLLECTION_GROUP));
        policies.nsgs().forEach(r -> kinds.put(r.id(), ResourceKind.NETWORK_SECURITY_GROUP));
        policies.asgs().forEach(r -> kinds.put(r.id(), ResourceKind.APPLICATION_SECURITY_GROUP));
        Map<ResourceId, List<Subnet>> byVnet = new HashMap<>();
        topology.subnets().forEach(s -> byVnet.computeIfAbsent(s.vnetId(), v -> new ArrayList<>())
                .add(s));
        Map<ResourceId, List<Resident>> residents = new HashMap<>();
        topology.environments().forEach(e -> residents
                .computeIfAbsent(e.subnetId(), k -> new ArrayList<>())
                .add(new Resident(e.id(), ResourceKind.APP_SERVICE_ENVIRONMENT, e.name())));
        topology.nics().forEach(n -> residents
                .computeIfAbsent(n.subnetId(), k -> new ArrayList<>())
                .add(new Resident(n.id(), ResourceKind.NETWORK_INTERFACE, n.name())));
        topology.privateEndpoints().forEach(p -> residents
                .computeIfAbsent(p.subnetId(), k -> new ArrayList<>())
                .add(new Resident(p.id(), ResourceKind.PRIVATE_ENDPOINT, p.name())));
        return new KnownResources() {
            @Override
            public Optional<ResourceKind> kindOf(ResourceId id) {
                return Optional.ofNullable(kinds.get(id));
            }

            @Override
            public boolean isPlaceholder(ResourceId id) {
                return placeholders.containsKey(id);
            }

            @Override
            public Map<ResourceId, List<Cidr>> addressSpaces(Collection<ResourceId> vnetIds) {
                Map<ResourceId, List<Cidr>> out = new LinkedHashMap<>();
                for (ResourceId id : vnetIds) {
                    topology.vnet(id).ifPresent(v -> out.put(id, v.addressSpace()));
                }
                return out;
            }

            @Override
            public List<Subnet> subnetsOf(Collection<ResourceId> vnetIds) {
                List<Subnet> out = new ArrayList<>();
                Set<ResourceId> seen = new HashSet<>();
                for (ResourceId id : vnetIds) {
                    if (seen.add(id)) {
                        out.addAll(byVnet.getOrDefault(id, List.of()));
                    }
                }
                return out;
            }

            @Override
            public Map<ResourceId, List<Resident>> residentsOf(Collection<ResourceId> subnetIds) {
                Map<ResourceId, List<Resident>> out = new LinkedHashMap<>();
                for (ResourceId id : subnetIds) {
                    List<Resident> r = residents.get(id);
                    if (r != null) {
                        out.put(id, List.copyOf(r));
                    }
                }
                return out;
            }

            @Override
            public Map<ResourceId, List<Cidr>> subnetPrefixes(Collection<ResourceId> subnetIds) {
                Map<ResourceId, List<Cidr>> out = new LinkedHashMap<>();
                for (ResourceId id : subnetIds) {
                    topology.subnet(id).ifPresent(s -> out.put(id, s.prefixes()));
                }
                return out;
            }
        };
    }
}
