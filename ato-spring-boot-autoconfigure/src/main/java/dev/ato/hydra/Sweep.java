package dev.ato.hydra;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A sweep in Hydra's override grammar: {@code a,b} and {@code choice(a,b)}, {@code range(start, stop, step)},
 * {@code interval(a, b)} and {@code glob(include, exclude)}. A composition takes one value per key, so only
 * {@link HydraSweep} expands them (as Hydra's basic sweeper does).
 */
sealed interface Sweep {

    /**
     * {@code a,b} or {@code choice(a,b)}: these values in this order. A value may be {@code null} ({@code x=1,null}
     * sweeps over None too, as in Hydra), so the copy is not {@code List.copyOf}, which rejects null.
     */
    record Choice(List<@Nullable Object> values) implements Sweep {
        public Choice {
            values = java.util.Collections.unmodifiableList(new ArrayList<>(values));
        }
    }

    /** {@code range(start, stop[, step])}: Python's range, or Hydra's exact decimal range for floats. */
    record Range(Number start, Number stop, Number step) implements Sweep {

        List<Object> values() {
            List<Object> out = new ArrayList<>();
            boolean ints = isInt(start) && isInt(stop) && isInt(step);
            if (ints) {
                long a = start.longValue();
                long b = stop.longValue();
                long s = step.longValue();
                if (s == 0) {
                    throw new IllegalArgumentException("range() step must not be zero");
                }
                for (long v = a; s > 0 ? v < b : v > b; v += s) {
                    out.add(v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE ? (Object) (int) v : (Object) v);
                    guard(out);
                }
                return out;
            }
            BigDecimal a = new BigDecimal(start.doubleValue());
            BigDecimal b = new BigDecimal(stop.doubleValue());
            BigDecimal s = new BigDecimal(step.doubleValue());
            if (s.signum() == 0) {
                throw new IllegalArgumentException("range() step must not be zero");
            }
            for (BigDecimal v = a; s.signum() > 0 ? v.compareTo(b) < 0 : v.compareTo(b) > 0; v = v.add(s)) {
                out.add(v.doubleValue());
                guard(out);
            }
            return out;
        }

        private static void guard(List<Object> out) {
            if (out.size() > dev.ato.adict.Limits.current().maxExpansion()) {
                throw new IllegalArgumentException("range() gives more than "
                        + dev.ato.adict.Limits.current().maxExpansion() + " values (limit "
                        + dev.ato.adict.Limits.MAX_EXPANSION + ")");
            }
        }

        private static boolean isInt(Number n) {
            return n instanceof Integer || n instanceof Long;
        }
    }

    /** {@code interval(a, b)}: a continuous range, which only samplers (not a grid) can use. */
    record Interval(double start, double end) implements Sweep {
    }

    /** {@code glob(include[, exclude])}: the options of a config group whose names match. */
    record Glob(List<String> include, List<String> exclude) implements Sweep {

        List<String> filter(List<String> names) {
            List<String> out = new ArrayList<>();
            for (String name : names) {
                if (matches(name, include) && !matches(name, exclude)) {
                    out.add(name);
                }
            }
            return out;
        }

        private static boolean matches(String name, List<String> globs) {
            for (String g : globs) {
                if (toRegex(g).matcher(name).matches()) {
                    return true;
                }
            }
            return false;
        }

        /** Python's fnmatch: {@code *}, {@code ?} and {@code [seq]}. */
        private static Pattern toRegex(String glob) {
            StringBuilder re = new StringBuilder();
            for (int i = 0; i < glob.length(); i++) {
                char c = glob.charAt(i);
                switch (c) {
                    case '*' -> re.append(".*");
                    case '?' -> re.append('.');
                    case '[' -> {
                        int end = glob.indexOf(']', i + 1);
                        if (end < 0) {
                            re.append("\\[");
                        } else {
                            String set = glob.substring(i + 1, end);
                            String body = (set.startsWith("!") ? set.substring(1) : set).replace("\\", "\\\\");
                            re.append('[').append(set.startsWith("!") ? "^" : "").append(body).append(']');
                            i = end;
                        }
                    }
                    default -> re.append(Pattern.quote(String.valueOf(c)));
                }
            }
            return Pattern.compile(re.toString(), Pattern.DOTALL);
        }
    }
}
