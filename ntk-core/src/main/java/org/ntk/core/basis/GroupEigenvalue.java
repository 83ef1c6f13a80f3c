package org.ntk.core.basis;

import java.util.Objects;
import java.util.OptionalDouble;

import org.ntk.core.mercer.EigenvalueMethod;

/**
 * The eigenvalue of one degree group of an {@link EigenfunctionBasis} under a kernel, exact and, where
 * the seed papers give one, their approximation side by side (MATH.md §3.4, §10.1).
 *
 * @param degree the group's degree, 0, 1 or 2
 * @param multiplicity the group's size N(d, degree): 1, d, d(d+1)/2 − 1
 * @param exact the exact Mercer eigenvalue under x ~ N(0, I_d) (MATH.md §3.3)
 * @param errorBound its absolute error bound
 * @param method how the exact value was obtained
 * @param papers the papers' approximation, present for {@code arccos1} only: (2d+1)/(4π), 1/4,
 *     1/(2π(d+2)) (seed 000; the degree-2 Taylor truncation of kappa1)
 */
public record GroupEigenvalue(int degree, long multiplicity, double exact, double errorBound,
        EigenvalueMethod method, OptionalDouble papers) {

    /** Checks the components. */
    public GroupEigenvalue {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(papers, "papers");
    }
}
