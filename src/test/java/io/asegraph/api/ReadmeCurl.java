package io.asegraph.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code curl} command line of the README, parsed (no shell is spawned): method, whether it authenticates
 * ({@code -u "$AUTH"} or {@code -u admin:$(cat data/initial-admin-password)}, both a writer: the test uses its own
 * writer), headers ({@code -H}), the body ({@code -d}, {@code --data}, {@code --data-binary}, {@code --data-raw}; a
 * {@code @file} is a file of the repository), {@code -i} (the shown output starts with the status line and headers),
 * and the URL's path and query on {@code localhost:8080}. Other options ({@code -s}, {@code -S}, {@code -f}) change
 * nothing the test compares; any option not known here makes the command unrunnable, named in {@link #problem}.
 */
record ReadmeCurl(
        String method,
        boolean authenticated,
        Map<String, String> headers,
        String data,
        String dataFile,
        boolean include,
        String path,
        String problem) {

    private static final Pattern URL = Pattern.compile("(?:https?://)?localhost:8080(/\\S*)");
    private static final Pattern AUTH =
            Pattern.compile("\\$AUTH|\\$\\{AUTH}|admin:\\$\\(cat data/initial-admin-password\\)");

    /** The command {@code line} (continuations joined, starting with {@code curl}). */
    static ReadmeCurl parse(String line) {
        List<String> words = words(line);
        String method = null;
        boolean auth = false;
        Map<String, String> headers = new LinkedHashMap<>();
        String data = null;
        String file = null;
        boolean include = false;
        String path = null;
        for (int k = 1; k < words.size(); k++) {
            String w = words.get(k);
            String next = k + 1 < words.size() ? words.get(k + 1) : null;
            switch (w) {
                case "-u", "--user" -> {
                    if (next == null || !AUTH.matcher(next).matches()) {
                        return unrunnable("-u " + next + " is not the README's writer ($AUTH or admin:…)");
                    }
                    auth = true;
                    k++;
                }
                case "-H", "--header" -> {
                    int colon = next == null ? -1 : next.indexOf(':');
                    if (colon < 0) {
                        return unrunnable("-H " + next + " is not a header");
                    }
                    headers.put(
                            next.substring(0, colon).trim(),
                            next.substring(colon + 1).trim());
                    k++;
                }
                case "-d", "--data", "--data-binary", "--data-raw" -> {
                    if (next == null) {
                        return unrunnable(w + " without a value");
                    }
                    if (next.startsWith("@") && !w.equals("--data-raw")) {
                        file = next.substring(1);
                    } else {
                        data = next;
                    }
                    k++;
                }
                case "-X", "--request" -> {
                    method = next;
                    k++;
                }
                case "-i", "--include" -> include = true;
                case "-s", "-S", "-sS", "--silent", "--show-error", "-f", "--fail" -> {}
                default -> {
                    Matcher m = URL.matcher(w);
                    if (w.startsWith("-") || !m.matches() || path != null) {
                        return unrunnable("'" + w + "' is not an option or URL the test knows");
                    }
                    path = m.group(1);
                }
            }
        }
        if (path == null) {
            return unrunnable("no URL on localhost:8080");
        }
        if (method == null) {
            method = data != null || file != null ? "POST" : "GET";
        }
        return new ReadmeCurl(method.toUpperCase(Locale.ROOT), auth, headers, data, file, include, path, null);
    }

    private static ReadmeCurl unrunnable(String why) {
        return new ReadmeCurl(null, false, Map.of(), null, null, false, null, why);
    }

    /**
     * The words of a command line as a POSIX shell splits them: single quotes literal, double quotes keep spaces,
     * {@code $(…)} kept whole, a backslash escapes the next character; an unquoted {@code #} starts a comment.
     */
    static List<String> words(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder w = null;
        int depth = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (depth == 0 && Character.isWhitespace(c)) {
                if (w != null) {
                    out.add(w.toString());
                    w = null;
                }
                continue;
            }
            if (w == null) {
                if (c == '#') {
                    break;
                }
                w = new StringBuilder();
            }
            if (c == '\'' && depth == 0) {
                int end = line.indexOf('\'', i + 1);
                w.append(line, i + 1, end);
                i = end;
            } else if (c == '"' && depth == 0) {
                int end = i + 1;
                while (line.charAt(end) != '"') {
                    if (line.charAt(end) == '\\') {
                        end++;
                    }
                    w.append(line.charAt(end));
                    end++;
                }
                i = end;
            } else if (c == '\\' && i + 1 < line.length()) {
                w.append(line.charAt(++i));
            } else {
                if (c == '(' && i > 0 && line.charAt(i - 1) == '$') {
                    depth++;
                } else if (c == ')' && depth > 0) {
                    depth--;
                }
                w.append(c);
            }
        }
        if (w != null) {
            out.add(w.toString());
        }
        return out;
    }

    /**
     * Where the real answer differs from the output the README shows after the command, one line each: with
     * {@code -i} the status line and every header shown (its value a pattern as in {@link ReadmeExamples#glob}), then
     * the body line by line, each shown line a pattern of the real one, as many lines as shown.
     */
    static List<String> mismatches(String shown, int status, Map<String, String> realHeaders, String body) {
        List<String> out = new ArrayList<>();
        String shownBody = shown;
        if (shown.startsWith("HTTP/")) {
            int blank = shown.indexOf("\n\n");
            String[] head = (blank < 0 ? shown : shown.substring(0, blank)).split("\n");
            shownBody = blank < 0 ? "" : shown.substring(blank + 2);
            String[] statusLine = head[0].split(" ");
            if (statusLine.length < 2 || !statusLine[1].equals(String.valueOf(status))) {
                out.add("status: shown " + head[0] + ", got " + status);
            }
            for (int k = 1; k < head.length; k++) {
                int colon = head[k].indexOf(':');
                String name = head[k].substring(0, colon).trim();
                String value = head[k].substring(colon + 1).trim();
                String real = realHeaders.entrySet().stream()
                        .filter(e -> e.getKey().equalsIgnoreCase(name))
                        .map(Map.Entry::getValue)
                        .findFirst()
                        .orElse(null);
                if (real == null || !ReadmeExamples.glob(value).matcher(real).matches()) {
                    out.add("header " + name + ": shown " + value + ", got " + real);
                }
            }
        } else if (status != 200) {
            out.add("status " + status + " where the README shows an answer: " + body);
        }
        List<String> want = lines(shownBody);
        List<String> got = lines(body);
        if (want.size() != got.size()) {
            out.add("shown " + want.size() + " lines, got " + got.size() + ": " + got);
            return out;
        }
        for (int k = 0; k < want.size(); k++) {
            if (!ReadmeExamples.glob(want.get(k)).matcher(got.get(k)).matches()) {
                out.add("line " + (k + 1) + ": shown " + want.get(k) + ", got " + got.get(k));
            }
        }
        return out;
    }

    private static List<String> lines(String text) {
        String t = text.replace("\r\n", "\n").strip();
        return t.isEmpty() ? List.of() : List.of(t.split("\n"));
    }
}
