package org.ntk.spectral;

/**
 * Thrown when an iterative or native eigensolver stops on valid input before reaching its tolerance.
 *
 * <p>Carries how far the method got: the number of iterations it performed and the worst residual
 * it had reached, so that a caller can decide whether to retry with a larger budget. Immutable.
 */
public class ConvergenceException extends ArithmeticException {

    private static final long serialVersionUID = 1L;

    private final int iterations;
    private final double residual;

    /**
     * Creates the exception.
     *
     * @param message what did not converge and how to fix it
     * @param iterations the iterations performed (for block Lanczos: block steps, that is block
     *     products with the matrix); -1 where the method does not report a count (LAPACK)
     * @param residual the worst residual reached, in the unit the message states (for block
     *     Lanczos: max_i ‖K v_i − λ_i v_i‖ / |λ_max| over the wanted pairs); NaN where unknown
     */
    public ConvergenceException(String message, int iterations, double residual) {
        super(message);
        this.iterations = iterations;
        this.residual = residual;
    }

    /** The iterations performed, or -1 where the method does not report a count. */
    public int iterations() {
        return iterations;
    }

    /** The worst residual reached (see the constructor for its unit), or NaN where unknown. */
    public double residual() {
        return residual;
    }
}
