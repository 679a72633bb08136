package io.asegraph.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The README's examples as steps to run in order: every {@code graphql} code block (with the {@code json} block right
 * after it, when there is one, as its shown answer) and every import the text tells the reader to run
 * ({@code curl … --data-binary @src/test/resources/….json …/import}), in the order they appear.
 *
 * <p>How a shown answer is compared with the real one (the wildcards are documented in the README's "Example
 * queries"): a shown answer with a top-level {@code data} or {@code errors} is the whole response, else the content of
 * {@code data} (for a document of one root field, that field's value); a shown object may leave fields out (an error's {@code locations}), but every field it shows must
 * match; a shown object where the answer is a list is one row
 * of it (some row must match); arrays match element by element and in length; in a shown string, {@code …} (one character, U+2026) or
 * {@code ...} stands for any run of characters (shortened ids such as {@code .../networkSecurityGroups/ase-two-nsg},
 * etags).
 */
final class ReadmeExamples {
    private ReadmeExamples() {}

    /** One step: an import of a file of the repository, or a GraphQL document with its shown answer (or none). */
    sealed interface Step permits Import, Example {
        int line();
    }

    record Import(int line, Path file) implements Step {}

    record Example(int line, String document, String shown) implements Step {}

    private static final Pattern IMPORT =
            Pattern.compile("--data-binary @(src/test/resources/[\\w./-]+\\.json)[^`\\n]*?/import(?![?\\w])");

    static List<Step> parse(String readme) {
        List<Step> steps = new ArrayList<>();
        String[] lines = readme.split("\n", -1);
        int i = 0;
        while (i < lines.length) {
            String line = lines[i];
            if (line.startsWith("```")) {
                String lang = line.substring(3).trim();
                int start = i;
                StringBuilder body = new StringBuilder();
                i++;
                while (i < lines.length && !lines[i].startsWith("```")) {
                    body.append(lines[i]).append('\n');
                    i++;
                }
                i++; // the closing fence
                if (lang.equals("graphql")) {
                    String shown = null;
                    int j = i;
                    while (j < lines.length && lines[j].isBlank()) {
                        j++;
                    }
                    if (j < lines.length && lines[j].trim().equals("```json")) {
                        StringBuilder answer = new StringBuilder();
                        j++;
                        while (j < lines.length && !lines[j].startsWith("```")) {
                            answer.append(lines[j]).append('\n');
                            j++;
                        }
                        shown = answer.toString();
                        i = j + 1;
                    }
                    steps.add(new Example(start + 1, body.toString(), shown));
                } else {
                    imports(body.toString(), start + 2, steps);
                }
                continue;
            }
            imports(line, i + 1, steps);
            i++;
        }
        return steps;
    }

    private static void imports(String text, int line, List<Step> steps) {
        Matcher m = IMPORT.matcher(text);
        while (m.find()) {
            Path file = Path.of(m.group(1));
            if (Files.isRegularFile(file)) {
                steps.add(new Import(line, file));
            }
        }
    }

    /** Where {@code response} differs from the {@code shown} answer, one line each; empty when it matches. */
    static List<String> mismatches(JsonNode shown, JsonNode response) {
        List<String> out = new ArrayList<>();
        boolean whole = shown.isObject() && (shown.has("data") || shown.has("errors"));
        if (!whole && response.has("errors")) {
            out.add("$: an error where the README shows an answer: " + response.get("errors"));
            return out;
        }
        JsonNode data = response.path("data");
        // A bare answer shows data, or, for a document of one root field, that field's value.
        if (!whole
                && data.size() == 1
                && !(shown.isObject() && shown.has(data.fieldNames().next()))) {
            data = data.elements().next();
        }
        compare("$", shown, whole ? response : data, out);
        return out;
    }

    private static void compare(String at, JsonNode shown, JsonNode real, List<String> out) {
        if (shown.isObject() && real.isArray()) {
            // One row of a list (an audit's row): some row must match it.
            for (JsonNode row : real) {
                List<String> rowOut = new ArrayList<>();
                compare(at, shown, row, rowOut);
                if (rowOut.isEmpty()) {
                    return;
                }
            }
            out.add(at + ": no row of the answer matches the shown " + shown);
        } else if (shown.isObject()) {
            if (!real.isObject()) {
                out.add(at + ": shown an object, got " + real);
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = shown.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                if (!real.has(f.getKey())) {
                    out.add(at + "." + f.getKey() + ": shown " + f.getValue() + ", not in the answer");
                } else {
                    compare(at + "." + f.getKey(), f.getValue(), real.get(f.getKey()), out);
                }
            }
        } else if (shown.isArray()) {
            if (!real.isArray() || real.size() != shown.size()) {
                out.add(at + ": shown " + shown + ", got " + real);
                return;
            }
            for (int k = 0; k < shown.size(); k++) {
                compare(at + "[" + k + "]", shown.get(k), real.get(k), out);
            }
        } else if (shown.isTextual()) {
            if (!real.isTextual()
                    || !glob(shown.asText()).matcher(real.asText()).matches()) {
                out.add(at + ": shown " + shown + ", got " + real);
            }
        } else if (shown.isNumber()) {
            if (!real.isNumber() || real.decimalValue().compareTo(shown.decimalValue()) != 0) {
                out.add(at + ": shown " + shown + ", got " + real);
            }
        } else if (!shown.equals(real)) {
            out.add(at + ": shown " + shown + ", got " + real);
        }
    }

    /** A shown string as a pattern: {@code …} or {@code ...} is any run of characters, the rest is literal. */
    static Pattern glob(String shown) {
        StringBuilder p = new StringBuilder();
        for (String part : shown.replace("...", "…").split("…", -1)) {
            if (!p.isEmpty()) {
                p.append(".*");
            }
            p.append(Pattern.quote(part));
        }
        return Pattern.compile(p.toString(), Pattern.DOTALL);
    }
}
