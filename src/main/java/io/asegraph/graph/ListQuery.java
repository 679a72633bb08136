package io.asegraph.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One page of one kind of resource: which label, the filters (name, location, kind, a set of keys), the sort
 * order and the window. Built by the API from validated input; every piece of Cypher text comes from enums here.
 */
public final class ListQuery {
    /** The listable kinds, with their Cypher pattern and projection. */
    public enum Source {
        VIRTUAL_NETWORKS("(n:VirtualNetwork)", "n {.*}"),
        SUBNETS("(n:Subnet)", "n {.*}"),
        ENVIRONMENTS("(n:AppServiceEnvironment)", "n {.*}"),
        APPS("(n:App)", "n {.*}"),
        NETWORK_INTERFACES("(n:NetworkInterface)", "n {.*}"),
        ENDPOINTS("(n:Endpoint)", "n {.*}"),
        PRIVATE_ENDPOINTS("(n:PrivateEndpoint)", "n {.*}"),
        NETWORK_SECURITY_GROUPS("(n:NetworkSecurityGroup)", "n {.*}"),
        ROUTE_TABLES("(n:RouteTable)", "n {.*}"),
        VIRTUAL_NETWORK_GATEWAYS("(n:VirtualNetworkGateway)", "n {.*}"),
        LOCAL_NETWORK_GATEWAYS("(n:LocalNetworkGateway)", "n {.*}"),
        NAT_GATEWAYS("(n:NatGateway)", "n {.*}"),
        PUBLIC_IP_ADDRESSES("(n:PublicIpAddress)", "n {.*}"),
        APPLICATION_SECURITY_GROUPS("(n:ApplicationSecurityGroup)", "n {.*}"),
        SERVICE_TAGS("(n:ServiceTag)", "n {.*}"),
        PEERINGS("(a:VirtualNetwork)-[n:PEERED_WITH]->(x:VirtualNetwork)", "n {.*, local: a.id, remote: x.id}"),
        CONNECTIONS(
                "(a:VirtualNetworkGateway)-[n:CONNECTS]->(x)",
                "n {.*, gateway: a.id, peer: x.id, peerLabel: labels(x)[0]}");

        final String pattern;
        final String projection;

        Source(String pattern, String projection) {
            this.pattern = pattern;
            this.projection = projection;
        }
    }

    /** Sortable properties. */
    public enum SortField {
        NAME("n.nameKey"),
        LOCATION("n.location"),
        KIND("n.kind"),
        ID("n.key");

        final String expression;

        SortField(String expression) {
            this.expression = expression;
        }
    }

    public record Sort(SortField field, boolean descending) {}

    private final Source source;
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new HashMap<>();
    private final List<Sort> sort = new ArrayList<>();
    /** The same conditions as {@link #conditions}, over a row in memory ({@link RowSnapshot}), with Cypher's nulls. */
    private final List<Predicate<Map<String, Object>>> tests = new ArrayList<>();
    /** The key sets of the {@code keyIn} conditions, so that a page of rows by key is found by lookup. */
    private final List<Set<String>> keySets = new ArrayList<>();

    private final long skip;
    private final int limit;

    public ListQuery(Source source, long skip, int limit) {
        this.source = source;
        this.skip = skip;
        this.limit = limit;
        parameters.put("skip", skip);
        parameters.put("limit", limit);
    }

    public ListQuery nameEquals(String name) {
        String v = name.toLowerCase(Locale.ROOT);
        return condition("n.nameKey = $nameEq", "nameEq", v, text("nameKey", v::equals));
    }

    public ListQuery nameIn(List<String> names) {
        List<String> v = names.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
        Set<String> set = new HashSet<>(v);
        return condition("n.nameKey IN $nameIn", "nameIn", v, text("nameKey", set::contains));
    }

    public ListQuery nameContains(String text) {
        String v = text.toLowerCase(Locale.ROOT);
        return condition("n.nameKey CONTAINS $nameContains", "nameContains", v, text("nameKey", s -> s.contains(v)));
    }

    public ListQuery nameStartsWith(String text) {
        String v = text.toLowerCase(Locale.ROOT);
        return condition("n.nameKey STARTS WITH $nameStarts", "nameStarts", v, text("nameKey", s -> s.startsWith(v)));
    }

    public ListQuery nameEndsWith(String text) {
        String v = text.toLowerCase(Locale.ROOT);
        return condition("n.nameKey ENDS WITH $nameEnds", "nameEnds", v, text("nameKey", s -> s.endsWith(v)));
    }

    public ListQuery locationIn(List<String> locations) {
        List<String> v = locations.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
        Set<String> set = new HashSet<>(v);
        return condition(
                "toLower(n.location) IN $locations",
                "locations",
                v,
                text("location", s -> set.contains(s.toLowerCase(Locale.ROOT))));
    }

    public ListQuery kindIn(List<String> kinds) {
        List<String> v = kinds.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
        Set<String> set = new HashSet<>(v);
        return condition(
                "toLower(n.kind) IN $kinds", "kinds", v, text("kind", s -> set.contains(s.toLowerCase(Locale.ROOT))));
    }

    /** Restricts to these normalised ids (e.g. the subnets an address falls in, found through the address index). */
    public ListQuery keyIn(List<String> keys) {
        Set<String> set = new HashSet<>(keys);
        keySets.add(set);
        return condition("n.key IN $keys", "keys", keys, text("key", set::contains));
    }

    /** A condition on a string property: false when the row lacks it (Cypher's null is no match). */
    private static Predicate<Map<String, Object>> text(String property, Predicate<String> test) {
        return row -> row.get(property) instanceof String s && test.test(s);
    }

    public ListQuery sortBy(SortField field, boolean descending) {
        sort.add(new Sort(field, descending));
        return this;
    }

    private ListQuery condition(String cypher, String name, Object value, Predicate<Map<String, Object>> test) {
        conditions.add(cypher);
        parameters.put(name, value);
        tests.add(Objects.requireNonNull(test));
        return this;
    }

    Source source() {
        return source;
    }

    long skip() {
        return skip;
    }

    int limit() {
        return limit;
    }

    List<Sort> sort() {
        return sort;
    }

    List<Predicate<Map<String, Object>>> tests() {
        return tests;
    }

    List<Set<String>> keySets() {
        return keySets;
    }

    String pattern() {
        return source.pattern;
    }

    String projection() {
        return source.projection;
    }

    /**
     * The filters, and for node kinds the exclusion of unresolved placeholders (resources referenced but never
     * imported, listed by {@code unresolvedReferences} instead: they have no state to list).
     */
    String whereClause() {
        List<String> all = new ArrayList<>(conditions);
        if (source != Source.PEERINGS && source != Source.CONNECTIONS) {
            all.add(0, "NOT n:" + Labels.UNRESOLVED);
        }
        return all.isEmpty() ? "" : " WHERE " + String.join(" AND ", all);
    }

    String orderBy() {
        List<String> parts = new ArrayList<>();
        for (Sort s : sort) {
            parts.add(s.field().expression + (s.descending() ? " DESC" : " ASC"));
        }
        parts.add("n.key ASC");
        return String.join(", ", parts);
    }

    Map<String, Object> parameters() {
        return parameters;
    }
}
