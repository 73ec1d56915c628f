/**
 * Scope: configs built from views applied in a visible order, with per-key provenance.
 *
 * <p>A {@link dev.ato.scope.Scope} holds named views; {@link dev.ato.scope.Scope#resolve(java.util.List)} applies,
 * in order, the base config, the default and requested views (by priority), external properties, command-line
 * literals, deferred blocks and lazy views, and returns a {@link dev.ato.scope.Resolution} that says which layer
 * wrote every key. {@link dev.ato.scope.MultiScope} keeps several scopes apart, {@link dev.ato.scope.Manual}
 * prints the applying order, and {@link dev.ato.scope.Fingerprints} hashes code and results for the tracker.
 * Nothing here depends on Spring.
 *
 * <p>Null-marked (JSpecify): a type is non-null unless it says {@code @Nullable}.
 */
@NullMarked
package dev.ato.scope;

import org.jspecify.annotations.NullMarked;
