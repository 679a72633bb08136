package io.asegraph.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BenchOptionsTest {

    @ParameterizedTest(name = "{0}: {1} s window, {2} s warm-up, {3} min cap")
    @CsvSource({"small, 1, 0.5, 5", "medium, 3, 1, 15", "large, 5, 2, 30"})
    void sizesSetTheirOwnDurationsAndCap(String size, double measure, double warmup, long capMinutes) {
        BenchOptions o = BenchOptions.parse("--size", size);
        assertEquals(Duration.ofMillis(Math.round(measure * 1000)), o.measure());
        assertEquals(Duration.ofMillis(Math.round(warmup * 1000)), o.warmup());
        assertEquals(Duration.ofMinutes(capMinutes), o.cap());
        assertEquals(List.of(1, 8, 32), o.levels());
        assertTrue(o.spawns());
    }

    @Test
    void readsEveryOption() {
        BenchOptions o = BenchOptions.parse(
                "--size",
                "small",
                "--seed",
                "7",
                "--out",
                "x",
                "--duration-seconds",
                "0.25",
                "--warmup-seconds",
                "0",
                "--max-requests",
                "50",
                "--levels",
                "1, 4",
                "--url",
                "http://127.0.0.1:9/",
                "--max-minutes",
                "1.5",
                "--service-jvm-arg",
                "-Xmx1g",
                "--no-import");
        assertEquals(7, o.seed());
        assertEquals(Duration.ofMillis(250), o.measure());
        assertEquals(Duration.ZERO, o.warmup());
        assertEquals(50, o.maxRequests());
        assertEquals(List.of(1, 4), o.levels());
        assertEquals(URI.create("http://127.0.0.1:9"), o.url().orElseThrow());
        assertFalse(o.spawns());
        assertEquals(Duration.ofSeconds(90), o.cap());
        assertEquals(List.of("-Xmx1g"), o.serviceJvmArgs());
        assertTrue(o.skipImport());
    }

    @Test
    void restoreCheckIsOffByDefaultAndNeedsAServiceTheRunStarts() {
        assertFalse(BenchOptions.parse("--size", "small").restoreCheck());
        assertTrue(BenchOptions.parse("--size", "small", "--restore-check").restoreCheck());
        assertTrue(BenchOptions.USAGE.contains("--restore-check"));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> BenchOptions.parse("--restore-check", "--url", "http://127.0.0.1:9"));
        assertTrue(e.getMessage().contains("--restore-check"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "--size huge",
                "--levels 0",
                "--levels one",
                "--duration-seconds 0",
                "--warmup-seconds -1",
                "--max-minutes x",
                "--frobnicate 1",
                "--size",
                "--import-path import",
                "--soak",
                "--soak 0",
                "--soak 5s",
                "--soak ten",
                "--soak 10x",
                "--soak 1m-5s",
                "--soak 10m --driver jdk",
                "--soak 10m --peer",
                "--soak 10m --soak-write-every 0s",
                "--soak 10m --soak-clients 0"
            })
    void rejectsABadCommandLine(String line) {
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(line.split(" ")));
    }

    @Test
    void noSoakUnlessAskedFor() {
        BenchOptions o = BenchOptions.parse("--size", "small");
        assertFalse(o.soaks());
        assertEquals(Duration.ZERO, o.soak());
    }

    @Test
    void readsTheSoakWithItsDefaultsAndGrowsTheCapByItsLength() {
        BenchOptions o = BenchOptions.parse("--size", "small", "--soak", "10m");
        assertTrue(o.soaks());
        assertEquals(Duration.ofMinutes(10), o.soak());
        assertEquals(Duration.ofSeconds(5), o.soakWriteEvery());
        assertEquals(16, o.soakClients());
        assertEquals(Duration.ofMinutes(5 + 10), o.cap());

        BenchOptions p = BenchOptions.parse(
                "--size", "medium", "--soak", "1m30s", "--soak-write-every", "2.5", "--soak-clients", "4");
        assertEquals(Duration.ofSeconds(90), p.soak());
        assertEquals(Duration.ofMillis(2500), p.soakWriteEvery());
        assertEquals(4, p.soakClients());
        assertEquals(Duration.ofSeconds(15 * 60 + 90), p.cap());
        assertEquals(
                Duration.ofMinutes(3),
                BenchOptions.parse("--soak", "10m", "--max-minutes", "3").cap());
    }

    @ParameterizedTest(name = "{0} = {1} ms")
    @CsvSource({"30s, 30000", "10m, 600000", "1h, 3600000", "1m30s, 90000", "45, 45000", "1500ms, 1500", "2M, 120000"})
    void readsDurations(String text, long millis) {
        assertEquals(Duration.ofMillis(millis), BenchOptions.duration("--soak", text));
    }
}
