/**
 * Ato's root package: the unchecked exceptions every part of the library throws, and {@link dev.ato.Mode}.
 */
package dev.ato;
