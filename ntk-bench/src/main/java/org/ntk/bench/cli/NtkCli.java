package org.ntk.bench.cli;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExecutionException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code ntk} command-line application (DESIGN.md "The command-line contract").
 *
 * <p>Exit codes: {@value #OK} on success (and for {@code --help}); {@value #USAGE_ERROR} for anything
 * the user can fix (a bad or missing option, a missing, unreadable or malformed file, input the
 * library rejects with an {@link IllegalArgumentException}, an {@link UncheckedIOException}), with
 * exactly one line on stderr, {@code ntk <command>: <message>}, and never a stack trace;
 * {@value #INTERNAL_ERROR} for anything else (a bug, out of memory), with one line and, only when the
 * environment variable {@code NTK_DEBUG} is set, the stack trace after it. Outputs are written
 * atomically, so a failed run leaves no partial file and an existing file untouched. Progress appears
 * on stderr only when stderr is a terminal ({@link CliEnvironment#detectTerminal()}).
 */
@Command(name = "ntk", mixinStandardHelpOptions = true, version = "ntk 0.1.0",
        description = "NTK and Fisher-information spectra of ReLU networks.",
        footer = {"", "Exit codes: 0 success, 2 bad input (one line on stderr), 1 internal error"
                + " (set NTK_DEBUG=1 for the stack trace)."})
public final class NtkCli implements Callable<Integer> {

    /** Exit code of a successful run. */
    public static final int OK = 0;
    /** Exit code of an unexpected failure (a bug or exhausted resources). */
    public static final int INTERNAL_ERROR = 1;
    /** Exit code of a user's mistake: bad options, bad files, input the library rejects. */
    public static final int USAGE_ERROR = 2;

    @Spec
    CommandSpec spec;

    /** Runs {@code ntk} with the process's streams and exits with its exit code. */
    public static void main(String[] args) {
        preloadNativeBackends(args);
        System.exit(run(args, System.out, System.err));
    }

    /** The commands whose work may go through the OpenBLAS inner-product backend. */
    private static final List<String> NATIVE_COMMANDS = List.of("gram", "fim", "spectrum", "report", "density");

    /**
     * Starts loading the native inner-product backend (OpenBLAS, about 0.2 s of shared objects) on a
     * daemon thread, so that it overlaps picocli's start-up and the reading of the input instead of
     * following them. Only for commands that may use it; a failure is left to the command itself,
     * which reports it (or falls back to pure Java) when it first asks for the backend.
     */
    private static void preloadNativeBackends(String[] args) {
        if (args.length == 0 || !NATIVE_COMMANDS.contains(args[0])) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                for (org.ntk.core.kernel.InnerProductBackend b : org.ntk.core.kernel.InnerProductBackends.discovered()) {
                    b.prefers(1 << 12, 1 << 12, 64); // loads the backend's native library, if it has one
                }
            } catch (RuntimeException | LinkageError ignored) {
                // the command meets the same failure when it asks for the backend, and reports it there
            }
        }, "ntk-preload");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Runs {@code ntk} in-process.
     *
     * @param args the command line, e.g. {@code {"gram", "--kernel", "arccos1", ...}}
     * @param out receives results and help (UTF-8). Not closed.
     * @param err receives error messages and progress (UTF-8). Not closed.
     * @return the exit code: {@link #OK}, {@link #USAGE_ERROR} or {@link #INTERNAL_ERROR}
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, CliEnvironment.fromSystem());
    }

    static int run(String[] args, PrintStream out, PrintStream err, CliEnvironment env) {
        PrintWriter o = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter e = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        try {
            return execute(commandLine(o, e, env), args, e, env);
        } finally {
            o.flush();
            e.flush();
        }
    }

    /** Runs a prepared command line, catching what picocli lets through (errors such as StackOverflowError). */
    static int execute(CommandLine cl, String[] args, PrintWriter err, CliEnvironment env) {
        try {
            return cl.execute(args);
        } catch (Throwable t) {
            return internalError("ntk", t, err, env);
        }
    }

    /**
     * The subcommands, one class each. Add new commands here.
     *
     * @param ctx the run's context, handed to every command
     */
    static List<Object> commands(CliContext ctx) {
        return List.of(
                new ReportCommand(ctx),
                new GramCommand(ctx),
                new FimCommand(ctx),
                new SpectrumCommand(ctx),
                new MercerCommand(ctx),
                new DensityCommand(ctx),
                new BenchCommand(ctx));
    }

    /** The configured picocli command line: subcommands, writers and the exit-code policy. */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, CliEnvironment env) {
        return commandLine(out, err, env, NtkCli::commands);
    }

    /**
     * The configured command line with the given subcommands (tests add their own).
     *
     * @param commands makes the subcommands from the run's context
     */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, CliEnvironment env,
            Function<CliContext, List<Object>> commands) {
        CliContext ctx = new CliContext(out, err, env);
        CommandLine cl = new CommandLine(new NtkCli());
        for (Object command : commands.apply(ctx)) {
            cl.addSubcommand(command);
        }
        configure(cl, out, err, env);
        return cl;
    }

    /** Sets writers and exception handlers on {@code cl} and every subcommand it has now. */
    private static void configure(CommandLine cl, PrintWriter out, PrintWriter err, CliEnvironment env) {
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, args) -> usageError(ex, err));
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            Throwable t = ex instanceof ExecutionException && ex.getCause() != null ? ex.getCause() : ex;
            String name = cmd.getCommandSpec().qualifiedName();
            if (t instanceof ParameterException) {
                return usageError((ParameterException) t, err);
            }
            if (isUserError(t)) {
                err.println(name + ": " + message(t));
                err.flush();
                return USAGE_ERROR;
            }
            return internalError(name, t, err, env);
        });
    }

    /** No subcommand given: one line naming the commands. */
    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        err.println("ntk: a command is required, one of " + String.join(", ", spec.subcommands().keySet())
                + " (see 'ntk --help')");
        err.flush();
        return USAGE_ERROR;
    }

    private static int usageError(ParameterException ex, PrintWriter err) {
        String name = ex.getCommandLine().getCommandSpec().qualifiedName();
        err.println(name + ": " + message(ex) + " (see '" + name + " --help')");
        err.flush();
        return USAGE_ERROR;
    }

    private static boolean isUserError(Throwable t) {
        return t instanceof IllegalArgumentException
                || t instanceof UncheckedIOException
                || t instanceof java.io.IOException;
    }

    private static int internalError(String name, Throwable t, PrintWriter err, CliEnvironment env) {
        String hint = env.debug() ? "" : " (set NTK_DEBUG=1 for the stack trace)";
        String what = t instanceof IllegalStateException && t.getCause() instanceof OutOfMemoryError
                ? message(t) : "internal error: " + t.getClass().getName() + ": " + message(t);
        err.println(name + ": " + what + hint);
        if (env.debug()) {
            t.printStackTrace(err);
        }
        err.flush();
        return INTERNAL_ERROR;
    }

    /** The exception's message on one line (line breaks become spaces); its class name if it has none. */
    static String message(Throwable t) {
        String m = t.getMessage();
        if ((m == null || m.isBlank()) && t.getCause() != null) {
            m = t.getCause().getMessage();
        }
        if (m == null || m.isBlank()) {
            return t.getClass().getSimpleName();
        }
        return m.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
