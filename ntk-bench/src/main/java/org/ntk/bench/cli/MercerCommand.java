package org.ntk.bench.cli;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ntk.core.io.AtomicFile;
import org.ntk.core.kernel.HomogeneousKernel;
import org.ntk.core.mercer.MercerDegree;
import org.ntk.core.mercer.MercerSpectra;
import org.ntk.core.mercer.MercerSpectrum;
import org.ntk.core.mercer.SphericalHarmonics;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ntk mercer}: the exact Mercer spectrum of an analytic kernel under x ~ N(0, I_d), degrees
 * 0..K, written as JSON (DESIGN.md "The command-line contract"; MATH.md §3.3; computed by
 * {@link MercerSpectra#of}).
 *
 * <p>Format (UTF-8, keys in this order): {@code {"kernel", "d", "depth", "trace", "degrees": [{"k",
 * "eigenvalue", "multiplicity", "method", "errorBound"}...], "capturedFraction", "residualFraction"}}.
 * {@code eigenvalue} is λ_k of (T f)(x) = E_y[k(x, y) f(y)], y ~ N(0, I_d): d·μ_k for the kernels with
 * the radial factor ‖x‖‖y‖ (arccos1, ntk2, deep-ntk, deep-nngp), μ_k for arccos0, with μ_k the
 * Funk–Hecke coefficient of the profile; it is shared by N(d, k) eigenfunctions. {@code multiplicity}
 * is N(d, k) written as an exact JSON integer however large (e.g. N(10⁴, 8) ≈ 2.5·10²⁷; a reader that
 * parses numbers into doubles rounds it above 2⁵³). {@code method} says how λ_k was obtained
 * (closed-form, exact-zero, series, quadrature, below-resolution) and {@code errorBound} bounds
 * |λ_k − eigenvalue|; a below-resolution degree has eigenvalue 0 and counts as uncaptured. {@code
 * trace} is E_x[k(x, x)] = Σ_k N(d, k) λ_k over all k; capturedFraction = Σ_{k ≤ K} N(d, k) λ_k / trace
 * and residualFraction = 1 − capturedFraction. {@code depth} is the number of hidden layers (1 for the
 * kernels without a depth).
 */
@Command(name = "mercer", sortOptions = false,
        description = {"Writes the Mercer spectrum of an analytic kernel under x ~ N(0, I_d) (MATH.md §3.3) as JSON:"
                + " the eigenvalue λ_k of each degree k = 0..K, its multiplicity N(d, k) (an exact integer, however"
                + " large), how it was computed and its error bound, the trace E k(x, x) and the fractions of the"
                + " trace held by the listed degrees and by all higher ones.",
            "Kernels: arccos0, arccos1, ntk2, deep-ntk, deep-nngp (conventions: DESIGN.md, MATH.md §1, §3.2, §6.2)."})
final class MercerCommand extends CliCommand {

    /** Largest accepted --max-degree. */
    static final int MAX_DEGREE = 1000;
    @Option(names = "--kernel", required = true, paramLabel = "NAME",
            description = "arccos0, arccos1, ntk2, deep-ntk or deep-nngp")
    String kernel;

    @Option(names = "--depth", paramLabel = "H", defaultValue = "1",
            description = "number of hidden layers of deep-ntk and deep-nngp, 1 to " + MAX_DEPTH
                    + " (default: ${DEFAULT-VALUE})")
    int depth;

    @Option(names = "--d", required = true, paramLabel = "D", description = "input dimension, >= 1")
    int d;

    @Option(names = "--max-degree", paramLabel = "K", defaultValue = "8",
            description = "largest degree listed, 0 to " + MAX_DEGREE + " (default: ${DEFAULT-VALUE})")
    int maxDegree;

    @Option(names = "--out", required = true, paramLabel = "mercer.json", description = "the JSON file")
    Path out;

    MercerCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    void execute() {
        HomogeneousKernel k = kernel(kernel, depth);
        if (d < 1) {
            throw new IllegalArgumentException("--d must be >= 1, got " + d);
        }
        if (maxDegree < 0 || maxDegree > MAX_DEGREE) {
            throw new IllegalArgumentException("--max-degree must be between 0 and " + MAX_DEGREE + ", got "
                    + maxDegree);
        }
        requireWritable(out, "--out");
        MercerSpectrum spectrum;
        try (TerminalProgress progress = ctx.progress(qualifiedName())) {
            progress.phase("Mercer spectrum of " + kernel + " at d = " + d + ", degrees 0.." + maxDegree);
            spectrum = MercerSpectra.of(k, d, maxDegree);
            requireConsistent(spectrum, kernel, d, maxDegree);
            progress.phase("writing " + out);
            byte[] json = DensityCommand.json(document(spectrum));
            AtomicFile.write(out, o -> o.write(json));
        }
        ctx.out().println(String.format(Locale.ROOT, "wrote %s: %s, d = %d, degrees 0..%d hold %.6g of the trace %.6g",
                out, kernel, d, maxDegree, spectrum.capturedFraction(), spectrum.trace()));
    }

    /**
     * Refuses to write a spectrum that contradicts Σ_k N(d, k) λ_k = trace with λ_k ≥ 0: a degree holding
     * more than the whole trace (|N λ_k| &gt; trace), or a captured fraction above 1 or not finite. This
     * happens at high degrees where quadrature noise passes its own error estimate (e.g. deep-ntk depth 3,
     * d = 20, k ≈ 700; arccos0, d = 10⁵, k = 203 with a subnormal value): a library defect, reported as an
     * internal error that names the last consistent degree.
     *
     * @throws IllegalStateException if the spectrum is inconsistent
     */
    static void requireConsistent(MercerSpectrum s, String kernel, int d, int maxDegree) {
        double tol = 1e-9;
        for (MercerDegree g : s.degrees()) {
            if (!(Math.abs(g.traceShare()) <= 1 + tol)) {
                throw new IllegalStateException(String.format(Locale.ROOT, "Mercer spectrum of %s at d = %d is"
                        + " inconsistent at degree %d: N(d, k)·λ_k would be %.3g times the trace (λ_k = %.3g by %s,"
                        + " error bound %.3g); degrees up to %d pass this check, rerun with --max-degree %d", kernel, d,
                        g.degree(), g.traceShare(), g.eigenvalue(), g.method(), g.errorBound(), g.degree() - 1,
                        g.degree() - 1));
            }
        }
        double captured = s.capturedFraction();
        if (!(captured <= 1 + tol)) {
            throw new IllegalStateException(String.format(Locale.ROOT, "Mercer spectrum of %s at d = %d is"
                    + " inconsistent: degrees 0..%d would hold %.6g of the trace; rerun with a lower --max-degree",
                    kernel, d, maxDegree, captured));
        }
    }

    private Map<String, Object> document(MercerSpectrum s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kernel", kernel);
        m.put("d", d);
        m.put("depth", depth);
        m.put("trace", s.trace());
        List<Map<String, Object>> degrees = new ArrayList<>();
        for (MercerDegree g : s.degrees()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("k", g.degree());
            e.put("eigenvalue", g.eigenvalue());
            e.put("multiplicity", multiplicity(d, g.degree()));
            e.put("method", g.method().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            e.put("errorBound", g.errorBound());
            degrees.add(e);
        }
        m.put("degrees", degrees);
        m.put("capturedFraction", s.capturedFraction());
        m.put("residualFraction", s.residualFraction());
        return m;
    }

    /** N(d, k) as a long where it fits, else as the exact BigInteger (both written as JSON integers). */
    private static Object multiplicity(int d, int k) {
        BigInteger n = SphericalHarmonics.multiplicityExact(d, k);
        return n.bitLength() < 64 ? (Object) n.longValueExact() : n;
    }
}
