package org.ntk.spectral.eigen.nd4j;

import org.ntk.spectral.eigen.EigenSolver;
import org.ntk.spectral.eigen.EigenSolverContractTest;

/** Runs the {@link EigenSolver} contract on ND4J's own solver (the benchmarks' baseline). */
class Nd4jEigenSolverTest extends EigenSolverContractTest {

    @Override
    protected EigenSolver solver() {
        return new Nd4jEigenSolver();
    }
}
