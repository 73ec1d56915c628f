/**
 * {@link dev.ato.adict.ADict}: nested configs with dotted paths, structural hashing and freezing. JDK only.
 */
package dev.ato.adict;
