/**
 * The sample's jobs: a tracked training run and a HyperBand search over it, logging metrics through the
 * tracker.
 */
package dev.ato.sample.job;
