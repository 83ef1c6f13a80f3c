package org.ntk.spectral.eigen.nd4j;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas;

/**
 * Loads the OpenBLAS native library that ND4J ships ({@code org.bytedeco:openblas}), once, without
 * starting ND4J itself (which would cost about 0.6 s more). ND4J's own CPU backend links the same
 * library file from the JavaCPP cache, so no second copy is loaded if both are used.
 */
final class OpenBlas {

    /** Null when loaded; otherwise the message of the IllegalStateException to throw. */
    private static final String FAILURE = load();

    private OpenBlas() {
    }

    /**
     * Ensures that the library is loaded.
     *
     * @throws IllegalStateException if it could not be loaded, naming the fix
     */
    static void require() {
        if (FAILURE != null) {
            throw new IllegalStateException(FAILURE);
        }
    }

    private static String load() {
        try {
            Loader.load(openblas.class);
            return null;
        } catch (LinkageError | RuntimeException e) {
            return "the OpenBLAS native library (org.bytedeco:openblas, brought by org.nd4j:nd4j-native-platform)"
                    + " could not be loaded for " + System.getProperty("os.name") + "/" + System.getProperty("os.arch")
                    + ": " + e + ". Put org.nd4j:nd4j-native-platform on the class path with the native jar for this"
                    + " platform (a build restricted by -Djavacpp.platform must name this machine's platform, e.g."
                    + " linux-x86_64), or use the pure-Java org.ntk.spectral.eigen.CommonsMathEigenSolver";
        }
    }
}
