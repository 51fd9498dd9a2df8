/**
 * Cross-cutting basics every other package may use: the user-error type, provenance records,
 * the shared JSON/YAML mapper and engine set-up. It imports nothing from the rest of AttnDx.
 */
package attndx.core;
