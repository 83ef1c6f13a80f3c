package org.ntk.core.kernel;

/**
 * Applies a kernel's angular profile h to a batch of clamped cosines in place: t[i] ← h(t[i]) for
 * i &lt; count. One call per tile instead of one per entry, so that each kernel's own loops are
 * compiled monomorphically (and vectorised where the profile allows it, see
 * {@link ProfileKernel#profiles}).
 *
 * <p>Each instance owns the scratch arrays of the library kernels' multi-pass loops, so an instance
 * belongs to one thread: the assemblies create one per worker. Not thread-safe.
 */
final class ProfileBatch {

    private final HomogeneousKernel kernel;
    private final ProfileKernel own;
    private double[] a = new double[0];
    private double[] b = new double[0];

    private ProfileBatch(HomogeneousKernel kernel) {
        this.kernel = kernel;
        this.own = kernel instanceof ProfileKernel ? (ProfileKernel) kernel : null;
    }

    /** A new batch (with its own scratch) for a kernel: its own loops for this library's kernels, else a loop over profile(t). */
    static ProfileBatch of(HomogeneousKernel kernel) {
        return new ProfileBatch(kernel);
    }

    /**
     * Replaces t[i] by h(t[i]) for i &lt; count; the t[i] are clamped cosines.
     *
     * @param t the cosines. Modified.
     * @param count the number of values
     */
    void apply(double[] t, int count) {
        if (own == null) {
            for (int i = 0; i < count; i++) {
                t[i] = kernel.profile(t[i]);
            }
            return;
        }
        if (a.length < count) {
            a = new double[Math.max(count, InnerProductTiles.TILE * InnerProductTiles.TILE)];
            b = new double[a.length];
        }
        own.profiles(t, count, a, b);
    }
}
