/**
 * The native (ND4J-shipped OpenBLAS / LAPACK) implementations: {@link
 * org.ntk.spectral.eigen.nd4j.LapackEigenSolver}, LAPACK {@code dsyevd} called through the
 * {@code org.bytedeco.openblas} binding that {@code nd4j-native-platform} brings.
 *
 * <p>The only package of the solver layer that touches {@code org.bytedeco} (STYLE.md). Guarantees:
 * the OpenBLAS library is loaded once, on first use, and a missing native library is reported as an
 * {@link java.lang.IllegalStateException} that says how to fix the class path; inputs are copied
 * before any native call, never modified; every LAPACK {@code info} is checked. Native thread count
 * follows {@code OMP_NUM_THREADS} (or {@code OPENBLAS_NUM_THREADS}).
 */
package org.ntk.spectral.eigen.nd4j;
