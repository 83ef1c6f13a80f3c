package org.ntk.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.ntk.core.mercer.EigenvalueMethod;
import org.ntk.core.mercer.MercerDegree;
import org.ntk.core.mercer.MercerSpectrum;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class MercerCommandTest {

    private static final List<String> KEYS = List.of("kernel", "d", "depth", "trace", "degrees", "capturedFraction",
            "residualFraction");
    private static final List<String> DEGREE_KEYS = List.of("k", "eigenvalue", "multiplicity", "method", "errorBound");

    @TempDir
    Path dir;

    private static List<String> keys(JsonNode node) {
        List<String> k = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            k.add(it.next());
        }
        return k;
    }

    private JsonNode run(String... args) throws IOException {
        CliRun r = CliRun.of(args);
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err());
        Path out = dir.resolve("m.json");
        assertTrue(r.out().contains("wrote " + out), r.out());
        return new ObjectMapper().readTree(Files.readString(out, StandardCharsets.UTF_8));
    }

    /** N(d, k) of MATH.md §3.3, exactly: 1, d, and (2k+d−2)/k · C(k+d−3, k−1). */
    private static BigInteger multiplicity(int d, int k) {
        if (k == 0) {
            return BigInteger.ONE;
        }
        if (k == 1) {
            return BigInteger.valueOf(d);
        }
        BigInteger c = BigInteger.ONE; // C(k+d−3, k−1) = Π_{i=1}^{k−1} (d−2+i)/i
        for (int i = 1; i <= k - 1; i++) {
            c = c.multiply(BigInteger.valueOf(d - 2 + i)).divide(BigInteger.valueOf(i));
        }
        BigInteger[] qr = c.multiply(BigInteger.valueOf(2L * k + d - 2)).divideAndRemainder(BigInteger.valueOf(k));
        assertEquals(BigInteger.ZERO, qr[1]);
        return qr[0];
    }

    static Stream<Arguments> kernelsAndDimensions() {
        List<Arguments> a = new ArrayList<>();
        String[][] kernels = {{"arccos0", "1"}, {"arccos1", "1"}, {"ntk2", "1"}, {"deep-ntk", "2"}, {"deep-ntk", "3"},
            {"deep-nngp", "2"}};
        for (String[] k : kernels) {
            for (int d : new int[] {3, 10, 100, 1000}) {
                a.add(Arguments.of(k[0], Integer.parseInt(k[1]), d));
            }
        }
        return a.stream();
    }

    /**
     * The done-when: every eigenvalue of degrees 0..8 agrees with an independent quadrature to
     * 1e−8 relative, for every kernel, deep ones included, at d = 3, 10, 100, 1000.
     *
     * <p>Reference: {@link RodriguesQuadrature} (Funk–Hecke after k integrations by parts, so the
     * integrand does not cancel and tiny eigenvalues keep their relative accuracy; composite
     * Gauss–Legendre in θ, 24 nodes on 160 panels, checked against 80 panels to 1e−11 of its own
     * cancellation scale). Every non-zero eigenvalue is compared relatively, however small (down to
     * ≈ 1e−25 at d = 1000, k = 8). Parity zeros (odd k ≥ 3 of arccos1 and ntk2, even k ≥ 2 of arccos0:
     * the k-th derivative of the profile is odd) are recognised by the reference cancelling to
     * ≤ 1e−12 of its scale, and there the JSON must hold exactly 0 and the comparison is absolute.
     */
    @ParameterizedTest
    @MethodSource("kernelsAndDimensions")
    void eigenvaluesAgreeWithAnIndependentQuadrature(String kernel, int depth, int d) throws IOException {
        JsonNode j = run("mercer", "--kernel", kernel, "--depth", Integer.toString(depth), "--d", Integer.toString(d),
                "--max-degree", "8", "--out", dir.resolve("m.json").toString());
        assertEquals(KEYS, keys(j));
        assertEquals(kernel, j.get("kernel").asText());
        assertEquals(d, j.get("d").asInt());
        assertEquals(depth, j.get("depth").asInt());

        RodriguesQuadrature ref = new RodriguesQuadrature(kernel, depth, d, 8, 160, 24);
        RodriguesQuadrature coarse = new RodriguesQuadrature(kernel, depth, d, 8, 80, 24);
        double trace = ref.trace();
        assertEquals(trace, j.get("trace").asDouble(), 1e-15 * trace);

        JsonNode degrees = j.get("degrees");
        assertEquals(9, degrees.size());
        double captured = 0;
        double capturedJson = 0;
        for (int k = 0; k <= 8; k++) {
            JsonNode g = degrees.get(k);
            assertEquals(DEGREE_KEYS, keys(g));
            assertEquals(k, g.get("k").asInt());
            assertTrue(g.get("multiplicity").isIntegralNumber());
            BigInteger n = multiplicity(d, k);
            assertEquals(n, g.get("multiplicity").bigIntegerValue());
            double lambda = g.get("eigenvalue").asDouble();
            double expected = ref.eigenvalue(k);
            double scale = ref.absolute(k);
            String where = kernel + "(" + depth + ") d = " + d + " k = " + k;
            // the reference is converged: halving the panel width changes it by < 1e-11 of its scale
            assertEquals(expected, coarse.eigenvalue(k), 1e-11 * scale, where + " reference not converged");
            if (Math.abs(expected) <= 1e-12 * scale) {
                assertEquals(0.0, lambda, 0.0, where + ": parity zero");
                assertEquals("exact-zero", g.get("method").asText(), where);
            } else {
                assertEquals(expected, lambda, 1e-8 * Math.abs(expected), where);
                assertTrue(g.get("errorBound").asDouble() <= 1e-8 * Math.abs(lambda), where);
            }
            captured += n.doubleValue() * expected / trace;
            capturedJson += n.doubleValue() * lambda / j.get("trace").asDouble();
        }
        double fraction = j.get("capturedFraction").asDouble();
        assertEquals(capturedJson, fraction, 1e-12);
        assertEquals(captured, fraction, 1e-8);
        assertTrue(fraction > 0 && fraction <= 1 + 1e-12, "captured " + fraction);
        assertEquals(1 - fraction, j.get("residualFraction").asDouble(), 1e-15);
    }

    @Test
    void closedFormsOfMathTables() throws IOException {
        // MATH.md §9.1 (arccos1 = random-feature kernel, VAR-1): d = 10, λ0 = 1.6730121167, λ1 = 1/4,
        // λ2 = 1.3826546419e-2 (mult 54), λ4 = 8.1814e-5 (mult 660); default --max-degree 8 and --depth 1
        JsonNode j = run("mercer", "--kernel", "arccos1", "--d", "10", "--out", dir.resolve("m.json").toString());
        assertEquals(1, j.get("depth").asInt());
        JsonNode g = j.get("degrees");
        assertEquals(9, g.size());
        assertEquals(1.6730121167, g.get(0).get("eigenvalue").asDouble(), 1e-10 * 1.673);
        assertEquals(0.25, g.get(1).get("eigenvalue").asDouble(), 1e-15);
        assertEquals(1.3826546419e-2, g.get(2).get("eigenvalue").asDouble(), 1e-10 * 1.38e-2);
        assertEquals(54, g.get(2).get("multiplicity").asLong());
        // printed with 5 digits: within half a unit of the last one
        assertEquals(8.1814e-5, g.get(4).get("eigenvalue").asDouble(), 0.5e-9);
        assertEquals(660, g.get(4).get("multiplicity").asLong());
        assertEquals(5.0, j.get("trace").asDouble(), 0.0);
        // §9.3, ntk2 (both layers) at d = 5: λ0 = 1.0546875, λ1 = 0.5, λ2 = 0.078125, trace d = 5
        j = run("mercer", "--kernel", "ntk2", "--d", "5", "--max-degree", "2", "--out", dir.resolve("m.json").toString());
        g = j.get("degrees");
        assertEquals(3, g.size());
        assertEquals(1.0546875, g.get(0).get("eigenvalue").asDouble(), 1e-14);
        assertEquals(0.5, g.get(1).get("eigenvalue").asDouble(), 1e-15);
        assertEquals(0.078125, g.get(2).get("eigenvalue").asDouble(), 1e-15);
        // fraction of the trace held by degrees 0..2: (1.0546875 + 5·0.5 + 14·0.078125)/5 = 0.9296875 (§9.3: 0.92969)
        assertEquals(0.9296875, j.get("capturedFraction").asDouble(), 1e-14);
    }

    @Test
    void astronomicalMultiplicitiesAreExactJsonIntegers() throws IOException {
        JsonNode j = run("mercer", "--kernel", "arccos1", "--d", "10000", "--max-degree", "8",
                "--out", dir.resolve("m.json").toString());
        JsonNode m = j.get("degrees").get(8).get("multiplicity");
        assertTrue(m.isIntegralNumber() && m.isBigInteger(), m.toString());
        BigInteger n = multiplicity(10000, 8);
        assertTrue(n.compareTo(BigInteger.valueOf(Long.MAX_VALUE)) > 0);
        assertEquals(n, m.bigIntegerValue());
        String text = Files.readString(dir.resolve("m.json"));
        assertTrue(text.contains("\"multiplicity\" : " + n + ","), "not written as an exact integer");
        assertTrue(j.get("degrees").get(2).get("multiplicity").isLong() || j.get("degrees").get(2).get("multiplicity").isInt());
    }

    @Test
    void inconsistentSpectraAreRefused() {
        // a degree that would hold more than the whole trace (what quadrature noise above its error estimate
        // does at high degrees) is an internal error, not a file
        List<MercerDegree> bad = List.of(
                new MercerDegree(0, 1.0, 1, 0, 0.5, 1e-16, EigenvalueMethod.CLOSED_FORM),
                new MercerDegree(1, 1e-300, Double.POSITIVE_INFINITY, 713.8, 5e9, 1e-301, EigenvalueMethod.QUADRATURE));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> MercerCommand.requireConsistent(
                new MercerSpectrum("arccos1", 3, 1, 2.0, bad), "arccos1", 3, 1));
        assertTrue(e.getMessage().contains("degree 1") && e.getMessage().contains("--max-degree 0"), e.getMessage());
        List<MercerDegree> over = List.of(
                new MercerDegree(0, 1.0, 1, 0, 0.7, 1e-16, EigenvalueMethod.CLOSED_FORM),
                new MercerDegree(1, 1.0, 1, 0, 0.7, 1e-16, EigenvalueMethod.CLOSED_FORM));
        e = assertThrows(IllegalStateException.class, () -> MercerCommand.requireConsistent(
                new MercerSpectrum("arccos1", 3, 1, 2.0, over), "arccos1", 3, 1));
        assertTrue(e.getMessage().contains("1.4"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--kernel relu --d 3                  | --kernel must be one of arccos0, arccos1, ntk2, deep-ntk, deep-nngp",
        "--kernel deep-ntk --depth 0 --d 3    | depth",
        "--kernel deep-ntk --depth 1001 --d 3 | --depth",
        "--kernel arccos1 --depth 2 --d 3     | depth",
        "--kernel arccos1 --d 0               | --d",
        "--kernel arccos1 --d x               | --d",
        "--kernel arccos1                     | --d",
        "--kernel arccos1 --d 3 --max-degree -1   | --max-degree",
        "--kernel arccos1 --d 3 --max-degree 1001 | --max-degree"})
    void rejectionsAreOneLineExitTwoAndWriteNothing(String args, String named) throws IOException {
        List<String> all = new ArrayList<>(List.of("mercer"));
        all.addAll(List.of(args.trim().split("\\s+")));
        all.addAll(List.of("--out", dir.resolve("m.json").toString()));
        CliRun r = CliRun.of(all.toArray(new String[0]));
        assertEquals(2, r.exit(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.errLines().get(0).startsWith("ntk mercer: ") && r.err().contains(named.trim()), r.err());
        try (var s = Files.list(dir)) {
            assertEquals(0, s.count());
        }
    }

    @Test
    void badOutputPaths() throws IOException {
        CliRun r = CliRun.of("mercer", "--kernel", "arccos1", "--d", "3");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--out"), r.err());
        r = CliRun.of("mercer", "--kernel", "arccos1", "--d", "3", "--out", dir.resolve("no").resolve("m.json").toString());
        assertEquals(2, r.exit());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("--out") && r.err().contains("must exist"), r.err());
        Path old = Files.writeString(dir.resolve("m.json"), "old");
        r = CliRun.of("mercer", "--kernel", "arccos1", "--d", "-3", "--out", old.toString());
        assertEquals(2, r.exit());
        assertEquals("old", Files.readString(old));
    }

    @Test
    void helpExitsZero() {
        CliRun r = CliRun.of("mercer", "--help");
        assertEquals(0, r.exit());
        assertEquals("", r.err());
        String help = r.out().replaceAll("\\s+", " ");
        assertTrue(help.startsWith("Usage: ntk mercer"), help);
        for (String s : List.of("--kernel", "--depth", "--d", "--max-degree", "--out", "(default: 8)", "(default: 1)",
                "exact integer")) {
            assertTrue(help.contains(s), () -> s + " not in " + help);
        }
        assertFalse(Files.exists(dir.resolve("m.json")));
    }
}
