package org.ntk.bench.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/**
 * Runs the {@code ntk} application in-process and captures its exit code, stdout and stderr.
 *
 * @param exit the exit code
 * @param out everything written to stdout
 * @param err everything written to stderr
 */
record CliRun(int exit, String out, String err) {

    /** Runs the real application, as {@code java -jar ntk.jar args...} would, stderr not a terminal. */
    static CliRun of(String... args) {
        return of(new CliEnvironment(false, false), args);
    }

    static CliRun of(CliEnvironment env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = NtkCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env);
        return new CliRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs with extra (test-only) subcommands besides the real ones. */
    static CliRun withCommands(CliEnvironment env, Function<CliContext, List<Object>> extra, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintWriter o = new PrintWriter(out, true);
        PrintWriter e = new PrintWriter(err, true);
        int exit = NtkCli.execute(NtkCli.commandLine(o, e, env, ctx -> {
            List<Object> all = new java.util.ArrayList<>(NtkCli.commands(ctx));
            all.addAll(extra.apply(ctx));
            return all;
        }), args, e, env);
        o.flush();
        e.flush();
        return new CliRun(exit, out.toString(), err.toString());
    }

    /** The stderr lines. */
    List<String> errLines() {
        return err.isEmpty() ? List.of() : List.of(err.split("\\R"));
    }
}
