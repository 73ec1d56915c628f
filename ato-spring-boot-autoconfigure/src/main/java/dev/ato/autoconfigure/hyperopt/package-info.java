/**
 * HyperBand in a Spring application: the {@link dev.ato.autoconfigure.hyperopt.HyperBandService} bean that runs
 * tracked and distributed searches, with each trial's config resolved through the scopes.
 *
 * <p>Null-marked (JSpecify): a type is non-null unless it says {@code @Nullable}.
 */
@NullMarked
package dev.ato.autoconfigure.hyperopt;

import org.jspecify.annotations.NullMarked;
