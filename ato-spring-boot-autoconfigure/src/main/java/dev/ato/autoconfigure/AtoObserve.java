package dev.ato.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Registers a method as a view of a scope: the method takes one {@code ADict} and edits it.
 *
 * <p>Ato finds these methods in the application's own packages when the context starts, before any ordinary bean
 * exists, and calls them on an instance it creates with the class's no-argument constructor. The class therefore
 * must not depend on injected collaborators (see {@code docs/spring.md}, "Writing @AtoObserve components").
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface AtoObserve {

    /** The scope the view belongs to; left at {@code "config"}, the class's {@link AtoScope} decides. */
    String scope() default AtoScope.DEFAULT_SCOPE;

    /** The view's name on the command line; empty means the method name. */
    String name() default "";

    /** Whether the view applies without being named on the command line. */
    boolean defaultView() default false;

    /** Views apply by ascending priority; ties keep the order in which they were requested. */
    int priority() default 0;

    /** Whether the view applies after the command-line input (it sees, and may override, every other value). */
    boolean lazy() default false;

    /** Views applied together with this one whenever it is requested. */
    String[] chainWith() default {};
}
