package org.ntk.core.validation;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.ntk.core.basis.EigenfunctionBasis;
import org.ntk.core.kernel.DenseKernelMatrix;
import org.ntk.core.kernel.ImplicitKernelMatrix;
import org.ntk.core.kernel.KernelMatrix;
import org.ntk.core.kernel.Kernels;
import org.ntk.core.network.DeepReluNetwork;
import org.ntk.core.network.ReluNetwork;
import org.ntk.core.network.TwoLayerEmpiricalNtk;
import org.ntk.core.network.WeightScale;
import org.ntk.core.fisher.FisherInformation;
import org.ntk.core.sampling.Gaussians;

/**
 * The memory guard: a dense n×n request that cannot fit fails fast, before anything large is
 * allocated, with a message that says how many MiB are needed and available and suggests the
 * matrix-free path. The surefire heap is 4 GiB (root pom), so a 40 000 × 40 000 matrix (12.8 GB) can
 * never fit; the amount the calling thread allocates is measured with the JVM's per-thread allocation
 * counter (com.sun.management.ThreadMXBean) and must stay far below the matrix.
 */
class MemoryGuardTest {

    private static final Pattern NEEDS = Pattern.compile("needs (\\d+) MiB but only (\\d+) MiB of heap is available");

    /** Bytes allocated so far by this thread (HotSpot). */
    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    /** Runs call, expects the guard's message, and returns it; the call may allocate at most 64 MiB. */
    private static String assertGuarded(Executable call, String what, long neededMiB) {
        long before = allocated();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        long used = allocated() - before;
        String m = e.getMessage();
        assertTrue(m.startsWith(what), "message should start with " + what + ": " + m);
        assertTrue(m.contains("Spectra.top") || m.contains("fewer") || m.contains("smaller"),
                "message should suggest a remedy: " + m);
        Matcher matcher = NEEDS.matcher(m);
        if (neededMiB > 0) {
            assertTrue(matcher.find(), m);
            assertTrue(Long.parseLong(matcher.group(1)) == neededMiB, "needed MiB: " + m);
            assertTrue(Long.parseLong(matcher.group(2)) <= Runtime.getRuntime().maxMemory() >> 20, m);
        }
        assertTrue(used < 64L << 20, "the refused call allocated " + (used >> 20) + " MiB");
        return m;
    }

    @Test
    void gramMatrixOfFortyThousandPointsIsRefusedBeforeAllocating() {
        double[][] x = Gaussians.standardNormal(40_000, 3, 5);
        // 40000² · 8 bytes = 12 800 000 000 bytes = 12207.03 MiB, rounded up
        String m = assertGuarded(() -> Kernels.arcCosine(1).gram(x), "gram matrix of size 40000×40000", 12208);
        assertTrue(m.contains("--top"), m);
        KernelMatrix implicit = ImplicitKernelMatrix.of(Kernels.twoLayerNtk(), x, 1);
        assertGuarded(implicit::toArray, "kernel matrix of size 40000×40000", 12208);
        ReluNetwork net = ReluNetwork.random(3, 40_000, WeightScale.FAN_IN, 1);
        assertGuarded(() -> FisherInformation.analytic(net), "gram matrix of size 40000×40000", 12208);
        assertGuarded(() -> TwoLayerEmpiricalNtk.outputLayer(ReluNetwork.random(3, 2, WeightScale.STANDARD, 1), x),
                "empirical NTK of size 40000×40000", 12208);
        assertGuarded(() -> DeepReluNetwork.random(3, new int[] {2, 2}, 1).empiricalNtk(x),
                "empirical NTK of size 40000×40000 (3 copies)", 36622);
    }

    @Test
    void sizesBeyondAJavaArrayAreRefusedWithTheMatrixFreeSuggestion() {
        String m = assertGuarded(() -> Validate.denseFits(46_341, 1, "K"), "K of size 46341×46341", 0);
        assertTrue(m.contains("more than a Java array holds (46340² max)"), m);
        assertTrue(m.contains("Spectra.top / --top K"), m);
        assertDoesNotThrow(() -> Validate.denseFits(1000, 1, "K"));
        // a default toArray of a matrix-free operator of size 100 000
        KernelMatrix big = ImplicitKernelMatrix.of(Kernels.arcCosine(0), Gaussians.standardNormal(100_000, 2, 3), 1);
        assertGuarded(big::toArray, "kernel matrix of size 100000×100000", 0);
        // copies that overflow a long are saturated, not wrapped to a small (negative) need
        assertGuarded(() -> Validate.denseFits(46_340, Long.MAX_VALUE / 4, "K"), "K of size 46340×46340", 0);
        assertGuarded(() -> Validate.heapFits(Long.MAX_VALUE, "everything", "use fewer"), "everything", 0);
    }

    @Test
    void otherLargeAllocationsAreGuardedToo() {
        // allocations whose size comes from int arguments: 1e9 doubles = 7629.4 MiB, 6e8 + 3e4 = 4577.9 MiB;
        // the basis of d = 30000 has (d+1)(d+2)/2 − 1 = 450 045 000 functions
        assertGuarded(() -> Gaussians.standardNormal(1_000_000, 1000, 1), "Gaussian matrix of size 1000000×1000", 7630);
        assertGuarded(() -> ReluNetwork.random(20_000, 30_000, WeightScale.FAN_IN, 1),
                "network of width 30000 and input dimension 20000", 4578);
        assertGuarded(() -> EigenfunctionBasis.of(30_000, 1), "eigenfunction basis of 450045000 functions", 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EigenfunctionBasis.of(70_000, 1));
        assertTrue(e.getMessage().startsWith("d must be at most 65533"), e.getMessage());
        DenseKernelMatrix small = DenseKernelMatrix.of(new double[][] {{2, 1}, {1, 2}});
        assertDoesNotThrow(small::toArray);
    }
}
