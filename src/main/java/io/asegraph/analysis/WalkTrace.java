package io.asegraph.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The hops of a walk as the walker decided them, each cut where a later step of the path goes: the caller's hop (its
 * {@code origin}) into its route lookup ({@code entry}) and what follows it (source translation, or a drop), after
 * which the source side's NSGs filter; an Azure Firewall's hop into its entry, after which its rules filter, and its
 * onward route and translation; the other hops on the way ({@code middle}); and the destination's {@code arrival}
 * sentence, which the delivery step says. {@link #hops} is the walk alone, as the call source shows it; a flow's
 * trace is written from the same parts, with the path engine's steps between them ({@link PathTrace}).
 */
public record WalkTrace(Leg origin, List<Leg> middle, Optional<Arrival> arrival) {
    public WalkTrace {
        Objects.requireNonNull(origin, "origin");
        middle = List.copyOf(middle);
        Objects.requireNonNull(arrival, "arrival");
    }

    /** A hop of the walk: its steps up to where a filter of the path applies there ({@code entry}), then the rest. */
    public record Leg(String node, HopKind kind, List<Step> entry, List<Step> exit) {
        public Leg {
            Objects.requireNonNull(node, "node");
            Objects.requireNonNull(kind, "kind");
            entry = List.copyOf(entry);
            exit = List.copyOf(exit);
        }

        /** A hop where no filter of the path applies: all its steps are its entry. */
        static Leg of(String node, HopKind kind, List<Step> steps) {
            return new Leg(node, kind, steps, List.of());
        }

        Hop hop() {
            List<Step> steps = new ArrayList<>(entry);
            steps.addAll(exit);
            return new Hop(node, kind, steps);
        }
    }

    /** Where the walk ends: the destination's hop, and the sentence saying how the call arrives there. */
    public record Arrival(String node, HopKind kind, String sentence) {
        public Arrival {
            Objects.requireNonNull(node, "node");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(sentence, "sentence");
        }

        Step step() {
            return new Step(StepType.DELIVER, sentence);
        }
    }

    /** The walk alone: every hop with the walker's steps (the call source's trace). */
    public List<Hop> hops() {
        List<Hop> hops = new ArrayList<>();
        hops.add(origin.hop());
        middle.forEach(l -> hops.add(l.hop()));
        arrival.ifPresent(a -> hops.add(new Hop(a.node(), a.kind(), List.of(a.step()))));
        return List.copyOf(hops);
    }

    /**
     * This walk, then {@code next} (the parts of a destination the routes split): one origin and arrival, every hop
     * between them in order.
     */
    WalkTrace then(WalkTrace next) {
        List<Leg> legs = new ArrayList<>(middle);
        arrival.ifPresent(a -> legs.add(Leg.of(a.node(), a.kind(), List.of(a.step()))));
        legs.add(next.origin);
        legs.addAll(next.middle);
        return new WalkTrace(origin, legs, next.arrival);
    }
}
