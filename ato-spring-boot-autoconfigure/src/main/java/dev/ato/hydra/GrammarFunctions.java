package dev.ato.hydra;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The functions of Hydra 1.3's override grammar. Casts ({@code int}, {@code float}, {@code str}, {@code bool}) and
 * {@code sort} give values; {@code choice}, {@code range}, {@code interval}, {@code glob} and {@code tag} give
 * sweeps; {@code shuffle} is refused (its order is random, so a composition or a grid would not be reproducible).
 * Errors are IllegalArgumentExceptions, which the parser reports with the override and position.
 */
final class GrammarFunctions {

    private GrammarFunctions() {
    }

    static Object apply(String name, List<Object> args, Map<String, Object> named) {
        return switch (name) {
            case "int", "float", "str", "bool" -> cast(name, castInput(args, named));
            case "sort" -> sort(args, named);
            case "choice" -> {
                noNamed(name, named);
                if (args.isEmpty()) {
                    throw new IllegalArgumentException("empty choice is not legal");
                }
                yield new Sweep.Choice(args.size() == 1 && args.get(0) instanceof List<?> l
                        ? new ArrayList<>(l) : args);
            }
            case "range" -> range(args, named);
            case "interval" -> {
                noNamed(name, named);
                if (args.size() != 2) {
                    throw new IllegalArgumentException("interval(start, end) takes two numbers");
                }
                yield new Sweep.Interval(number(args.get(0)).doubleValue(), number(args.get(1)).doubleValue());
            }
            case "glob" -> glob(args, named);
            case "tag" -> {
                // tags label a sweep for sweepers that read them; the basic sweeper and a grid ignore them
                Object last = named.containsKey("sweep") ? named.get("sweep")
                        : args.isEmpty() ? null : args.get(args.size() - 1);
                if (!(last instanceof Sweep)) {
                    throw new IllegalArgumentException("tag(...) needs a sweep as its last argument");
                }
                yield last;
            }
            case "shuffle" -> throw new IllegalArgumentException("shuffle() orders values at random, so the result"
                    + " would change from run to run; list the values in the order you want (or use sort())");
            default -> throw new IllegalArgumentException("unknown function '" + name + "'; Hydra's override"
                    + " grammar has int, float, str, bool, sort, choice, range, interval, glob, tag and shuffle");
        };
    }

    private static Object castInput(List<Object> args, Map<String, Object> named) {
        if (named.containsKey("value")) {
            if (!args.isEmpty() || named.size() > 1) {
                throw new IllegalArgumentException("cannot use both position and named arguments");
            }
            return named.get("value");
        }
        noNamed("cast", named);
        if (args.isEmpty()) {
            throw new IllegalArgumentException("No positional args or value specified");
        }
        return args.size() == 1 ? args.get(0) : new Sweep.Choice(args);
    }

    private static Object cast(String to, @Nullable Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), cast(to, v)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(cast(to, v)));
            return out;
        }
        if (value instanceof Sweep.Choice c) {
            return new Sweep.Choice(new ArrayList<>((List<?>) cast(to, c.values())));
        }
        if (value instanceof Sweep.Range r) {
            return switch (to) {
                case "int" -> new Sweep.Range(r.start().intValue(), r.stop().intValue(), r.step().intValue());
                case "float" -> new Sweep.Range(r.start().doubleValue(), r.stop().doubleValue(),
                        r.step().doubleValue());
                default -> new Sweep.Choice(new ArrayList<>((List<?>) cast(to, r.values())));
            };
        }
        if (value instanceof Sweep) {
            throw new IllegalArgumentException("Intervals cannot be cast to " + to);
        }
        if (value == null) {
            throw new IllegalArgumentException("cannot cast null to " + to);
        }
        return switch (to) {
            case "int" -> toInt(value);
            case "float" -> value instanceof String s ? Double.parseDouble(s.strip())
                    : value instanceof Boolean b ? (b ? 1.0 : 0.0) : number(value).doubleValue();
            case "str" -> value instanceof Boolean b ? b.toString() : PythonStr.str(value);
            default -> toBool(value);
        };
    }

    private static Object toInt(Object value) {
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (value instanceof String s) {
            try {
                return OverrideParser.parseValue(s.strip(), "int('" + s + "')") instanceof Integer i ? i
                        : Integer.parseInt(s.strip());
            } catch (HydraException | NumberFormatException e) {
                throw new IllegalArgumentException("invalid literal for int() with base 10: '" + s + "'");
            }
        }
        if (value instanceof Double d) {
            long l = (long) d.doubleValue(); // Python truncates toward zero
            return l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE ? (Object) (int) l : (Object) l;
        }
        return value;
    }

    private static Object toBool(Object value) {
        if (value instanceof String s) {
            if (s.toLowerCase(Locale.ROOT).equals("true")) {
                return true;
            }
            if (s.toLowerCase(Locale.ROOT).equals("false")) {
                return false;
            }
            throw new IllegalArgumentException("Cannot cast '" + s + "' to bool");
        }
        if (value instanceof Boolean) {
            return value;
        }
        return number(value).doubleValue() != 0;
    }

    private static Object sort(List<Object> args, Map<String, Object> named) {
        boolean reverse = Boolean.TRUE.equals(named.get("reverse"));
        Object input = named.containsKey("list") ? named.get("list") : named.containsKey("sweep")
                ? named.get("sweep") : args.size() == 1 ? args.get(0) : new Sweep.Choice(args);
        if (args.isEmpty() && !named.containsKey("list") && !named.containsKey("sweep")) {
            throw new IllegalArgumentException("empty sort input");
        }
        if (input instanceof List<?> list) {
            return sorted(list, reverse);
        }
        if (input instanceof Sweep.Choice c) {
            return new Sweep.Choice(sorted(c.values(), reverse));
        }
        if (input instanceof Sweep.Range r) {
            return new Sweep.Choice(sorted(r.values(), reverse));
        }
        if (input instanceof Sweep) {
            throw new IllegalArgumentException("only lists, choices and ranges can be sorted");
        }
        return input;
    }

    private static List<Object> sorted(List<?> values, boolean reverse) {
        List<Object> out = new ArrayList<>(values);
        Comparator<Object> order = (a, b) -> {
            if (a instanceof Number x && b instanceof Number y && !(a instanceof Boolean) && !(b instanceof Boolean)) {
                return Double.compare(x.doubleValue(), y.doubleValue());
            }
            if (a instanceof String x && b instanceof String y) {
                return x.compareTo(y);
            }
            throw new IllegalArgumentException("'<' not supported between " + dev.ato.adict.ADict.pythonTypeName(a) + " and "
                    + dev.ato.adict.ADict.pythonTypeName(b));
        };
        out.sort(reverse ? order.reversed() : order);
        return out;
    }

    private static Object range(List<Object> args, Map<String, Object> named) {
        List<Object> all = new ArrayList<>(args);
        for (String key : List.of("start", "stop", "step")) {
            if (named.containsKey(key)) {
                all.add(named.get(key));
            }
        }
        if (all.isEmpty() || all.size() > 3) {
            throw new IllegalArgumentException("range(start, stop[, step]) takes one to three numbers");
        }
        if (all.size() == 1) {
            return new Sweep.Range(0, number(all.get(0)), 1);
        }
        return new Sweep.Range(number(all.get(0)), number(all.get(1)), all.size() == 3 ? number(all.get(2)) : 1);
    }

    private static Object glob(List<Object> args, Map<String, Object> named) {
        Object include = named.containsKey("include") ? named.get("include") : args.isEmpty() ? null : args.get(0);
        Object exclude = named.containsKey("exclude") ? named.get("exclude") : args.size() > 1 ? args.get(1) : null;
        if (include == null) {
            throw new IllegalArgumentException("glob(include[, exclude]) needs an include pattern");
        }
        return new Sweep.Glob(patterns(include), exclude == null ? List.of() : patterns(exclude));
    }

    private static List<String> patterns(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(value));
    }

    private static Number number(Object value) {
        if (value instanceof Number n && !(value instanceof Boolean)) {
            return n;
        }
        throw new IllegalArgumentException("expected a number, got " + PythonStr.str(value));
    }

    private static void noNamed(String name, Map<String, Object> named) {
        if (!named.isEmpty()) {
            throw new IllegalArgumentException(name + "() takes no named arguments " + named.keySet());
        }
    }
}
