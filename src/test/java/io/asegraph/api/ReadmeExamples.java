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
    sealed interface Step permits Import, Example, Command, Skipped {
        int line();
    }

    record Import(int line, Path file) implements Step {}

    record Example(int line, String document, String shown) implements Step {}

    /**
     * A curl command of a {@code sh} or {@code bash} block, the output shown right after the block (or null), and the
     * line its {@code # shows LINE} comment asks for in the output (or null).
     */
    record Command(int line, ReadmeCurl curl, String shown, String shows) implements Step {}

    private static final Pattern SHOWS = Pattern.compile("\\s#\\s*shows\\s+(.+)$");

    /** A block marked {@code <!-- not run: REASON -->}: listed, not run. */
    record Skipped(int line, String reason) implements Step {}

    /**
     * The marker of a block the test does not run, on the line before its opening fence (a shell block's may also be on
     * the line after its closing one): {@code <!-- not run: needs the Azure CLI -->}.
     */
    static final Pattern NOT_RUN = Pattern.compile("<!-- not run: (.+?) -->");

    private static final Pattern IMPORT =
            Pattern.compile("--data-binary @(src/test/resources/[\\w./-]+\\.json)[^`\\n]*?/import(?![?\\w])");

    static List<Step> parse(String readme) {
        List<Step> steps = new ArrayList<>();
        String[] lines = readme.split("\n", -1);
        int i = 0;
        while (i < lines.length) {
            String line = lines[i];
            if (line.strip().startsWith("```")) {
                String lang = line.strip().substring(3).trim();
                int start = i;
                StringBuilder body = new StringBuilder();
                i++;
                while (i < lines.length && !lines[i].strip().startsWith("```")) {
                    body.append(lines[i]).append('\n');
                    i++;
                }
                i++; // the closing fence
                if (lang.equals("graphql")) {
                    String shown = null;
                    int j = nextText(lines, i);
                    if (j < lines.length && lines[j].trim().equals("```json")) {
                        shown = fenced(lines, j);
                        i = closing(lines, j) + 1;
                    }
                    Matcher marked = NOT_RUN.matcher(previousText(lines, start));
                    steps.add(
                            marked.find()
                                    ? new Skipped(start + 1, marked.group(1))
                                    : new Example(start + 1, body.toString(), shown));
                } else if (lang.equals("sh") || lang.equals("bash")) {
                    i = shell(lines, start, i, body.toString(), steps);
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

    /**
     * The steps of the shell block opening at {@code start} whose closing fence is before {@code after}: skipped when
     * marked, else one command per line (backslash continuations joined; {@code AUTH=…} assignments and comments are
     * no command), the output block right after it (a fence without language, or {@code text}, {@code csv},
     * {@code json}) shown for the last. Returns where parsing goes on.
     */
    private static int shell(String[] lines, int start, int after, String body, List<Step> steps) {
        Matcher before = NOT_RUN.matcher(previousText(lines, start));
        int j = nextText(lines, after);
        Matcher behind = NOT_RUN.matcher(j < lines.length ? lines[j] : "");
        boolean markedBefore = before.find();
        if (markedBefore || behind.find()) {
            steps.add(new Skipped(start + 1, markedBefore ? before.group(1) : behind.group(1)));
            return after;
        }
        String shown = null;
        int next = after;
        if (j < lines.length && List.of("```", "```text", "```csv", "```json").contains(lines[j].trim())) {
            shown = fenced(lines, j);
            next = closing(lines, j) + 1;
        }
        List<Command> commands = new ArrayList<>();
        String[] physical = body.replace("\\\n", " ").split("\n");
        for (int k = 0; k < physical.length; k++) {
            String c = physical[k].strip();
            if (c.isEmpty() || c.startsWith("#") || c.startsWith("AUTH=")) {
                continue;
            }
            ReadmeCurl curl = c.startsWith("curl ")
                    ? ReadmeCurl.parse(c)
                    : new ReadmeCurl(null, false, Map.of(), null, null, false, null, "not a curl command: " + c);
            Matcher shows = SHOWS.matcher(c);
            commands.add(new Command(
                    start + 2 + k, curl, null, shows.find() ? shows.group(1).strip() : null));
        }
        if (shown != null && !commands.isEmpty()) {
            Command last = commands.remove(commands.size() - 1);
            commands.add(new Command(last.line(), last.curl(), shown, last.shows()));
        }
        steps.addAll(commands);
        return next;
    }

    /** The index of the first non-blank line from {@code at} on (the length when there is none). */
    private static int nextText(String[] lines, int at) {
        int j = at;
        while (j < lines.length && lines[j].isBlank()) {
            j++;
        }
        return j;
    }

    /** The index of the fence that closes the block opening at {@code open} (the length when none does). */
    private static int closing(String[] lines, int open) {
        int j = open + 1;
        while (j < lines.length && !lines[j].strip().startsWith("```")) {
            j++;
        }
        return j;
    }

    /** The text of the block opening at {@code open}, one line each. */
    private static String fenced(String[] lines, int open) {
        StringBuilder out = new StringBuilder();
        for (int j = open + 1; j < closing(lines, open); j++) {
            out.append(lines[j]).append('\n');
        }
        return out.toString();
    }

    /** The last non-blank line before line index {@code at}, or "". */
    private static String previousText(String[] lines, int at) {
        for (int k = at - 1; k >= 0; k--) {
            if (!lines[k].isBlank()) {
                return lines[k];
            }
        }
        return "";
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

    /** Where {@code real} differs from {@code shown}, compared whole (a command's JSON output), one line each. */
    static List<String> mismatchesWhole(JsonNode shown, JsonNode real) {
        List<String> out = new ArrayList<>();
        compare("$", shown, real, out);
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
