package io.asegraph.analysis.audit;

import io.asegraph.analysis.AnalysisContext;
import io.asegraph.analysis.FlowAnalyzer;
import io.asegraph.analysis.InvalidArgumentException;
import io.asegraph.analysis.Reference;
import io.asegraph.net.Port;
import io.asegraph.net.Protocol;
import io.asegraph.policy.NetworkSecurityGroup;
import io.asegraph.topology.App;
import io.asegraph.topology.AppServiceEnvironment;
import io.asegraph.topology.Resource;
import io.asegraph.topology.ResourceId;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The estate audits over one analysis context, with references as the API takes them: the entry point of the audit
 * API. Built once per estate snapshot (the context is immutable), so estate-wide answers — every ASE's health, every
 * shadowed rule, the exposures on a port list — are computed once and then served from memory to every dashboard
 * poll until the estate changes.
 */
public final class Audits {
    private static final int MAX_CACHED_QUESTIONS = 32;
    private final AnalysisContext context;
    private final ShadowAudit shadows;
    private final ExposureAudit exposures;
    private final EnvironmentHealthAudit health;
    private final RequiredAccessAudit access;
    private final ReachabilityAudit reachability;
    private final ConcurrentHashMap<Boolean, List<ShadowedRule>> allShadows = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, List<Exposure>> exposuresByQuestion = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, List<Reachability>> reachByQuestion = new ConcurrentHashMap<>();
    private volatile List<EnvironmentHealth> allHealth;
    /**
     * The audits of an estate this one differs from in {@link #changedNsgs} only, whose estate-wide answers are reused
     * for every part the change leaves alone ({@link #derive}); dropped by {@link #warm}, so that a chain of derived
     * audits does not keep old snapshots alive.
     */
    private volatile Audits base;

    private final Set<ResourceId> changedNsgs;

    public Audits(AnalysisContext context, FlowAnalyzer flows) {
        this(context, flows, null, Set.of());
    }

    /**
     * The audits over {@code context}, reusing {@code base}'s estate-wide answers where {@code context} differs from
     * {@code base}'s context in some NSGs only ({@link AnalysisContext#nsgChangesSince}): every ASE's health, the
     * shadowed rules and the exposures are then the base's with only what those NSGs apply to computed again, and
     * equal to what a fresh {@code Audits} would compute. Otherwise (anything else changed) they are fresh audits.
     */
    public static Audits derive(Audits base, AnalysisContext context, FlowAnalyzer flows) {
        if (base.base != null) {
            // The base is itself derived and not yet warmed: deriving from it would chain snapshots without bound.
            return new Audits(context, flows);
        }
        return context.nsgChangesSince(base.context)
                .map(changed -> new Audits(context, flows, base, changed))
                .orElseGet(() -> new Audits(context, flows));
    }

    /** True when answers are derived from another estate's audits ({@link #derive}) rather than computed in full. */
    public boolean derived() {
        return base != null;
    }

    private Audits(AnalysisContext context, FlowAnalyzer flows, Audits base, Set<ResourceId> changedNsgs) {
        this.base = base;
        this.changedNsgs = changedNsgs;
        this.context = Objects.requireNonNull(context, "context");
        this.shadows = new ShadowAudit(context);
        this.exposures = new ExposureAudit(context);
        this.health = new EnvironmentHealthAudit(context);
        this.access = new RequiredAccessAudit(context, flows);
        this.reachability = new ReachabilityAudit(context, flows);
    }

    public AnalysisContext context() {
        return context;
    }

    /**
     * Computes the estate-wide answers a dashboard asks first (every ASE's health, the exposures on the default ports
     * over TCP, the shadowed user rules), so that no reader waits for them; a reader asking meanwhile waits for the
     * same computation instead of starting another.
     */
    public void warm() {
        environmentsHealth();
        exposures(ExposureAudit.DEFAULT_PORTS, Protocol.TCP);
        shadowedRules(false);
        base = null;
    }

    /** Every ASE's health (computed once per estate). */
    public List<EnvironmentHealth> environmentsHealth() {
        List<EnvironmentHealth> h = allHealth;
        if (h == null) {
            synchronized (this) {
                if (allHealth == null) {
                    Audits b = base;
                    allHealth = b != null ? health.derive(b.environmentsHealth(), changedNsgs) : health.all();
                }
                h = allHealth;
            }
        }
        return h;
    }

    /**
     * One ASE's health; {@code environment} names an ASE (id, name, or one of its addresses) or an app on it.
     *
     * @throws io.asegraph.analysis.AnalysisException UNKNOWN_REFERENCE, AMBIGUOUS_REFERENCE, or INVALID_ARGUMENT for
     *                                                 something that is not an ASE or an app
     */
    public EnvironmentHealth environmentHealth(String environment) {
        Reference ref = context.resolver().resolveDestination(environment);
        Resource r = ref.resource()
                .orElseThrow(() -> new InvalidArgumentException(
                        "'" + environment + "' is an address no ASE holds; name an App Service Environment"));
        AppServiceEnvironment ase;
        if (r instanceof AppServiceEnvironment a) {
            ase = a;
        } else if (r instanceof App app) {
            ase = context.topology()
                    .environment(app.aseId())
                    .orElseThrow(() -> new InvalidArgumentException("app " + app.name() + " is hosted on "
                            + app.aseId().value() + ", which is not in the snapshot"));
        } else {
            throw new InvalidArgumentException(
                    "'" + environment + "' is a " + ref.kind().label() + ", not an App Service Environment");
        }
        List<EnvironmentHealth> all = allHealth;
        if (all != null) {
            return all.stream()
                    .filter(e -> e.environment().equals(ase.id()))
                    .findFirst()
                    .orElseGet(() -> health.health(ase));
        }
        return health.health(ase);
    }

    /** Shadowed rules of every NSG (computed once per estate and option). */
    public List<ShadowedRule> shadowedRules(boolean includeDefaultRules) {
        return allShadows.computeIfAbsent(includeDefaultRules, include -> {
            Audits b = base;
            return b != null ? shadows.derive(b.shadowedRules(include), changedNsgs, include) : shadows.all(include);
        });
    }

    /**
     * Shadowed rules of one NSG.
     *
     * @throws io.asegraph.analysis.AnalysisException UNKNOWN_REFERENCE, AMBIGUOUS_REFERENCE, or INVALID_ARGUMENT for
     *                                                 something that is not an NSG
     */
    public List<ShadowedRule> shadowedRules(String nsg, boolean includeDefaultRules) {
        Reference ref = context.resolver().resolveLocated(nsg);
        if (!(ref.resource().orElse(null) instanceof NetworkSecurityGroup group)) {
            throw new InvalidArgumentException(
                    "'" + nsg + "' is a " + ref.kind().label() + ", not a network security group");
        }
        return shadows.of(group, includeDefaultRules);
    }

    /** Internet exposures on {@code ports} (computed once per estate and question). */
    public List<Exposure> exposures(List<Integer> ports, Protocol protocol) {
        for (Integer p : ports) {
            if (!Port.isPort(p)) {
                throw new InvalidArgumentException(Port.problem("port", p));
            }
        }
        String key = protocol + ":"
                + ports.stream().distinct().sorted().map(String::valueOf).toList();
        if (exposuresByQuestion.size() >= MAX_CACHED_QUESTIONS) {
            exposuresByQuestion.clear(); // bounded: a client asking ever new port lists cannot grow it without end
        }
        return exposuresByQuestion.computeIfAbsent(key, k -> {
            Audits b = base;
            return b != null
                    ? exposures.derive(ports, protocol, b.exposures(ports, protocol), changedNsgs)
                    : exposures.exposures(ports, protocol);
        });
    }

    public RequiredAccess requiredAccess(String from, String to, int port, Protocol protocol) {
        ReachabilityAudit.requirePort(port);
        return access.required(from, to, port, protocol);
    }

    /** The same with resolved references. */
    public RequiredAccess requiredAccess(Reference from, Reference to, int port, Protocol protocol) {
        ReachabilityAudit.requirePort(port);
        return access.required(from, to, port, protocol);
    }

    /** Every caller's verdict toward {@code to} (computed once per estate and question; a dashboard polls one). */
    public List<Reachability> whoCanReach(String to, int port, Protocol protocol) {
        ReachabilityAudit.requirePort(port);
        Reference target = context.resolver().resolveDestination(to);
        String key =
                target.kind() + "|" + target.resource().map(r -> r.id().key()).orElse("") + "|"
                        + target.address().map(String::valueOf).orElse("") + "|" + port + "|" + protocol;
        if (reachByQuestion.size() >= MAX_CACHED_QUESTIONS) {
            reachByQuestion.clear();
        }
        return reachByQuestion.computeIfAbsent(key, k -> reachability.whoCanReach(target, port, protocol));
    }

    public List<MatrixRow> reachabilityMatrix(List<String> from, List<String> to, int port, Protocol protocol) {
        return reachability.matrix(from, to, port, protocol);
    }
}
