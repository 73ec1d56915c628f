/**
 * The web dashboard: a small server (or the app's own) serving one shell page and a JSON API over the tracker's
 * runs, metrics, searches and the configs' merge order; read-only.
 */
package dev.ato.autoconfigure.dashboard;
