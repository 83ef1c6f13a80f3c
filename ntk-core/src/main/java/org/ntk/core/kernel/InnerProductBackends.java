package org.ntk.core.kernel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Factories for {@link InnerProductBackend}s: the pure-Java one, the ones found on the class path,
 * and the automatic choice between them.
 *
 * <p>Selection rule ({@link #automatic()} and {@link #select}): among the backends found by
 * {@link ServiceLoader}, sorted by {@link InnerProductBackend#name()}, the first whose
 * {@link InnerProductBackend#prefers prefers(rows, cols, d)} is true; if none, the pure-Java
 * backend. Discovery happens once, on first use; a provider that fails to load is skipped. With only
 * {@code ntk-core} on the class path the automatic choice is always the pure-Java backend.
 *
 * <p>Thread-safe; no mutable state is exposed.
 */
public final class InnerProductBackends {

    private static final InnerProductBackend AUTOMATIC = new Automatic();

    private InnerProductBackends() {
    }

    /**
     * The pure-Java backend ({@code name() = "java"}): a cache-blocked, vectorisable loop over 64×64
     * tiles (four rows at a time against a transposed block of 32 columns of k), every inner product
     * summed sequentially over k, so each result is bitwise
     * independent of the tiling and of the thread count. Cost O(n²d/2) for a Gram pass.
     */
    public static InnerProductBackend pureJava() {
        return JavaInnerProductBackend.INSTANCE;
    }

    /**
     * The backend that delegates each call to {@link #select select(rows, cols, d)}
     * ({@code name() = "automatic"}).
     */
    public static InnerProductBackend automatic() {
        return AUTOMATIC;
    }

    /** The backends found by {@link ServiceLoader}, sorted by name (an unmodifiable list; empty with only ntk-core). */
    public static List<InnerProductBackend> discovered() {
        return Discovered.LIST;
    }

    /**
     * The backend the automatic choice uses for a pass with an rows × cols result over vectors of
     * length d: the first discovered backend that prefers the size, otherwise {@link #pureJava()}.
     *
     * @param rows rows of the result
     * @param cols columns of the result
     * @param d the vector length
     * @return the selected backend
     */
    public static InnerProductBackend select(int rows, int cols, int d) {
        for (InnerProductBackend b : Discovered.LIST) {
            if (b.prefers(rows, cols, d)) {
                return b;
            }
        }
        return pureJava();
    }

    /** Resolves the automatic backend to a concrete one; returns any other backend unchanged. */
    static InnerProductBackend resolve(InnerProductBackend backend, int rows, int cols, int d) {
        return backend == AUTOMATIC ? select(rows, cols, d) : backend;
    }

    /** Lazy holder: discovery runs on first use. */
    private static final class Discovered {
        static final List<InnerProductBackend> LIST = load();

        private static List<InnerProductBackend> load() {
            List<InnerProductBackend> found = new ArrayList<>();
            Iterator<InnerProductBackend> it = ServiceLoader.load(InnerProductBackend.class).iterator();
            while (true) {
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                } catch (ServiceConfigurationError e) {
                    break; // unreadable provider configuration: use what was found so far
                }
                try {
                    found.add(it.next());
                } catch (ServiceConfigurationError e) {
                    // A provider that cannot be instantiated is skipped: the pure-Java path still works.
                }
            }
            found.sort(Comparator.comparing(InnerProductBackend::name));
            return List.copyOf(found);
        }
    }

    /** Delegates every call to the backend selected for its size. */
    private static final class Automatic implements InnerProductBackend {

        @Override
        public String name() {
            return "automatic";
        }

        @Override
        public boolean prefers(int rows, int cols, int d) {
            return true;
        }

        @Override
        public void gramUpper(double[] x, int n, int d, double[] out, int threads) {
            select(n, n, d).gramUpper(x, n, d, out, threads);
        }

        @Override
        public void cross(double[] x, int nx, double[] y, int ny, int d, double[] out, int threads) {
            select(nx, ny, d).cross(x, nx, y, ny, d, out, threads);
        }

        @Override
        public void gramUpperTiles(double[] x, int n, int d, int tile, int threads,
                                   java.util.function.Supplier<TileSink> sinks) {
            select(n, n, d).gramUpperTiles(x, n, d, tile, threads, sinks);
        }

        @Override
        public String toString() {
            return "InnerProductBackend[automatic]";
        }
    }
}
