package org.ntk.spectral;

import java.util.Objects;

import org.ntk.core.progress.ProgressListener;

/**
 * Settings of the restarted block Lanczos method behind {@link Spectra#top(org.ntk.core.kernel.KernelMatrix, int, LanczosOptions)}.
 *
 * <p>Start from {@link #defaults()} and change what you need with the {@code with…} methods.
 *
 * @param tolerance the convergence test: every wanted pair must satisfy
 *     ‖K v_i − λ_i v_i‖ ≤ tolerance · |λ_max| (checked on the returned vectors against K itself);
 *     in (0, 1). Below about 1e-14 it cannot be met in double precision. Default 1e-10.
 * @param maxIterations the most block steps (block products K·V with a block of {@code blockSize}
 *     vectors) of one Lanczos run (the solve, each repeated solve and each completeness check) before
 *     {@link ConvergenceException}; ≥ 1. The final check of the residuals costs one
 *     further product with count vectors, not counted. Default 1000.
 * @param blockSize the number of vectors per block, ≥ 0; 0 (the default) means min(count, 64). A
 *     Krylov space grown from b start vectors holds at most b directions of one eigenspace; an exactly
 *     repeated eigenvalue among the wanted ones of multiplicity above the block size is still found
 *     whole: a result holding b or more copies of one eigenvalue above the smallest wanted one is
 *     checked on the orthogonal complement, and the solve is repeated with a doubled block when a
 *     direction was missed (see {@code BlockLanczos}); a block at least the multiplicity avoids the
 *     check and the repetition. Values above n are reduced to n. Larger blocks cost more
 *     memory (the basis holds O(count + 4·blockSize) vectors of length n) but amortise the kernel
 *     evaluations of a matrix-free {@code KernelMatrix.multiply(v, out, k)}.
 * @param seed the seed of the Gaussian start block (and of any fresh directions the method needs
 *     after an exact invariant subspace); the result is reproducible bit for bit for a fixed seed.
 *     Default 1.
 * @param listener receives ("lanczos", block steps done, maxIterations) after every block step (a
 *     repeated solve counts again from 1; the completeness check reports nothing); not
 *     null. Default {@link ProgressListener#NONE}.
 */
public record LanczosOptions(double tolerance, int maxIterations, int blockSize, long seed,
                             ProgressListener listener) {

    /** The default tolerance, 1e-10 relative to |λ_max|. */
    public static final double DEFAULT_TOLERANCE = 1e-10;

    /** The default cap on block steps. */
    public static final int DEFAULT_MAX_ITERATIONS = 1000;

    /** The block size used when {@code blockSize} is 0 and count is larger. */
    public static final int AUTOMATIC_BLOCK_SIZE_CAP = 64;

    /**
     * Validates the settings.
     *
     * @throws IllegalArgumentException if tolerance is not in (0, 1), maxIterations &lt; 1 or
     *     blockSize &lt; 0
     * @throws NullPointerException if listener is null
     */
    public LanczosOptions {
        if (!(tolerance > 0 && tolerance < 1)) {
            throw new IllegalArgumentException("tolerance must be in (0, 1), got " + tolerance);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
        }
        if (blockSize < 0) {
            throw new IllegalArgumentException("blockSize must be >= 0 (0 = automatic), got " + blockSize);
        }
        Objects.requireNonNull(listener, "listener");
    }

    /** Tolerance 1e-10, 1000 block steps, automatic block size, seed 1, no progress reports. */
    public static LanczosOptions defaults() {
        return new LanczosOptions(DEFAULT_TOLERANCE, DEFAULT_MAX_ITERATIONS, 0, 1L, ProgressListener.NONE);
    }

    /** A copy with another tolerance (see the class comment). */
    public LanczosOptions withTolerance(double newTolerance) {
        return new LanczosOptions(newTolerance, maxIterations, blockSize, seed, listener);
    }

    /** A copy with another cap on block steps. */
    public LanczosOptions withMaxIterations(int newMaxIterations) {
        return new LanczosOptions(tolerance, newMaxIterations, blockSize, seed, listener);
    }

    /** A copy with another block size (0 = automatic). */
    public LanczosOptions withBlockSize(int newBlockSize) {
        return new LanczosOptions(tolerance, maxIterations, newBlockSize, seed, listener);
    }

    /** A copy with another start-block seed. */
    public LanczosOptions withSeed(long newSeed) {
        return new LanczosOptions(tolerance, maxIterations, blockSize, newSeed, listener);
    }

    /** A copy with another progress listener. */
    public LanczosOptions withListener(ProgressListener newListener) {
        return new LanczosOptions(tolerance, maxIterations, blockSize, seed, newListener);
    }

    /** The block size used for count wanted pairs of a matrix of size n. */
    public int effectiveBlockSize(int count, int n) {
        int b = blockSize == 0 ? Math.min(count, AUTOMATIC_BLOCK_SIZE_CAP) : blockSize;
        return Math.max(1, Math.min(b, n));
    }
}
