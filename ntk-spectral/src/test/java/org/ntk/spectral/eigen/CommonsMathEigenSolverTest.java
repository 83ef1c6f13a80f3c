package org.ntk.spectral.eigen;

/** Runs the {@link EigenSolver} contract on the pure-Java solver. */
class CommonsMathEigenSolverTest extends EigenSolverContractTest {

    @Override
    protected EigenSolver solver() {
        return new CommonsMathEigenSolver();
    }
}
