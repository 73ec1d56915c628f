package dev.ato.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean method whose code fingerprint is recorded: at start-up Ato hashes the method's bytecode, and the
 * next {@code Tracker.start} stores the hash with the run, so {@code runs similar <id> --trace} finds runs that
 * executed the same code.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface AtoTrace {

    /** The trace id; empty means {@code SimpleClassName.methodName}. */
    String value() default "";
}
