package io.asegraph.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Presets, overrides and the command line. */
class EstateSpecTest {

    @Test
    void largePresetIsTheEstateOfTheDesign() {
        EstateSpec l = EstateSpec.LARGE;
        assertEquals(500, l.vnets());
        assertEquals(10_000, l.subnets());
        assertEquals(1_000, l.ases());
        assertEquals(5_000, l.apps());
        assertEquals(10_000, l.nics());
        assertEquals(5_000, l.nsgs());
        assertEquals(100_000, l.rules());
        assertEquals(500, l.routeTables());
        assertEquals(1_000, l.peerings());
    }

    @ParameterizedTest
    @CsvSource({"100000, 5000", "60, 8", "1003, 59", "7, 3", "0, 4"})
    void rulesAreSpreadOverNsgsWithoutLosingAny(int rules, int nsgs) {
        EstateSpec spec = EstateSpec.SMALL.with("nsgs", nsgs).with("rules", rules);
        int total = IntStream.range(0, nsgs).map(spec::rulesOfNsg).sum();
        assertEquals(rules, total);
        int spread = IntStream.range(0, nsgs).map(spec::rulesOfNsg).max().getAsInt()
                - IntStream.range(0, nsgs).map(spec::rulesOfNsg).min().getAsInt();
        assertTrue(spread <= 1, "even spread");
    }

    @Test
    void rulesPerNsgAppliesAfterTheNsgCountWhateverTheOrder() {
        EstateGenerator.Arguments a = EstateGenerator.parse(
                "--size", "small", "--rules-per-nsg", "30", "--nsgs", "11", "--seed", "7", "--out", "x");
        assertEquals(330, a.spec().rules());
        assertEquals(11, a.spec().nsgs());
        assertEquals(7, a.seed());
        assertEquals(Path.of("x"), a.out());
    }

    @Test
    void overridesApplyTogetherSoNoHalfAppliedSpecIsChecked() {
        EstateGenerator.Arguments a = EstateGenerator.parse("--size", "small", "--ases", "0", "--apps", "0");
        assertEquals(0, a.spec().ases());
        assertEquals(0, a.spec().apps());
        assertEquals(EstateSpec.SMALL.vnets(), a.spec().vnets());
    }

    @Test
    void commandLineDefaultsToTheLargeEstateWithSeed42() {
        EstateGenerator.Arguments a = EstateGenerator.parse();
        assertEquals(EstateSpec.LARGE, a.spec());
        assertEquals(42, a.seed());
        assertEquals(Path.of("bench-out"), a.out());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "--size|huge|unknown size",
                "--vnets|-1|must be a count",
                "--frobs|3|unknown option",
                "--seed|x|whole number",
                "--subnets|3|at least ases + gateways",
                "--gateways|9|cannot exceed vnets",
                "--rules-per-nsg|9000|at most 7994 rules",
            })
    void rejectsBadOptionsWithAReason(String option, String value, String reason) {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> EstateGenerator.parse("--size", "small", option, value));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void rejectsAnEstateWhoseSubnetsDoNotFitTheirVnets() {
        EstateSpec tooMany = EstateSpec.SMALL.with("subnets", 3 * 300);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new EstatePlan(tooMany, 1));
        assertTrue(e.getMessage().contains("do not fit"), e.getMessage());
    }
}
