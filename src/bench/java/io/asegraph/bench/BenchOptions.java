package io.asegraph.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The command line of {@link Bench}. Durations per size: small measures 1 s per scenario and level after 0.5 s of
 * warm-up under a 5-minute cap; medium 3 s after 1 s under 15 minutes; large 5 s after 2 s under 30 minutes.
 *
 * @param size           small, medium or large ({@link EstateSpec#preset})
 * @param seed           the estate's seed
 * @param out            where the estate, the run's data directories and logs, and the results go
 * @param measure        the measured window per scenario and level
 * @param warmup         the unmeasured warm-up before each window
 * @param maxRequests    a request budget per scenario and level (0: none)
 * @param levels         the concurrency levels
 * @param jar            the packaged service ({@code target/quarkus-app/quarkus-run.jar})
 * @param url            an already running service: then nothing is started, and start, restart, memory and the
 *                       bare Neo4j baselines are skipped
 * @param cap            the hard cap of the whole run
 * @param serviceJvmArgs extra JVM options for the service (e.g. {@code -Xmx1g})
 * @param readyTimeout   the longest a start may take
 * @param importPath     the service's import endpoint
 * @param skipImport     measure the service on whatever its data directory holds (to check the harness itself)
 * @param seedDirectory  the service's {@code graph-seed} folder (its schema statements run on every start)
 * @param pageCache      the Neo4j page cache of the bare baselines (the service's default)
 * @param credentials    NAME:PASSWORD of the service's user, if given
 * @param driver         what times the load: {@code wrk} (the default) or {@code jdk} (this process's own HTTP
 *                       client, which adds its own cost to every figure: for comparison only)
 * @param peer           also run the peer ({@link Peer}: @neo4j/graphql on the service's store) and time the same
 *                       listings side by side (needs a service the run starts: its Bolt port)
 * @param soak           {@code --soak DURATION}: instead of timing each scenario, run the mixed load for this long
 *                       with a writer ({@link Soak}); {@link Duration#ZERO} when not asked for
 * @param soakWriteEvery how often the soak's writer makes an import or a rule edit
 * @param soakClients    the soak's concurrent clients
 * @param restoreCheck   after the import, {@code GET /export} the estate, import the export into a second service on
 *                       an empty data directory and compare its export with the first ({@link RestoreCheck}; needs a
 *                       service the run starts)
 */
record BenchOptions(
        String size,
        long seed,
        Path out,
        Duration measure,
        Duration warmup,
        long maxRequests,
        List<Integer> levels,
        Path jar,
        Optional<URI> url,
        Duration cap,
        List<String> serviceJvmArgs,
        Duration readyTimeout,
        String importPath,
        boolean skipImport,
        Path seedDirectory,
        String pageCache,
        Optional<String> credentials,
        String driver,
        boolean peer,
        Duration soak,
        Duration soakWriteEvery,
        int soakClients,
        boolean restoreCheck) {

    BenchOptions {
        if (!driver.equals("wrk") && !driver.equals("jdk")) {
            throw new IllegalArgumentException("--driver is wrk or jdk, not " + driver);
        }
        levels = List.copyOf(levels);
        serviceJvmArgs = List.copyOf(serviceJvmArgs);
        if (levels.isEmpty() || levels.stream().anyMatch(l -> l < 1)) {
            throw new IllegalArgumentException("--levels needs concurrency levels of at least 1");
        }
        if (peer && url.isPresent()) {
            throw new IllegalArgumentException(
                    "--peer needs a service the run starts (its store's Bolt port), not --url");
        }
        if (peer && !driver.equals("wrk")) {
            throw new IllegalArgumentException("--peer times both services with wrk: leave out --driver jdk");
        }
        if (restoreCheck && url.isPresent()) {
            throw new IllegalArgumentException(
                    "--restore-check starts a second service on an empty data directory: not with --url");
        }
        if (!importPath.startsWith("/")) {
            throw new IllegalArgumentException("--import-path must start with /");
        }
        if (soak.isNegative() || soakWriteEvery.isNegative() || soakWriteEvery.isZero() || soakClients < 1) {
            throw new IllegalArgumentException("--soak, --soak-write-every and --soak-clients must be positive");
        }
        boolean soaks = !soak.isZero(); // the fields are not set yet in a compact constructor
        if (soaks && peer) {
            throw new IllegalArgumentException("--soak and --peer are separate runs: leave one out");
        }
        if (soaks && !driver.equals("wrk")) {
            throw new IllegalArgumentException("--soak drives the service with wrk: leave out --driver jdk");
        }
        if (soaks && soak.compareTo(Duration.ofSeconds(10)) < 0) {
            throw new IllegalArgumentException("--soak needs at least 10s, got " + soak.toMillis() + " ms");
        }
    }

    /** The JVM options the README runs the service with; --service-jvm-arg replaces them. */
    static final List<String> DEFAULT_SERVICE_JVM_ARGS = List.of("-Xmx2g");

    static final String USAGE =
            """
            usage: java -cp <classpath> io.asegraph.bench.Bench [--size small|medium|large] [--seed 42]
                   [--out bench-out] [--duration-seconds S] [--warmup-seconds S] [--max-requests N]
                   [--levels 1,8,32] [--jar target/quarkus-app/quarkus-run.jar] [--url http://127.0.0.1:8080]
                   [--max-minutes M] [--service-jvm-arg ARG (default: the README's)]... [--ready-timeout-seconds S]
                   [--import-path /import] [--no-import] [--seed-dir graph-seed] [--page-cache 512m]
                   [--user NAME:PASSWORD] [--driver wrk|jdk] [--peer]
                   [--restore-check] [--soak DURATION (10m, 90s, 1h)] [--soak-write-every 5s] [--soak-clients 16]
            Credentials: --user, else the environment's ASEGRAPH_BENCH_USER (NAME:PASSWORD), else, for a service the
            run starts, its admin with the initial password from its data directory.
            Load: wrk (Debian's package; bench/run installs it when missing); --driver jdk times with this process's
            own HTTP client instead, whose cost is in every figure (for comparison only).
            --peer: also serves the same store with @neo4j/graphql 7 on Apollo Server (npm installs it into
            bench/peer/node_modules; needs Node.js 20+ and npm) and times the same listings side by side.
            --restore-check: after the import, GET /export the estate, import the export into a second service on an
            empty data directory, and compare that service's export with the first (time, bytes, peak memory).
            Defaults: --size large; durations and the cap by size (small 1 s + 0.5 s warm-up, cap 5 min;
            medium 3 s + 1 s, 15 min; large 5 s + 2 s, 30 min). bench/run builds what is missing and runs this.
            --soak: after the import, the scenarios rotated at 16 clients by wrk for DURATION while a writer makes a
            rule edit or a slice re-import every 5 s; reports per minute requests, errors, p50/p99, the service's
            resident memory, writes and versions, and a verdict (the cap grows by DURATION).""";

    static BenchOptions parse(String... args) {
        String size = "large";
        long seed = 42;
        Path out = Path.of("bench-out");
        Double measure = null;
        Double warmup = null;
        long maxRequests = 0;
        List<Integer> levels = List.of(1, 8, 32);
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar");
        Optional<URI> url = Optional.empty();
        Double capMinutes = null;
        List<String> jvmArgs = new ArrayList<>();
        double readyTimeout = 300;
        String importPath = "/import";
        boolean skipImport = false;
        boolean peer = false;
        boolean restoreCheck = false;
        Path seedDir = Path.of("graph-seed");
        String pageCache = "512m";
        String driver = "wrk";
        Duration soak = Duration.ZERO;
        Duration soakWriteEvery = Duration.ofSeconds(5);
        int soakClients = 16;
        Optional<String> credentials =
                Optional.ofNullable(System.getenv("ASEGRAPH_BENCH_USER")).filter(v -> !v.isBlank());
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--no-import")) {
                skipImport = true;
                continue;
            }
            if (arg.equals("--peer")) {
                peer = true;
                continue;
            }
            if (arg.equals("--restore-check")) {
                restoreCheck = true;
                continue;
            }
            if (!arg.startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value, got '" + arg + "'");
            }
            String value = args[++i];
            switch (arg.substring(2)) {
                case "size" -> size = value.toLowerCase(Locale.ROOT);
                case "seed" -> seed = whole(arg, value);
                case "out" -> out = Path.of(value);
                case "duration-seconds" -> measure = positive(arg, value);
                case "warmup-seconds" -> warmup = nonNegative(arg, value);
                case "max-requests" -> maxRequests = whole(arg, value);
                case "levels" -> levels = levels(value);
                case "jar" -> jar = Path.of(value);
                case "url" -> url =
                        Optional.of(URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value));
                case "max-minutes" -> capMinutes = positive(arg, value);
                case "service-jvm-arg" -> jvmArgs.add(value);
                case "ready-timeout-seconds" -> readyTimeout = positive(arg, value);
                case "import-path" -> importPath = value;
                case "seed-dir" -> seedDir = Path.of(value);
                case "page-cache" -> pageCache = value;
                case "user" -> credentials = Optional.of(value);
                case "driver" -> driver = value;
                case "soak" -> soak = duration(arg, value);
                case "soak-write-every" -> soakWriteEvery = duration(arg, value);
                case "soak-clients" -> soakClients = (int) Math.min(Integer.MAX_VALUE, whole(arg, value));
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        EstateSpec.preset(size);
        if (maxRequests < 0) {
            throw new IllegalArgumentException("--max-requests must be >= 0");
        }
        double[] defaults =
                switch (size) {
                    case "small" -> new double[] {1, 0.5, 5};
                    case "medium" -> new double[] {3, 1, 15};
                    default -> new double[] {5, 2, 30};
                };
        return new BenchOptions(
                size,
                seed,
                out,
                seconds(measure != null ? measure : defaults[0]),
                seconds(warmup != null ? warmup : defaults[1]),
                maxRequests,
                levels,
                jar,
                url,
                // the peer's install, start and eight more windows per level: ten more minutes unless --max-minutes;
                // a soak's own length on top of the size's cap
                capMinutes != null
                        ? seconds(60 * capMinutes)
                        : seconds(60 * (defaults[2] + (peer ? 10 : 0))).plus(soak),
                jvmArgs.isEmpty() ? DEFAULT_SERVICE_JVM_ARGS : jvmArgs,
                seconds(readyTimeout),
                importPath,
                skipImport,
                seedDir,
                pageCache,
                credentials,
                driver,
                peer,
                soak,
                soakWriteEvery,
                soakClients,
                restoreCheck);
    }

    /**
     * A duration as {@code 10m}, {@code 90s}, {@code 1h}, {@code 1m30s}, {@code 500ms} or a bare number of seconds
     * ({@code 45}); positive.
     */
    static Duration duration(String option, String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.matches("\\d+(\\.\\d+)?")) {
            return seconds(positive(option, v));
        }
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("(\\d+)(ms|h|m|s)").matcher(v);
        Duration d = Duration.ZERO;
        int at = 0;
        while (m.find() && m.start() == at) {
            long n = Long.parseLong(m.group(1));
            d = d.plus(
                    switch (m.group(2)) {
                        case "h" -> Duration.ofHours(n);
                        case "m" -> Duration.ofMinutes(n);
                        case "s" -> Duration.ofSeconds(n);
                        default -> Duration.ofMillis(n);
                    });
            at = m.end();
        }
        if (at == 0 || at != v.length() || d.isZero()) {
            throw new IllegalArgumentException(
                    option + " needs a positive duration such as 10m, 90s, 1h or 1m30s, got '" + value + "'");
        }
        return d;
    }

    private static Duration seconds(double s) {
        return Duration.ofNanos(Math.round(s * 1e9));
    }

    private static long whole(String option, String value) {
        try {
            return Long.parseLong(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, got '" + value + "'");
        }
    }

    private static double nonNegative(String option, String value) {
        double d;
        try {
            d = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number of seconds, got '" + value + "'");
        }
        if (!(d >= 0) || Double.isInfinite(d)) {
            throw new IllegalArgumentException(option + " must be >= 0, got " + value);
        }
        return d;
    }

    private static double positive(String option, String value) {
        double d = nonNegative(option, value);
        if (d == 0) {
            throw new IllegalArgumentException(option + " must be > 0");
        }
        return d;
    }

    private static List<Integer> levels(String value) {
        List<Integer> out = new ArrayList<>();
        for (String part : value.split(",")) {
            try {
                out.add(Integer.parseInt(part.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "--levels takes whole numbers separated by commas, got '" + value + "'");
            }
        }
        return out;
    }

    /** Whether this run is a soak ({@code --soak}). */
    boolean soaks() {
        return !soak.isZero();
    }

    /** Whether the run starts the service itself (no --url). */
    boolean spawns() {
        return url.isEmpty();
    }
}
