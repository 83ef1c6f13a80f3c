/**
 * The eigenvalue clusters of a Fisher information matrix compared with theory (MATH.md §2.3–§2.4,
 * §3.3, §3.6): {@link org.ntk.spectral.cluster.FimClusterReport} groups the observed spectrum into the
 * clusters of the Mercer degrees and reports, per cluster, the observed eigenvalues against the exact
 * large-m limit and the papers' value, the trace share, and the principal angles
 * ({@link org.ntk.spectral.cluster.SubspaceOverlap}) between the observed eigenspace and the span of
 * its theoretical eigenvectors.
 *
 * <p>Guarantees: results are immutable and thread-safe; arrays in are never modified or retained and
 * arrays out are fresh copies; nothing is clamped or rounded (a cosine may exceed 1 by rounding).
 * Pure Java apart from the eigendecomposition that {@code analyze} obtains from
 * {@link org.ntk.spectral.Spectra}.
 */
package org.ntk.spectral.cluster;
