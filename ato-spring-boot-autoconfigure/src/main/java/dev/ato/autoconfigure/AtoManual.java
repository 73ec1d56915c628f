package dev.ato.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Registers a method that documents a scope's keys: it takes one {@code ADict} and maps dotted keys to their
 * descriptions, which {@code manual}, {@code /actuator/ato} and the IDE-facing docs show.
 *
 * <p>The same rules as for {@link AtoObserve} apply: a no-argument constructor and no injected collaborators.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface AtoManual {

    /** The scope documented; left at {@code "config"}, the class's {@link AtoScope} decides. */
    String scope() default AtoScope.DEFAULT_SCOPE;
}
