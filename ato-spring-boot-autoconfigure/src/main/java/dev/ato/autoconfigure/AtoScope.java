package dev.ato.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Sets the scope of the {@link AtoObserve} and {@link AtoManual} methods of a class that leave theirs at the default.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface AtoScope {

    /** The scope every view of an application has unless it names another. */
    String DEFAULT_SCOPE = "config";

    /** The scope name, which is also the property prefix ({@code model.lr}) and the bean name of its ADict. */
    String value();
}
