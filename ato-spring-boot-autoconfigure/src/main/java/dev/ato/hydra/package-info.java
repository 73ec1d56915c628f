/**
 * Hydra-compatible composition: defaults lists, config groups and packages, the override grammar, OmegaConf merge
 * rules and interpolation. The entry point is {@link dev.ato.hydra.Hydra}.
 */
package dev.ato.hydra;
