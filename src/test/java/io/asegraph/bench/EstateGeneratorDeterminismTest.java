package io.asegraph.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Same spec and seed give the same bytes; another seed gives another estate of the same size. */
class EstateGeneratorDeterminismTest {

    @TempDir
    Path dir;

    @Test
    void sameSeedWritesIdenticalBytes() throws IOException {
        EstateGenerator.generate(EstateSpec.SMALL, 42, dir.resolve("a"), false);
        EstateGenerator.generate(EstateSpec.SMALL, 42, dir.resolve("b"), false);
        for (String file : new String[] {EstateGenerator.RESOURCES_FILE, EstateGenerator.SERVICE_TAGS_FILE}) {
            assertArrayEquals(
                    Files.readAllBytes(dir.resolve("a").resolve(file)),
                    Files.readAllBytes(dir.resolve("b").resolve(file)),
                    file);
        }
    }

    @Test
    void differentSeedWritesADifferentEstateOfTheSameSize() throws IOException {
        EstateGenerator.Summary a = EstateGenerator.generate(EstateSpec.SMALL, 42, dir.resolve("a"), false);
        EstateGenerator.Summary b = EstateGenerator.generate(EstateSpec.SMALL, 43, dir.resolve("b"), false);
        assertFalse(Arrays.equals(
                Files.readAllBytes(dir.resolve("a").resolve(EstateGenerator.RESOURCES_FILE)),
                Files.readAllBytes(dir.resolve("b").resolve(EstateGenerator.RESOURCES_FILE))));
        assertFalse(Arrays.equals(
                Files.readAllBytes(dir.resolve("a").resolve(EstateGenerator.SERVICE_TAGS_FILE)),
                Files.readAllBytes(dir.resolve("b").resolve(EstateGenerator.SERVICE_TAGS_FILE))));
        assertEquals(a.resourcesByType(), b.resourcesByType());
        assertEquals(a.securityRules(), b.securityRules());
    }

    @Test
    void prettyLayoutDiffersOnlyInWhitespace() throws IOException {
        EstateGenerator.generate(EstateSpec.SMALL, 42, dir.resolve("compact"), false);
        EstateGenerator.generate(EstateSpec.SMALL, 42, dir.resolve("pretty"), true);
        ObjectMapper mapper = new ObjectMapper();
        assertEquals(
                mapper.readTree(dir.resolve("compact")
                        .resolve(EstateGenerator.RESOURCES_FILE)
                        .toFile()),
                mapper.readTree(dir.resolve("pretty")
                        .resolve(EstateGenerator.RESOURCES_FILE)
                        .toFile()));
    }

    @Test
    void compactLayoutWritesOneResourcePerLine() throws IOException {
        EstateGenerator.Summary summary = EstateGenerator.generate(EstateSpec.SMALL, 42, dir, false);
        List<String> lines = Files.readAllLines(dir.resolve(EstateGenerator.RESOURCES_FILE));
        int resources = summary.resourcesByType().values().stream()
                .mapToInt(Integer::intValue)
                .sum();
        assertEquals(resources + 2, lines.size());
        assertEquals("[", lines.get(0));
        assertEquals("]", lines.get(lines.size() - 1));
        ObjectMapper mapper = new ObjectMapper();
        for (int i = 1; i <= resources; i++) {
            String line = lines.get(i);
            JsonNode resource = mapper.readTree(i < resources ? line.substring(0, line.length() - 1) : line);
            assertTrue(resource.path("id").isTextual(), "line " + i + " is one resource");
        }
        List<String> tags = Files.readAllLines(dir.resolve(EstateGenerator.SERVICE_TAGS_FILE));
        assertEquals(1, tags.size(), "the Service Tags file is one object on one line");
    }
}
