package org.ntk.bench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the command line reads from its surroundings rather than from its arguments: whether to print
 * stack traces for internal errors, and whether stderr is a terminal (so that progress may be shown).
 *
 * @param debug true when the environment variable {@code NTK_DEBUG} is set to anything but "" or "0":
 *     internal errors then print their stack trace after the one-line message
 * @param stderrIsTerminal true when stderr is an interactive terminal; progress lines are drawn only then
 */
record CliEnvironment(boolean debug, boolean stderrIsTerminal) {

    /** Reads {@code NTK_DEBUG} and inspects stderr. */
    static CliEnvironment fromSystem() {
        return new CliEnvironment(debugFlag(System.getenv()), detectTerminal());
    }

    static boolean debugFlag(Map<String, String> env) {
        String v = env.get("NTK_DEBUG");
        return v != null && !v.isEmpty() && !v.equals("0");
    }

    /**
     * Whether file descriptor 2 is a terminal. On Linux this is exact: {@code /proc/self/fd/2} links
     * to a {@code /dev/pts/N} or {@code /dev/ttyN} device when stderr is a terminal and to a file or
     * pipe otherwise. Elsewhere it falls back to {@code System.console() != null}, JDK 17's proxy, which
     * tests stdin and stdout rather than stderr: with stderr redirected from an interactive shell it can
     * say yes, and progress lines then reach the redirect.
     */
    static boolean detectTerminal() {
        Path fd2 = Path.of("/proc/self/fd/2");
        try {
            if (Files.isSymbolicLink(fd2)) {
                String target = Files.readSymbolicLink(fd2).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty")
                        || target.equals("/dev/console");
            }
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            // fall through to the portable proxy
        }
        if (Files.exists(fd2, LinkOption.NOFOLLOW_LINKS)) {
            return false; // a /proc that does not describe fd 2 as a link: be quiet
        }
        return System.console() != null;
    }
}
