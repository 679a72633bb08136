package io.asegraph.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The files README.md and bench/README.md name are files of the repository: a path in backticks or a link that starts
 * at a top-level folder ({@code src/…}, {@code bench/…}, {@code graph-seed/…}), and every {@code .java} file named,
 * with or without its package folders ({@code graph/Labels.java}, {@code GraphStore.java}). Names of files a run
 * writes ({@code results.md}, {@code resources.json}) start at no top-level folder and are not checked.
 */
class ReadmeReferencesTest {
    private static final Pattern TICKED = Pattern.compile("`([\\w./-]+)`|\\]\\(([\\w./-]+)\\)");
    private static final Set<String> TOP = Set.of("src", "bench", "graph-seed", ".ci", ".mvn");

    /** What of {@code text} names a repository file that is not there. */
    static List<String> missing(String text, List<Path> files) {
        List<String> out = new ArrayList<>();
        Matcher m = TICKED.matcher(text);
        while (m.find()) {
            String ref = m.group(1) != null ? m.group(1) : m.group(2);
            boolean rooted = ref.indexOf('/') > 0 && TOP.contains(ref.substring(0, ref.indexOf('/')));
            boolean java = ref.matches("[\\w./-]*\\w\\.java"); // a file name, not the bare extension
            if (!rooted && !java) {
                continue;
            }
            boolean found = rooted
                    ? Files.exists(Path.of(ref)) || ignored(ref)
                    : files.stream()
                            .anyMatch(f -> f.toString().replace('\\', '/').endsWith("/" + ref));
            if (!found && !out.contains(ref)) {
                out.add(ref);
            }
        }
        return out;
    }

    /** Whether a segment of {@code ref} is named by the .gitignore of the folder it is in (what a run creates). */
    static boolean ignored(String ref) {
        String[] segments = ref.split("/");
        Path dir = Path.of("");
        for (String segment : segments) {
            Path ignore = dir.resolve(".gitignore");
            try {
                if (Files.isRegularFile(ignore)
                        && Files.readAllLines(ignore).stream()
                                .map(l -> l.strip().replaceAll("^/|/$", ""))
                                .anyMatch(segment::equals)) {
                    return true;
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            dir = dir.resolve(segment);
        }
        return false;
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> s = Files.walk(Path.of("src"))) {
            return s.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void everyFileTheReadmesNameIsInTheRepository() throws IOException {
        List<Path> files = sources();
        for (String document : ReadmeExamplesTest.DOCUMENTS) {
            String text = Files.readString(Path.of(document), StandardCharsets.UTF_8);
            assertEquals(List.of(), missing(text, files), document);
        }
    }

    @Test
    void aNameOfAFileThatIsNotThereIsCaught() throws IOException {
        List<Path> files = sources();
        assertEquals(
                List.of("src/main/java/io/asegraph/Nowhere.java", "graph/Nowhere.java", "bench/nothing.sh"),
                missing(
                        "`src/main/java/io/asegraph/Nowhere.java`, `graph/Nowhere.java`, [x](bench/nothing.sh),"
                                + " `graph/Labels.java`, `bench/run`, `results.md`, `.java`",
                        files));
    }
}
