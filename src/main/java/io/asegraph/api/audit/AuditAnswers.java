package io.asegraph.api.audit;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.parser.Parser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whole answers of the audits, kept per store version: the audits are computed once per version ({@code Audits}), but
 * a dashboard's repeat of {@code shadowedRules} on a large estate still costs GraphQL execution and JSON writing of
 * every row (15,000 rows, 3 MB, ~100 ms); served from here it costs a map lookup and a copy to the socket.
 *
 * <p>A document is answerable from here when its one operation (or the one its {@code operationName} picks) is a
 * query whose root fields are all audits that depend on nothing but the estate ({@link #AUDITS}) or
 * {@code __typename}. The key is the request body exactly as sent (document, variables, operation name), the caller
 * (an answer is never served to another principal, whatever the roles) and the response content type. Only answers
 * without errors are kept, and only when no write committed while they were computed. Every write empties it; the
 * bytes held are bounded ({@code asegraph.read.audit-answers-mb}, 0 = off), the oldest answer leaving first.
 * Listings and path questions are never answered from here.
 */
public final class AuditAnswers {
    /** Root fields whose answer is a function of the estate (and their arguments) alone. */
    static final Set<String> AUDITS = Set.of(
            "environmentHealth",
            "environmentsHealth",
            "exposures",
            "shadowedRules",
            "whoCanReach",
            "reachabilityMatrix",
            "requiredAccess",
            "__typename");

    private static final int MAX_DOCUMENTS = 256;

    /** One kept answer: the store version it was computed over, its content type and bytes. */
    public record Answer(long version, String contentType, byte[] body) {}

    private final long maxBytes;
    private final Map<String, Answer> answers = new LinkedHashMap<>();
    private final Map<String, Boolean> answerable = new LinkedHashMap<>(MAX_DOCUMENTS, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > MAX_DOCUMENTS;
        }
    };
    private long bytes;
    private long hits;

    /** {@code maxBytes} 0 turns it off. */
    public AuditAnswers(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public boolean enabled() {
        return maxBytes > 0;
    }

    /** Whether {@code query} (with {@code operationName}, may be null) is audits only. */
    public synchronized boolean answerable(String query, String operationName) {
        String key = operationName == null ? query : operationName + "\u0000" + query;
        return answerable.computeIfAbsent(key, k -> auditsOnly(query, operationName));
    }

    static boolean auditsOnly(String query, String operationName) {
        Document document;
        try {
            document = Parser.parse(query);
        } catch (RuntimeException e) {
            return false; // SmallRye answers it, with its error
        }
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        Optional<OperationDefinition> chosen = operations.size() == 1 && operationName == null
                ? Optional.of(operations.get(0))
                : operations.stream()
                        .filter(o -> operationName != null && operationName.equals(o.getName()))
                        .findFirst();
        if (chosen.isEmpty() || chosen.get().getOperation() != OperationDefinition.Operation.QUERY) {
            return false;
        }
        for (Selection<?> s : chosen.get().getSelectionSet().getSelections()) {
            if (!(s instanceof Field f)
                    || !AUDITS.contains(f.getName())
                    || !f.getDirectives().isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** The answer kept for {@code key} over store version {@code version}, if any. */
    public synchronized Optional<Answer> get(String key, long version) {
        Answer a = answers.get(key);
        if (a == null || a.version() != version) {
            return Optional.empty();
        }
        hits++;
        return Optional.of(a);
    }

    /** Keeps {@code answer} (computed over its version), dropping answers of other versions, oldest first to fit. */
    public synchronized void put(String key, Answer answer) {
        if (answer.body().length > maxBytes) {
            return;
        }
        answers.values().removeIf(a -> a.version() != answer.version());
        answers.remove(key);
        bytes = answers.values().stream().mapToLong(a -> a.body().length).sum();
        var oldest = answers.values().iterator();
        while (bytes + answer.body().length > maxBytes && oldest.hasNext()) {
            bytes -= oldest.next().body().length;
            oldest.remove();
        }
        answers.put(key, answer);
        bytes += answer.body().length;
    }

    /** Drops every answer (after a write). */
    public synchronized void clear() {
        answers.clear();
        bytes = 0;
    }

    /** How many answers are kept now. */
    public synchronized int size() {
        return answers.size();
    }

    /** How many requests were answered from here since start. */
    public synchronized long hits() {
        return hits;
    }
}
