package org.ntk.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code ntk bench}: JMH's command line behind the application's exit-code policy (no benchmark is run). */
class BenchCommandTest {

    @Test
    void listsTheBenchmarksOfEverySubject() {
        CliRun r = CliRun.of("bench", "-l");
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err());
        for (String b : new String[] {"GramBenchmark.gram", "FisherBenchmark.analytic", "DeepNtkBenchmark.empiricalNtk"}) {
            assertTrue(r.out().contains("org.ntk.bench.jmh." + b), r.out());
        }
    }

    @Test
    void listsParametersOfASelectedBenchmarkInOrder() {
        // Arguments reach JMH in order: the pattern and -lp.
        CliRun r = CliRun.of("bench", "FisherBenchmark", "-lp");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("param \"m\" = {1024, 4096}"), r.out());
        assertTrue(!r.out().contains("GramBenchmark"), r.out());
    }

    @Test
    void badJmhOptionsAreOneLineAndExitTwo() {
        CliRun r = CliRun.of("bench", "-wi", "many");
        assertEquals(2, r.exit(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.errLines().get(0).startsWith("ntk bench: JMH options"), r.err());
    }

    @Test
    void aPatternMatchingNothingIsAUserError() {
        CliRun r = CliRun.of("bench", "NoSuchBenchmarkAnywhere");
        assertEquals(2, r.exit(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.errLines().get(0).contains("no benchmark matches"), r.err());
    }
}
