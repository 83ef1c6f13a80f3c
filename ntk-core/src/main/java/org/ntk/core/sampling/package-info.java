/** Seeded, reproducible random sampling (Gaussian inputs and weights). */
package org.ntk.core.sampling;
