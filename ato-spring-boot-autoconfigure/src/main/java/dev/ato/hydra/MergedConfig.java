package dev.ato.hydra;

/**
 * One config file in the order Hydra merges them: the file ({@code configPath}, relative to the config dir, without
 * {@code .yaml}), the package it is merged at ({@code ""} is the root), whether this entry is the {@code _self_}
 * position of a config that has its own defaults list, and whether it is the primary config.
 */
public record MergedConfig(String configPath, String packagePath, boolean self, boolean primary) {
}
