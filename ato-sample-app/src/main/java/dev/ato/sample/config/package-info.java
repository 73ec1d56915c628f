/**
 * The sample's configuration: {@code @ConfigurationProperties} records bound from the Ato scopes, and the view
 * classes ({@code @AtoObserve}) that set their defaults and named presets.
 */
package dev.ato.sample.config;
