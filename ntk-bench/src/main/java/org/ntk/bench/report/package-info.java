/**
 * The {@code ntk report} job: sections that compute the papers' claims live and write them as
 * {@code report.md} (prose, aligned Markdown tables, PNG plots) and {@code results.json} (every
 * number of the tables, unrounded, in a stable key order).
 *
 * <p>The pieces: {@link org.ntk.bench.report.ReportRunner} runs {@link
 * org.ntk.bench.report.ReportSection}s in order, each through a {@link
 * org.ntk.bench.report.ReportContext} (parameters, progress, its results node, its Markdown, a
 * plot writer), timing each and publishing all files only when every section succeeded; {@link
 * org.ntk.bench.report.Table} renders Markdown and JSON from one definition; {@link
 * org.ntk.bench.report.Figure} and {@link org.ntk.bench.report.Plots} draw headless XChart PNGs in
 * one house style (labelled axes with units, log scales where spectra span decades, legends,
 * theory as lines and observations as points); {@link org.ntk.bench.report.ResultNode} builds the
 * ordered JSON.
 *
 * <p>Sections: {@link org.ntk.bench.report.NetworkSection} (the random network, trace checks),
 * {@link org.ntk.bench.report.FimSection} (FIM spectrum, clusters against theory through
 * {@code org.ntk.spectral.cluster.FimClusterReport}, trace shares, eigenvector overlaps), {@link
 * org.ntk.bench.report.MercerSection} (exact against papers' Mercer eigenvalues, residual share),
 * {@link org.ntk.bench.report.TheoremLimitsSection} (seed 002's theorem limits and their MAE),
 * {@link org.ntk.bench.report.SimplicityBiasSection} (learning curves and decay rates per
 * eigenfunction, observed against predicted), {@link org.ntk.bench.report.DeepNtkSection}
 * (λ_min of the deep NTK against the Nguyen–Mondelli–Montúfar bounds, finite against infinite
 * width) and {@link org.ntk.bench.report.QuadraticDensitySection} (Benigni–Paquette density,
 * atom and outliers, predicted against simulated). Sections compute with the library; they hold no
 * second implementation of its algorithms. A new section is one class implementing {@code
 * ReportSection}, listed in {@code ReportRunner.defaultSections()}.
 *
 * <p>Guarantees: no partial output (files are written to a staging directory and renamed); a
 * failing section leaves the output directory untouched; the same parameters give the same
 * {@code results.json} except the timings under {@code run} (and, across machines or thread counts,
 * possibly the last bits of LAPACK results).
 */
package org.ntk.bench.report;
