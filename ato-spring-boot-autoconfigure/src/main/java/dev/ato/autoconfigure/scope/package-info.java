/**
 * Scopes in Spring: finds {@code @AtoObserve}/{@code @AtoScope} components, builds the scopes, feeds them the
 * command line and Spring's environment, exposes each resolved config as an {@code ADict} bean and a
 * {@code PropertySource}, and reports bad input at start-up.
 *
 * <p>Null-marked (JSpecify): a type is non-null unless it says {@code @Nullable}.
 */
@NullMarked
package dev.ato.autoconfigure.scope;

import org.jspecify.annotations.NullMarked;
