/**
 * Progress reporting for long computations: a {@link org.ntk.core.progress.ProgressListener} that
 * Gram assembly, Lanczos and Monte Carlo code call with (task, done, total). The CLI renders it on
 * stderr when stderr is a terminal.
 */
package org.ntk.core.progress;
