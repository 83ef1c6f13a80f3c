package org.ntk.core.mercer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.ntk.core.kernel.HomogeneousKernel;
import org.ntk.core.kernel.Kernels;

/**
 * The library's own kernels ({@link Kernels}) are recognised and give the same spectra as the
 * independent closed-form test kernels.
 */
class MercerSpectraLibraryKernelsTest {

    @Test
    void libraryKernelsAreRecognisedAndAgreeWithTheReferenceKernels() {
        HomogeneousKernel[][] pairs = {
            {Kernels.arcCosine(0), ClosedFormKernels.arccos0()},
            {Kernels.arcCosine(1), ClosedFormKernels.arccos1()},
            {Kernels.twoLayerNtk(), ClosedFormKernels.ntk2()},
            {Kernels.deepNtk(1), ClosedFormKernels.deepNtk(1)},
            {Kernels.deepNtk(3), ClosedFormKernels.deepNtk(3)},
            {Kernels.deepNngp(2), ClosedFormKernels.deepNngp(2)},
        };
        for (HomogeneousKernel[] p : pairs) {
            ReferenceProfile ref = ReferenceProfile.recognise(p[0]);
            assertNotNull(ref, p[0].name());
            assertEquals(ReferenceProfile.recognise(p[1]).family(), ref.family(), p[0].name());
            assertEquals(ReferenceProfile.recognise(p[1]).depth(), ref.depth(), p[0].name());
            for (int d : new int[] {3, 40, 2000}) {
                MercerSpectrum a = MercerSpectra.of(p[0], d, 8);
                MercerSpectrum b = MercerSpectra.of(p[1], d, 8);
                assertEquals(b.trace(), a.trace(), 0);
                for (int k = 0; k <= 8; k++) {
                    assertSame(b.degree(k).method(), a.degree(k).method(), p[0].name() + " d = " + d + " k = " + k);
                    assertEquals(b.eigenvalue(k), a.eigenvalue(k), 0, "same reference path, same value");
                }
            }
        }
    }
}
