/**
 * The web dashboard: a small server (or the app's own) serving one shell page and a JSON API over the tracker's
 * runs, metrics, searches and the configs' merge order; read-only.
 *
 * <p>Null-marked (JSpecify): a type is non-null unless it says {@code @Nullable}.
 */
@NullMarked
package dev.ato.autoconfigure.dashboard;

import org.jspecify.annotations.NullMarked;
