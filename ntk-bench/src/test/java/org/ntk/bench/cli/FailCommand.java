package org.ntk.bench.cli;

import java.io.IOException;
import java.io.UncheckedIOException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** A test-only subcommand that fails in the way its --mode names, to exercise the exit-code policy. */
@Command(name = "fail", description = "Fails on purpose (tests only).")
final class FailCommand extends CliCommand {

    @Option(names = "--mode", required = true)
    String mode;

    @Option(names = "--count")
    int count;

    FailCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    void execute() throws Exception {
        switch (mode) {
            case "ok":
                ctx.out().println("fine " + count);
                return;
            case "iae":
                throw new IllegalArgumentException("depth must be >= 1, got 0");
            case "multiline":
                throw new IllegalArgumentException("first line\nsecond line\r\n  third");
            case "uioe":
                throw new UncheckedIOException("X.npy: cannot read, no such file", new IOException("x"));
            case "npe":
                throw new NullPointerException("bug");
            case "ise":
                throw new IllegalStateException("broken invariant");
            case "oom":
                throw new OutOfMemoryError("Java heap space");
            case "soe":
                throw new StackOverflowError();
            default:
                throw new IllegalArgumentException("--mode must be a known mode, got " + mode);
        }
    }
}
