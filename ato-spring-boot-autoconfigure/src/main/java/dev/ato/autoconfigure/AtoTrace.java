package dev.ato.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean method whose code fingerprint is recorded: at start-up Ato hashes the method's bytecode into every
 * scope's resolution, and {@code TrackedRuns.start} stores it with the run, so {@code runs similar <id> --trace}
 * finds runs that executed the same code. With {@link #runtime()}, each call's result is fingerprinted too (through
 * Spring AOP, so only calls from other beans count).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface AtoTrace {

    /** The trace id; empty means {@code SimpleClassName.methodName}. */
    String value() default "";

    /** Whether to fingerprint the result of every call as well (trace type {@code runtime}). */
    boolean runtime() default false;
}
