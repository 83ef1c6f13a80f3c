package org.ntk.bench.cli;

import java.io.PrintWriter;
import java.util.Objects;

/**
 * What every command needs besides its options: the output and error writers and the environment.
 * One instance per run of {@link NtkCli}; not shared between threads except through
 * {@link TerminalProgress}, which synchronises itself.
 */
final class CliContext {

    private final PrintWriter out;
    private final PrintWriter err;
    private final CliEnvironment env;

    CliContext(PrintWriter out, PrintWriter err, CliEnvironment env) {
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
        this.env = Objects.requireNonNull(env, "env");
    }

    /** Results and summaries. */
    PrintWriter out() {
        return out;
    }

    /** Error messages and progress. */
    PrintWriter err() {
        return err;
    }

    CliEnvironment env() {
        return env;
    }

    /**
     * A progress display for one command: a single updating line on stderr when stderr is a
     * terminal, and silent otherwise. Close it before printing anything else.
     *
     * @param command the qualified command name shown at the start of the line, e.g. "ntk gram"
     */
    TerminalProgress progress(String command) {
        return new TerminalProgress(err, command, env.stderrIsTerminal());
    }
}
