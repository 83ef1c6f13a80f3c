package org.ntk.bench.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.openjdk.jmh.runner.NoBenchmarksException;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.VerboseMode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code ntk bench [JMH options]}: runs the JMH benchmarks of {@code org.ntk.bench.jmh} with JMH's own
 * command line, as {@code java -cp ntk.jar org.openjdk.jmh.Main [JMH options]} would (e.g.
 * {@code ntk bench -l}, {@code ntk bench GramBenchmark -p n=4096 -p d=64}, {@code ntk bench -h} for
 * JMH's help). Every argument is passed through in order; {@code -foe true} is added unless given,
 * so that a failing benchmark fails the run. Forks, iterations and JVM flags are pinned in each
 * benchmark's annotations (see {@code docs/performance.md} for the grid's running time).
 *
 * <p>Exit codes as every command: 0 on success; 2 with one stderr line for bad JMH options or a
 * pattern that matches no benchmark; 1 if a benchmark fails.
 */
@Command(name = "bench",
        description = {"Runs the JMH benchmarks; all arguments go to JMH (ntk bench -h: JMH's options).",
            "Examples: ntk bench -l;  ntk bench GramBenchmark -p kernel=arccos1 -p n=4096 -p d=64"})
final class BenchCommand implements Callable<Integer> {

    @Unmatched
    List<String> jmhArguments = new ArrayList<>();

    private final CliContext ctx;

    BenchCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        List<String> args = new ArrayList<>(jmhArguments);
        if (!args.contains("-foe")) {
            args.add(0, "-foe");
            args.add(1, "true");
        }
        CommandLineOptions options;
        try {
            options = new CommandLineOptions(args.toArray(new String[0]));
        } catch (CommandLineOptionException e) {
            throw new IllegalArgumentException("JMH options: " + e.getMessage(), e);
        }
        PrintStream out = new PrintStream(new WriterStream(), true, StandardCharsets.UTF_8);
        OutputFormat format = OutputFormatFactory.createFormatInstance(out,
                options.verbosity().orElse(VerboseMode.NORMAL));
        Runner runner = new Runner(options, format);
        if (options.shouldHelp()) {
            options.showHelp();
        } else if (options.shouldList()) {
            runner.list();
        } else if (options.shouldListWithParams()) {
            runner.listWithParams(options);
        } else if (options.shouldListProfilers()) {
            options.listProfilers();
        } else if (options.shouldListResultFormats()) {
            options.listResultFormats();
        } else {
            try {
                runner.run();
            } catch (NoBenchmarksException e) {
                throw new IllegalArgumentException("no benchmark matches " + options.getIncludes()
                        + " (list them with 'ntk bench -l')", e);
            } catch (RunnerException e) {
                throw new IllegalStateException("benchmark run failed: " + e.getMessage(), e);
            }
        }
        out.flush();
        ctx.out().flush();
        return NtkCli.OK;
    }

    /** Forwards JMH's output, line by line, to the command's stdout writer. */
    private final class WriterStream extends OutputStream {
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        @Override
        public void write(int b) {
            line.write(b);
            if (b == '\n') {
                flush();
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            for (int i = off; i < off + len; i++) {
                write(b[i]);
            }
        }

        @Override
        public void flush() {
            if (line.size() > 0) {
                ctx.out().print(line.toString(StandardCharsets.UTF_8));
                ctx.out().flush();
                line.reset();
            }
        }
    }
}
