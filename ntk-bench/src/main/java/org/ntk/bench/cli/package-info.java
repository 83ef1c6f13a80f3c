/**
 * The {@code ntk} command-line application: one class per subcommand ({@code report}, {@code gram},
 * {@code fim}, {@code spectrum}, {@code mercer}, {@code density}, {@code bench}), all
 * extending {@link org.ntk.bench.cli.CliCommand} and registered in
 * {@link org.ntk.bench.cli.NtkCli#commands}.
 *
 * <p>Guarantees (DESIGN.md "The command-line contract"): exit code 0 on success; exit code 2 and
 * exactly one stderr line {@code ntk <command>: <message>} for a user's mistake, never a stack trace;
 * exit code 1 for internal errors, with the stack trace only when {@code NTK_DEBUG} is set; no partial
 * output files (every output goes through {@link org.ntk.core.io.AtomicFile}, or
 * {@link org.ntk.bench.cli.StagedOutputs} when one run writes several); progress on stderr
 * only when stderr is a terminal. {@link org.ntk.bench.cli.NtkCli#run} runs the application
 * in-process with given streams, for tests and embedding.
 */
package org.ntk.bench.cli;
