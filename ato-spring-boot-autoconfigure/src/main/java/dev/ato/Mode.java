package dev.ato;

/** Whether a larger ({@link #MAX}) or a smaller ({@link #MIN}) metric is better. */
public enum Mode {
    MAX,
    MIN;

    /** True when {@code candidate} is strictly better than {@code incumbent} in this mode. */
    public boolean isBetter(double candidate, double incumbent) {
        return this == MAX ? candidate > incumbent : candidate < incumbent;
    }
}
