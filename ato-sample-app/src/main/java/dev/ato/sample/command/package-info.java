/**
 * The sample's Spring Shell commands ({@code train}, {@code search}, {@code sample}): thin entry points that read
 * the resolved scopes and start a job.
 */
package dev.ato.sample.command;
