package dev.ato.tracker;

import org.jspecify.annotations.Nullable;

/**
 * A project as the run lists show it.
 *
 * @param description Python ato's optional description, or null
 * @param runs        how many runs the project holds
 */
public record ProjectSummary(String name, @Nullable String description, long runs) {
}
