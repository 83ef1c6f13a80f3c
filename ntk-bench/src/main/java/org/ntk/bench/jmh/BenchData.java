package org.ntk.bench.jmh;

import java.util.Objects;

import org.ntk.core.kernel.HomogeneousKernel;
import org.ntk.core.kernel.InnerProductBackend;
import org.ntk.core.kernel.InnerProductBackends;
import org.ntk.core.kernel.Kernels;
import org.ntk.core.network.ReluNetwork;
import org.ntk.core.network.WeightScale;
import org.ntk.core.sampling.Gaussians;

/**
 * The seeded inputs of the benchmarks: the same numbers on every run and machine, so that timings are
 * comparable and the peer script ({@code ntk-bench/scripts/peer_bench.py}) can time the same work.
 */
public final class BenchData {

    /** The seed of every benchmark input. */
    public static final long SEED = 20_241_125L;

    private BenchData() {
    }

    /**
     * n points of N(0, I_d), one per row, from {@link #SEED}.
     *
     * @param n the number of points, ≥ 1
     * @param d the dimension, ≥ 1
     * @return a fresh n×d array
     */
    public static double[][] points(int n, int d) {
        return Gaussians.standardNormal(n, d, SEED);
    }

    /**
     * A two-layer network of width m on R^d with N(0, 1) hidden weights (the FIM benchmark's input).
     *
     * @param d the input dimension, ≥ 1
     * @param m the width, ≥ 1
     * @return the network
     */
    public static ReluNetwork network(int d, int m) {
        return ReluNetwork.random(d, m, WeightScale.STANDARD, SEED);
    }

    /**
     * A kernel by benchmark name: a CLI name ({@code arccos0}, {@code arccos1}, {@code ntk2}) or
     * {@code deep-ntk}H / {@code deep-nngp}H with H hidden layers (e.g. {@code deep-ntk3}).
     *
     * @param name the name
     * @return the kernel
     * @throws IllegalArgumentException if the name is unknown
     */
    public static HomogeneousKernel kernel(String name) {
        Objects.requireNonNull(name, "name");
        for (String deep : new String[] {"deep-ntk", "deep-nngp"}) {
            if (name.startsWith(deep) && name.length() > deep.length()) {
                return Kernels.byName(deep, Integer.parseInt(name.substring(deep.length())));
            }
        }
        return Kernels.byName(name, 1);
    }

    /**
     * An inner-product backend by name: {@code automatic}, {@code java}, or the name of a discovered
     * backend (e.g. {@code openblas}).
     *
     * @param name the name
     * @return the backend
     * @throws IllegalArgumentException if no backend has that name
     */
    public static InnerProductBackend backend(String name) {
        Objects.requireNonNull(name, "name");
        if (name.equals("automatic")) {
            return InnerProductBackends.automatic();
        }
        if (name.equals("java")) {
            return InnerProductBackends.pureJava();
        }
        for (InnerProductBackend b : InnerProductBackends.discovered()) {
            if (b.name().equals(name)) {
                return b;
            }
        }
        throw new IllegalArgumentException("backend must be automatic, java or one of "
                + InnerProductBackends.discovered() + ", got " + name);
    }
}
