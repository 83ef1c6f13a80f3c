package org.ntk.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The exit-code and message policy of the application, exercised through a test-only command. */
class NtkCliTest {

    private static final CliEnvironment QUIET = new CliEnvironment(false, false);
    private static final CliEnvironment DEBUG = new CliEnvironment(true, false);

    private static CliRun fail(CliEnvironment env, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "fail";
        System.arraycopy(args, 0, all, 1, args.length);
        return CliRun.withCommands(env, ctx -> List.of(new FailCommand(ctx)), all);
    }

    private static void assertOneLine(CliRun r, String expected) {
        assertEquals(List.of(expected), r.errLines(), r.err());
    }

    @Test
    void successExitsZeroWithNothingOnStderr() {
        CliRun r = fail(QUIET, "--mode", "ok", "--count", "3");
        assertEquals(0, r.exit());
        assertEquals("fine 3", r.out().strip());
        assertEquals("", r.err());
    }

    @Test
    void illegalArgumentIsOneLineAndExitTwo() {
        CliRun r = fail(QUIET, "--mode", "iae");
        assertEquals(2, r.exit());
        assertOneLine(r, "ntk fail: depth must be >= 1, got 0");
        assertEquals("", r.out());
    }

    @Test
    void userErrorsNeverPrintStackTracesEvenWithDebug() {
        CliRun r = fail(DEBUG, "--mode", "iae");
        assertEquals(2, r.exit());
        assertOneLine(r, "ntk fail: depth must be >= 1, got 0");
    }

    @Test
    void multiLineMessagesAreJoinedOnOneLine() {
        CliRun r = fail(QUIET, "--mode", "multiline");
        assertEquals(2, r.exit());
        assertOneLine(r, "ntk fail: first line second line third");
    }

    @Test
    void uncheckedIoIsAUserError() {
        CliRun r = fail(QUIET, "--mode", "uioe");
        assertEquals(2, r.exit());
        assertOneLine(r, "ntk fail: X.npy: cannot read, no such file");
    }

    @ParameterizedTest
    @ValueSource(strings = {"npe", "ise", "soe"})
    void unexpectedFailuresExitOneWithOneLineAndAHint(String mode) {
        CliRun r = fail(QUIET, "--mode", mode);
        assertEquals(1, r.exit());
        assertEquals(1, r.errLines().size(), r.err());
        String line = r.errLines().get(0);
        assertTrue(line.startsWith("ntk") && line.contains("internal error"), line);
        assertTrue(line.endsWith("(set NTK_DEBUG=1 for the stack trace)"), line);
    }

    @Test
    void debugAddsTheStackTraceToInternalErrors() {
        CliRun r = fail(DEBUG, "--mode", "npe");
        assertEquals(1, r.exit());
        List<String> lines = r.errLines();
        assertEquals("ntk fail: internal error: java.lang.NullPointerException: bug", lines.get(0));
        assertTrue(lines.size() > 2, r.err());
        assertTrue(lines.stream().anyMatch(l -> l.contains("at org.ntk.bench.cli.FailCommand.execute")), r.err());
    }

    @Test
    void outOfMemoryIsReportedWithTheFix() {
        CliRun r = fail(QUIET, "--mode", "oom");
        assertEquals(1, r.exit());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.errLines().get(0).startsWith("ntk fail: out of memory"), r.err());
        assertTrue(r.errLines().get(0).contains("-Xmx"), r.err());
    }

    @Test
    void missingRequiredOptionIsAUsageError() {
        CliRun r = fail(QUIET);
        assertEquals(2, r.exit());
        assertEquals(1, r.errLines().size(), r.err());
        String line = r.errLines().get(0);
        assertTrue(line.startsWith("ntk fail: Missing required option: '--mode"), line);
        assertTrue(line.endsWith("(see 'ntk fail --help')"), line);
    }

    @Test
    void badOptionValueAndUnknownOptionAreUsageErrors() {
        CliRun r = fail(QUIET, "--mode", "ok", "--count", "three");
        assertEquals(2, r.exit());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.errLines().get(0).contains("--count"), r.err());
        r = fail(QUIET, "--mode", "ok", "--bogus");
        assertEquals(2, r.exit());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.errLines().get(0).contains("--bogus"), r.err());
    }

    @Test
    void noCommandAndUnknownCommandAreUsageErrors() {
        CliRun r = CliRun.of();
        assertEquals(2, r.exit());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.errLines().get(0).startsWith("ntk: a command is required"), r.err());
        r = CliRun.of("frobnicate");
        assertEquals(2, r.exit());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.errLines().get(0).contains("frobnicate"), r.err());
    }

    @Test
    void helpAndVersionExitZeroOnStdout() {
        CliRun r = CliRun.of("--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().startsWith("Usage: ntk"), r.out());
        assertTrue(r.out().contains("Exit codes"), r.out());
        assertEquals("", r.err());
        r = CliRun.of("--version");
        assertEquals(0, r.exit());
        assertEquals("ntk 0.1.0", r.out().strip());
        r = fail(QUIET, "--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().startsWith("Usage: ntk fail"), r.out());
    }

    @Test
    void publicRunUsesTheGivenStreams() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = NtkCli.run(new String[] {"--help"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, exit);
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("Usage: ntk"));
        assertEquals(0, err.size());
    }

    @Test
    void debugFlagReadsNtkDebug() {
        assertFalse(CliEnvironment.debugFlag(Map.of()));
        assertFalse(CliEnvironment.debugFlag(Map.of("NTK_DEBUG", "")));
        assertFalse(CliEnvironment.debugFlag(Map.of("NTK_DEBUG", "0")));
        assertTrue(CliEnvironment.debugFlag(Map.of("NTK_DEBUG", "1")));
        assertTrue(CliEnvironment.debugFlag(Map.of("NTK_DEBUG", "yes")));
    }

    @Test
    void stderrOfTheTestJvmIsNotATerminal() {
        // surefire's forked JVM writes stderr to a pipe: a detector that said "terminal" here would draw
        // progress lines into logs
        assertFalse(CliEnvironment.detectTerminal());
    }
}
