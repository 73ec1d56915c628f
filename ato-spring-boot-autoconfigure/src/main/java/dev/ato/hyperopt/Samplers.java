package dev.ato.hyperopt;

import dev.ato.AtoConfigException;
import dev.ato.adict.ADict;

import java.util.List;

/** The built-in {@link Sampler}s, and the way a tracked search rebuilds any sampler from its stored description. */
public final class Samplers {

    private Samplers() {
    }

    /** Independent uniform draws (log-uniform for log ranges). */
    public static Sampler random() {
        return new RandomSampler();
    }

    /**
     * The grid of {@code space} in Python ato's order: trial {@code n} gets grid point {@code n} (modulo the grid's
     * size). Use it with a {@link Domain#of(SearchSpace) domain of the same grid}.
     */
    public static Sampler grid(SearchSpace space) {
        return new GridSampler(space);
    }

    /** TPE with Optuna 3.1's defaults: independent per parameter, 10 random start-up trials, 24 candidates. */
    public static Sampler tpe() {
        return tpe(false, 10, 24);
    }

    /**
     * TPE with settings: {@code multivariate} models all parameters jointly (Optuna's {@code multivariate=True});
     * {@code startup} trials are drawn at random first; {@code candidates} draws from {@code l(x)} are scored.
     */
    public static Sampler tpe(boolean multivariate, int startup, int candidates) {
        if (startup < 1 || candidates < 1) {
            throw new AtoConfigException("TPE needs startup >= 1 and candidates >= 1, got " + startup + " and "
                    + candidates);
        }
        return new TpeSampler(multivariate, startup, candidates, false, 0, 0.1, 1.0);
    }

    /**
     * BOHB's sampler (Falkner et al. 2018): a joint Parzen model fitted on the largest budget holding at least
     * {@code d + 3} observations ({@code d} parameters), the best 15 % against the rest, draws from kernels three
     * times wider, and a third of proposals random. Use it with a {@link Plan#hyperband Hyperband plan}.
     */
    public static Sampler bohb() {
        return new TpeSampler(true, 1, 64, true, 1.0 / 3, 0.15, 3.0);
    }

    /**
     * The sampler a stored description names ({@link Sampler#spec()}).
     *
     * @throws AtoConfigException for an unknown type or a custom class that cannot be built
     */
    public static Sampler from(ADict spec) {
        String type = String.valueOf(spec.getOrDefault("type", null));
        return switch (type) {
            case "random" -> random();
            case "grid" -> grid(SearchSpace.from(spec.child("space")));
            case "tpe", "bohb" -> new TpeSampler(spec.getBoolean("multivariate"), spec.getInt("startup"),
                    spec.getInt("candidates"), type.equals("bohb"), spec.getDouble("random_fraction"),
                    spec.getDouble("gamma"), spec.getDouble("bandwidth"));
            case "class" -> custom(spec.getString("class"));
            default -> throw new AtoConfigException("unknown sampler type '" + type + "'; expected one of "
                    + List.of("random", "grid", "tpe", "bohb", "class"));
        };
    }

    private static Sampler custom(String className) {
        try {
            Class<?> type = Class.forName(className, true, Thread.currentThread().getContextClassLoader());
            return (Sampler) type.getConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
            throw new AtoConfigException("cannot rebuild sampler class '" + className + "' (a custom sampler needs a"
                    + " public no-argument constructor and must be on every worker's class path): " + e, e);
        }
    }

    /** Independent uniform draws. */
    static final class RandomSampler implements Sampler {

        @Override
        public ADict sample(SamplingContext context) {
            return context.domain().sample(context.random());
        }

        @Override
        public ADict spec() {
            return new ADict().put("type", "random");
        }
    }

    /** Walks a grid in Python ato's order. */
    static final class GridSampler implements Sampler {

        private final SearchSpace space;
        private final List<ADict> points;

        GridSampler(SearchSpace space) {
            this.space = space;
            this.points = space.points();
            if (points.isEmpty()) {
                throw new AtoConfigException("the grid sampler's space " + space.names() + " has an empty grid");
            }
        }

        @Override
        public ADict sample(SamplingContext context) {
            return points.get(context.number() % points.size()).copy();
        }

        @Override
        public ADict spec() {
            return new ADict().put("type", "grid").put("space", space.spec());
        }
    }
}
