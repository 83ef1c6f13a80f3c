package org.ntk.core.kernel;

/**
 * Applies a kernel's angular profile h to a batch of clamped cosines in place: t[i] ← h(t[i]) for
 * i &lt; count. One virtual call per tile instead of one per entry, so that each kernel's own loop
 * is compiled (and inlined) monomorphically.
 */
@FunctionalInterface
interface ProfileBatch {

    void apply(double[] t, int count);

    /** The batch for a kernel: its own loop for this library's kernels, else a loop over profile(t). */
    static ProfileBatch of(HomogeneousKernel kernel) {
        if (kernel instanceof ProfileKernel) {
            return ((ProfileKernel) kernel)::profiles;
        }
        return (t, count) -> {
            for (int i = 0; i < count; i++) {
                t[i] = kernel.profile(t[i]);
            }
        };
    }
}
