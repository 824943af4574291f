package engram.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import engram.memory.DenseCouplings;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The SIMD and plain-Java kernels compute the same products (the suite runs with the vector module present). */
class KernelsTest {

    @Test
    void theSuiteRunsTheSimdKernels() {
        assertThat(Kernels.get().name()).startsWith("vector-");
    }

    /**
     * The packed symmetric product against the full matrix-vector product, by both kernels on sizes with every tail,
     * and DenseCouplings' packed path (from 512 rows) against the two halves summed serially: the same bits, so the
     * result does not depend on how the halves were spread over the cores.
     */
    @Test
    void thePackedSymmetricProductIsTheFullOneAndDoesNotDependOnTheCores() {
        SplittableRandom rng = new SplittableRandom(4);
        for (int n : new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 31, 33, 67, 600}) {
            double[] w = new double[n * n], v = new double[n], packed = new double[n * (n + 1) / 2];
            for (int i = 0; i < n; i++) {
                v[i] = rng.nextGaussian();
                for (int j = i; j < n; j++) {
                    w[i * n + j] = w[j * n + i] = rng.nextGaussian();
                }
            }
            for (int i = 0, o = 0; i < n; i++, o += n - i + 1) {
                System.arraycopy(w, i * n + i, packed, o, n - i);
            }
            double[] full = new double[n];
            new ScalarKernels().matvec(w, n, v, full);
            for (Kernels k : new Kernels[] {new ScalarKernels(), new VectorKernels()}) {
                double[] y = new double[n];
                k.symmetricRows(packed, n, v, y, 0, n);
                for (int i = 0; i < n; i++) {
                    assertThat(y[i]).as(k.name() + " n " + n).isCloseTo(full[i], within(1e-12 * Math.sqrt(n)));
                }
            }
            // a range of rows starting anywhere (blocks of four, two and one row from any start) against the plain kernel
            int from = rng.nextInt(n), to = from + 1 + rng.nextInt(n - from);
            double[] plain = new double[n], fast = new double[n];
            new ScalarKernels().symmetricRows(packed, n, v, plain, from, to);
            new VectorKernels().symmetricRows(packed, n, v, fast, from, to);
            for (int i = 0; i < n; i++) {
                assertThat(fast[i]).as("rows [%d, %d) of n %d", from, to, n).isCloseTo(plain[i], within(1e-12 * Math.sqrt(n)));
            }
            if (n >= 512) {
                double[] out = new double[n], y0 = new double[n], y1 = new double[n];
                new DenseCouplings(n, w).multiply(v, out);
                long total = (long) n * (n + 1) / 2, acc = 0;
                int split = 0;
                while (2 * acc < total) {
                    acc += n - split++;
                }
                Kernels.get().symmetricRows(packed, n, v, y0, 0, split);
                Kernels.get().symmetricRows(packed, n, v, y1, split, n);
                for (int i = 0; i < n; i++) {
                    assertThat(out[i]).isEqualTo(y0[i] + y1[i]);
                }
            }
        }
    }

    @Test
    void simdAndScalarKernelsAgreeOnEverySizeIncludingTails() {
        Kernels scalar = new ScalarKernels();
        Kernels simd = new VectorKernels();
        SplittableRandom rng = new SplittableRandom(9);
        for (int n = 1; n <= 70; n++) {
            double[] w = new double[n * n + 3];
            double[] v = new double[n];
            for (int k = 0; k < w.length; k++) {
                w[k] = rng.nextGaussian();
            }
            for (int k = 0; k < n; k++) {
                v[k] = rng.nextGaussian();
            }
            assertThat(simd.dot(w, 3, v, n)).isCloseTo(scalar.dot(w, 3, v, n), within(1e-12));
            double[] a = new double[n], b = new double[n];
            scalar.matvec(w, n, v, a);
            simd.matvec(w, n, v, b);
            double[] y1 = v.clone(), y2 = v.clone();
            scalar.axpy(0.7, w, 2, y1, n);
            simd.axpy(0.7, w, 2, y2, n);
            for (int i = 0; i < n; i++) {
                assertThat(b[i]).isCloseTo(a[i], within(1e-12));
                assertThat(y2[i]).isCloseTo(y1[i], within(1e-15));
            }
        }
    }

    @Test
    void simdAndScalarLowRankProjectionsAndTanhAgree() {
        Kernels scalar = new ScalarKernels();
        Kernels simd = new VectorKernels();
        SplittableRandom rng = new SplittableRandom(11);
        for (int n = 1; n <= 70; n += 3) {
            for (int r = 1; r <= 11; r++) {
                double[] f = new double[r * n], v = new double[n], h = new double[r];
                for (int k = 0; k < f.length; k++) {
                    f[k] = rng.nextGaussian();
                }
                for (int k = 0; k < n; k++) {
                    v[k] = rng.nextGaussian();
                }
                for (int k = 0; k < r; k++) {
                    h[k] = rng.nextGaussian();
                }
                double[] p1 = new double[r], p2 = new double[r];
                scalar.project(f, r, n, v, p1);
                simd.project(f, r, n, v, p2);
                double[] c1 = v.clone(), c2 = v.clone();
                scalar.combine(f, r, n, h, c1);
                simd.combine(f, r, n, h, c2);
                for (int k = 0; k < r; k++) {
                    assertThat(p2[k]).isCloseTo(p1[k], within(1e-12));
                }
                for (int i = 0; i < n; i++) {
                    assertThat(c2[i]).isCloseTo(c1[i], within(1e-12));
                }
            }
            double[] x = new double[n], t1 = new double[n], t2 = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = rng.nextGaussian() * (i % 3 == 0 ? 0.01 : 3);
            }
            scalar.tanh(7.5, x, t1, n);
            simd.tanh(7.5, x, t2, n);
            for (int i = 0; i < n; i++) {
                assertThat(t2[i]).isCloseTo(t1[i], within(1e-14 * Math.max(Math.abs(t1[i]), 1e-300)));
            }
        }
    }

    @Test
    void simdAndScalarIntegerKernelsAgreeExactly() {
        Kernels scalar = new ScalarKernels();
        Kernels simd = new VectorKernels();
        SplittableRandom rng = new SplittableRandom(13);
        for (int n = 1; n <= 100; n++) {
            byte[] a = new byte[n + 5];
            int[] b = new int[n];
            for (int k = 0; k < a.length; k++) {
                a[k] = (byte) (rng.nextBoolean() ? 1 : -1);
            }
            for (int k = 0; k < n; k++) {
                b[k] = rng.nextInt(-50_000, 50_000);
            }
            assertThat(simd.dot(a, 5, b, n)).isEqualTo(scalar.dot(a, 5, b, n));
            int[] y1 = b.clone(), y2 = b.clone();
            scalar.axpy(-2, a, 3, y1, n);
            simd.axpy(-2, a, 3, y2, n);
            assertThat(y2).isEqualTo(y1);
        }
    }
}
