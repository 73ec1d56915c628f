/**
 * The training job itself, in plain Java: loading the digits data, a stratified split, and a Tribuo linear
 * classifier trained with per-epoch metrics. Nothing here knows about Ato; the app's commands configure it.
 */
package dev.ato.sample.training;
