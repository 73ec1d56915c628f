/**
 * HyperBand in a Spring application: the {@link dev.ato.autoconfigure.hyperopt.HyperBandService} bean that runs
 * tracked and distributed searches, with each trial's config resolved through the scopes.
 */
package dev.ato.autoconfigure.hyperopt;
