/**
 * The sample application: a Spring Boot app that trains a small digits classifier with Ato's scopes, tracker and
 * HyperBand search, to show the starter end to end. {@link dev.ato.sample.SampleApplication} is its entry point; the
 * sub-packages hold its commands, its config views and its jobs.
 */
package dev.ato.sample;
