package org.ntk.bench.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ntk} command-line application. */
@Command(name = "ntk", mixinStandardHelpOptions = true, version = "ntk 0.1.0",
        description = "NTK and Fisher-information spectra of ReLU networks.")
public final class NtkCli implements Runnable {

    public static void main(String[] args) {
        System.exit(new CommandLine(new NtkCli()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
