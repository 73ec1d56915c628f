package dev.ato.tracker;

import org.jspecify.annotations.Nullable;

/**
 * One artifact row of a run as stored: its path, data type and metadata JSON (Python ato's columns), and the size
 * and SHA-256 Ato adds when the path was a readable file ({@code null} otherwise, and for rows Python ato wrote).
 */
public record StoredArtifact(String path, String dataType, @Nullable String metadataJson, @Nullable Long sizeBytes, @Nullable String sha256) {
}
