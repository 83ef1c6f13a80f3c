package org.ntk.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.ntk.core.fisher.FisherInformation;
import org.ntk.core.kernel.GramOptions;
import org.ntk.core.kernel.HomogeneousKernel;
import org.ntk.core.kernel.ImplicitKernelMatrix;
import org.ntk.core.kernel.InnerProductBackends;
import org.ntk.core.kernel.KernelMatrix;
import org.ntk.core.kernel.Kernels;
import org.ntk.core.network.DeepReluNetwork;
import org.ntk.core.network.ReluNetwork;
import org.ntk.core.network.TwoLayerEmpiricalNtk;
import org.ntk.core.network.WeightScale;
import org.ntk.core.sampling.Gaussians;

/**
 * The same seed gives bitwise-identical networks, and every parallel assembly gives bitwise-identical
 * matrices for 1, 2 and 3 threads and on repeated runs. Sizes are chosen to cross the tile
 * boundaries (64 rows for the Gram tiles, 48 for the network products) so that the partition into
 * tasks actually differs between thread counts.
 */
class ReproducibilityTest {

    private static final int[] THREADS = {1, 2, 3};

    /** The documented stream: SplittableRandom(seed), Marsaglia polar pairs, consumed in row-major order. */
    @Test
    void networksFollowTheDocumentedSeededStream() {
        long seed = 77;
        ReluNetwork a = ReluNetwork.random(6, 40, WeightScale.FAN_IN, seed);
        ReluNetwork b = ReluNetwork.random(6, 40, WeightScale.FAN_IN, seed);
        assertArrayEquals(a.outputWeights(), b.outputWeights());
        for (int j = 0; j < 40; j++) {
            assertArrayEquals(a.hiddenWeights()[j], b.hiddenWeights()[j]);
        }
        assertFalse(Arrays.equals(a.outputWeights(), ReluNetwork.random(6, 40, WeightScale.FAN_IN, seed + 1)
                .outputWeights()));
        // independent re-implementation of the first draw of the stream (Gaussians' class comment)
        SplittableRandom r = new SplittableRandom(seed);
        double u;
        double v;
        double s;
        do {
            u = 2 * r.nextDouble() - 1;
            v = 2 * r.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double f = Math.sqrt(-2 * Math.log(s) / s);
        assertEquals(Math.sqrt(1.0 / 6) * (u * f), a.hiddenWeights()[0][0]);
        assertEquals(Math.sqrt(1.0 / 6) * (v * f), a.hiddenWeights()[0][1]);

        DeepReluNetwork d1 = DeepReluNetwork.random(5, new int[] {30, 20, 10}, seed);
        DeepReluNetwork d2 = DeepReluNetwork.random(5, new int[] {30, 20, 10}, seed);
        for (int l = 0; l < 3; l++) {
            double[][] x = d1.layer(l);
            double[][] y = d2.layer(l);
            for (int j = 0; j < x.length; j++) {
                assertArrayEquals(x[j], y[j]);
            }
        }
        assertArrayEquals(d1.outputWeights(), d2.outputWeights());
        // one hidden layer: the same weights as the two-layer network of the same seed (documented)
        DeepReluNetwork one = DeepReluNetwork.random(6, new int[] {40}, seed);
        ReluNetwork std = ReluNetwork.random(6, 40, WeightScale.STANDARD, seed);
        for (int j = 0; j < 40; j++) {
            assertArrayEquals(std.hiddenWeights()[j], one.layer(0)[j]);
        }
    }

    @Test
    void gramMatricesAreBitwiseIdenticalForEveryThreadCountAndRun() {
        double[][] x = Gaussians.standardNormal(150, 7, 3);
        x[17] = new double[7];
        List<HomogeneousKernel> kernels = List.of(Kernels.arcCosine(0), Kernels.arcCosine(1), Kernels.twoLayerNtk(),
                Kernels.deepNtk(4), Kernels.deepNngp(3));
        for (HomogeneousKernel k : kernels) {
            GramOptions java = GramOptions.defaults().withBackend(InnerProductBackends.pureJava());
            double[] reference = k.gram(x, java.withThreads(1)).toArray();
            for (int t : THREADS) {
                assertArrayEquals(reference, k.gram(x, java.withThreads(t)).toArray(), k + ", threads " + t);
                assertArrayEquals(reference, k.gram(x, t).toArray(), k + ", default backend, threads " + t);
                KernelMatrix implicit = ImplicitKernelMatrix.of(k, x, t);
                double[] v = Gaussians.standardNormal(1, 150, 9)[0];
                double[] out = new double[150];
                implicit.multiply(v, out);
                double[] dense = new double[150];
                k.gram(x, java.withThreads(t)).multiply(v, dense);
                assertArrayEquals(dense, out, k + " implicit product, threads " + t);
                double[][] cross = k.cross(x, x, java.withThreads(t));
                for (int i = 0; i < 150; i++) {
                    assertArrayEquals(Arrays.copyOfRange(reference, i * 150, (i + 1) * 150), cross[i]);
                }
            }
        }
    }

    @Test
    void fisherAndEmpiricalNtksAreBitwiseIdenticalForEveryThreadCount() {
        ReluNetwork net = ReluNetwork.random(6, 130, WeightScale.FAN_IN, 8);
        double[][] x = Gaussians.standardNormal(70, 6, 9);
        double[] fim = FisherInformation.analytic(net, 1).toArray();
        double[] empirical = FisherInformation.empirical(net, x, 1).toArray();
        double[] output = TwoLayerEmpiricalNtk.outputLayer(net, x, 1).toArray();
        double[] both = TwoLayerEmpiricalNtk.bothLayers(net, x, 1).toArray();
        DeepReluNetwork deep = DeepReluNetwork.random(6, new int[] {50, 60}, 10);
        double[] deepNtk = deep.empiricalNtk(x, 1).toArray();
        for (int t : THREADS) {
            assertArrayEquals(fim, FisherInformation.analytic(net, t).toArray(), "FIM, threads " + t);
            assertArrayEquals(fim, FisherInformation.analytic(ReluNetwork.random(6, 130, WeightScale.FAN_IN, 8), t)
                    .toArray(), "FIM of a re-drawn network, threads " + t);
            assertArrayEquals(empirical, FisherInformation.empirical(net, x, t).toArray(), "empirical FIM " + t);
            assertArrayEquals(output, TwoLayerEmpiricalNtk.outputLayer(net, x, t).toArray(), "output NTK " + t);
            assertArrayEquals(both, TwoLayerEmpiricalNtk.bothLayers(net, x, t).toArray(), "both-layer NTK " + t);
            assertArrayEquals(deepNtk, deep.empiricalNtk(x, t).toArray(), "deep NTK " + t);
        }
    }
}
