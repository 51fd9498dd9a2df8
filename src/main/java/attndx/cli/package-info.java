/** picocli commands only: each parses its options, calls one service and prints the result. */
package attndx.cli;
