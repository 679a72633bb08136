package io.asegraph.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a deterministic, seeded, az-style export of an Azure estate of any size: {@code resources.json} (one JSON
 * array of resources as {@code az ... show -o json} prints them, every reference resolving inside the file) and
 * {@code servicetags.json} (a Service Tags file shaped like {@code ServiceTags_Public_*.json}). The same spec and
 * seed give the same bytes. Run it with {@code bench/run generate}:
 *
 * <pre>
 * bench/run generate --size large --seed 42 --out bench-out/
 * </pre>
 *
 * <p>See {@code bench/README.md} for the options and the shapes. What is not generated: IPv6 address spaces in VNets,
 * multi-prefix VNets and subnets, standalone subnet resources, ExpressRoute circuits (ExpressRoute gateways carry
 * their on-premises prefixes as learned routes only), and virtual machines (a NIC's {@code virtualMachine.id} is the
 * one id that points outside the file, as in a real export of the network resources alone).
 */
public final class EstateGenerator {
    public static final String RESOURCES_FILE = "resources.json";
    public static final String SERVICE_TAGS_FILE = "servicetags.json";

    private EstateGenerator() {}

    /**
     * What one run wrote.
     *
     * @param resourcesByType top-level resources per ARM type, in file order
     * @param subnets         subnets embedded in the VNets
     * @param peerings        peerings embedded in the VNets (one per side)
     * @param securityRules   user security rules over all NSGs (default rules not counted)
     * @param serviceTags     entries of {@code values} in the Service Tags file
     * @param tagPrefixesIpv4 IPv4 prefixes over all tags (a prefix is counted once per tag listing it)
     * @param tagPrefixesIpv6 IPv6 prefixes over all tags
     */
    public record Summary(
            EstateSpec spec,
            long seed,
            Map<String, Integer> resourcesByType,
            long subnets,
            long peerings,
            long securityRules,
            int serviceTags,
            int tagPrefixesIpv4,
            int tagPrefixesIpv6,
            long resourcesBytes,
            long serviceTagsBytes,
            double seconds) {
        public Summary {
            resourcesByType = Collections.unmodifiableMap(new LinkedHashMap<>(resourcesByType));
        }

        /** Resources of one ARM type (0 when none was written). */
        public int count(String type) {
            return resourcesByType.getOrDefault(type, 0);
        }

        /** The one-line summary the command prints. */
        public String line() {
            StringBuilder b = new StringBuilder();
            b.append("seed ").append(seed).append(":");
            resourcesByType.forEach((type, n) -> b.append(' ')
                    .append(type.substring(type.lastIndexOf('/') + 1))
                    .append('=')
                    .append(n));
            b.append(" subnets=")
                    .append(subnets)
                    .append(" peerings=")
                    .append(peerings)
                    .append(" securityRules=")
                    .append(securityRules)
                    .append(" | servicetags: tags=")
                    .append(serviceTags)
                    .append(" ipv4=")
                    .append(tagPrefixesIpv4)
                    .append(" ipv6=")
                    .append(tagPrefixesIpv6)
                    .append(" | bytes ")
                    .append(resourcesBytes)
                    .append(" + ")
                    .append(serviceTagsBytes)
                    .append(String.format(Locale.ROOT, " | %.2f s", seconds));
            return b.toString();
        }
    }

    /** Generates the estate into {@code outDir} (created if missing; the two files are replaced). */
    public static Summary generate(EstateSpec spec, long seed, Path outDir, boolean pretty) throws IOException {
        long start = System.nanoTime();
        EstatePlan plan = new EstatePlan(spec, seed);
        Files.createDirectories(outDir);
        Path resources = outDir.resolve(RESOURCES_FILE);
        Path serviceTags = outDir.resolve(SERVICE_TAGS_FILE);
        ResourceWriter writer;
        try (JsonGenerator json = BenchJson.generator(output(resources), pretty)) {
            writer = new ResourceWriter(plan, json);
            writer.write();
        }
        try (JsonGenerator json = BenchJson.generator(output(serviceTags), pretty)) {
            plan.tags.write(json);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Summary(
                spec,
                seed,
                writer.counts(),
                writer.subnets(),
                writer.peerings(),
                writer.securityRules(),
                plan.tags.tagCount(),
                plan.tags.ipv4Entries(),
                plan.tags.ipv6Entries(),
                Files.size(resources),
                Files.size(serviceTags),
                seconds);
    }

    private static OutputStream output(Path file) throws IOException {
        return new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
    }

    /** The parsed command line. */
    record Arguments(EstateSpec spec, long seed, Path out, boolean pretty) {}

    static final String USAGE =
            """
            usage: bench/run generate [--size small|medium|large] [--seed N]
                   [--out DIR] [--pretty] [--vnets N] [--subnets N] [--ases N] [--apps N] [--nics N] [--nsgs N]
                   [--rules N | --rules-per-nsg N] [--route-tables N] [--peerings N] [--gateways N]
                   [--nat-gateways N] [--asgs N] [--endpoints N] [--tag-prefixes N]
            Defaults: --size large --seed 42 --out bench-out. Counts override the size preset.""";

    /** Parses the command line; all counts apply together, {@code --rules-per-nsg} to the final NSG count. */
    static Arguments parse(String... args) {
        String size = "large";
        long seed = 42;
        Path out = Path.of("bench-out");
        boolean pretty = false;
        Map<String, Integer> overrides = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--pretty")) {
                pretty = true;
                continue;
            }
            if (!arg.startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value, got '" + arg + "'");
            }
            String option = arg.substring(2);
            String value = args[++i];
            switch (option) {
                case "size" -> size = value;
                case "seed" -> seed = parseNumber(option, value);
                case "out" -> out = Path.of(value);
                default -> {
                    if (!EstateSpec.OPTIONS.contains(option)) {
                        throw new IllegalArgumentException("unknown option --" + option);
                    }
                    long n = parseNumber(option, value);
                    if (n < 0 || n > Integer.MAX_VALUE) {
                        throw new IllegalArgumentException("--" + option + " must be a count, got " + value);
                    }
                    overrides.put(option, (int) n);
                }
            }
        }
        return new Arguments(EstateSpec.preset(size).with(overrides), seed, out, pretty);
    }

    private static long parseNumber(String option, String value) {
        try {
            return Long.parseLong(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + option + " needs a whole number, got '" + value + "'");
        }
    }

    /**
     * The command. It is a command-line tool, not service code, so it reports on System.out / System.err
     * (the house rule against System.out applies to the service).
     */
    public static void main(String[] args) {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println(USAGE);
            return;
        }
        Arguments arguments;
        try {
            arguments = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        try {
            Summary summary = generate(arguments.spec(), arguments.seed(), arguments.out(), arguments.pretty());
            System.out.println(summary.line() + " -> " + arguments.out());
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
        } catch (IOException e) {
            System.err.println("error: cannot write to " + arguments.out() + ": " + e.getMessage());
            System.exit(1);
        }
    }
}
