package dev.ato.fuzz;

import dev.ato.AtoConfigException;
import dev.ato.AtoLimitException;
import dev.ato.adict.ADict;
import dev.ato.adict.Limits;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The property every loader's fuzz test checks: for any input, the loader returns a value of the ADict value model
 * or throws {@link AtoConfigException} with a message, within {@link #TIME_LIMIT_MS} (Jazzer's own RSS limit bounds
 * memory). Anything else (a {@link StackOverflowError}, an {@link IllegalStateException}, a slow input) is a finding.
 * Plain checks, no assertion library: the fuzzer calls this millions of times.
 */
public final class LoaderProperty {

    /**
     * Far above what any input of Jazzer's default length needs, even on a loaded machine under Jazzer's
     * instrumentation (a seed of 1,200 brackets took 7.6 s there while 2 cores were shared); slower is a finding.
     */
    public static final long TIME_LIMIT_MS = 20_000;

    private LoaderProperty() {
    }

    /**
     * The limits during a fuzz run: the defaults with a smaller expansion limit, so that an input that legitimately
     * expands to the default million values (slow under Jazzer's instrumentation) is not reported as a timeout.
     */
    public static final Limits FUZZ_LIMITS = Limits.defaults().withMaxExpansion(50_000);

    /** Runs {@code load} under {@link #FUZZ_LIMITS} and checks the property; {@code what} names the loader. */
    public static void holds(String what, Callable<?> load) {
        long start = System.nanoTime();
        Limits.install(FUZZ_LIMITS);
        try {
            checkValueModel(load.call());
        } catch (AtoLimitException e) {
            check(e.getMessage().contains(e.property()), what + ": a limit error names its property");
        } catch (AtoConfigException e) {
            check(e.getMessage() != null && !e.getMessage().isBlank(), what + ": an error has a message");
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError(what + ": a checked exception escaped", e);
        } finally {
            Limits.install(Limits.defaults());
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        check(millis <= TIME_LIMIT_MS, what + " took " + millis + " ms (limit " + TIME_LIMIT_MS + " ms)");
    }

    /** Values stay inside the model: ADict, List, String, Boolean, Integer, Long, BigInteger, Double, null. */
    private static void checkValueModel(Object root) {
        Deque<Object> todo = new ArrayDeque<>();
        todo.push(root == null ? "" : root);
        while (!todo.isEmpty()) {
            Object value = todo.pop();
            if (value instanceof ADict dict) {
                dict.forEach((k, v) -> todo.push(v == null ? "" : v));
            } else if (value instanceof List<?> list) {
                list.forEach(v -> todo.push(v == null ? "" : v));
            } else if (value instanceof java.util.Map<?, ?> map) {
                map.values().forEach(v -> todo.push(v == null ? "" : v));
            } else {
                check(value instanceof String || value instanceof Boolean || value instanceof Integer
                        || value instanceof Long || value instanceof java.math.BigInteger || value instanceof Double,
                        "a value of the ADict value model, not " + value.getClass().getName());
            }
        }
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError(what);
        }
    }
}
