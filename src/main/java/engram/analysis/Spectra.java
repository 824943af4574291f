package engram.analysis;

import engram.memory.Couplings;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.complex.Complex;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionNonSymmetric;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;

/** Dense spectral quantities through Hipparchus decompositions (for the sizes used in checks). */
public final class Spectra {

    private Spectra() {
    }

    public static RealMatrix matrix(int n, double[] rowMajor) {
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(rowMajor, i * n, a[i], 0, n);
        }
        return new Array2DRowRealMatrix(a, false);
    }

    /** {@code ||W||_2}, the largest singular value. */
    public static double spectralNorm(Couplings w) {
        return new SingularValueDecomposition(matrix(w.n(), w.toDense())).getNorm();
    }

    /**
     * The largest eigenvalue of {@code S^1/2 diag(g) S^1/2 / scale}, S symmetric positive semi-definite (m x m, only its
     * upper triangle is read): the nonzero spectrum of a low-rank product {@code F diag(g) F^T D / scale} with
     * {@code S = F^T D F}, D >= 0, which is real because the product is similar to a symmetric matrix. Computed by
     * {@link SmallSymmetric#largestSandwichEigenvalue} (semi-definite Cholesky, tridiagonalisation, bisection).
     */
    public static double maxSandwichEigenvalue(int m, double[] s, double[] g, double scale) {
        return SmallSymmetric.largestSandwichEigenvalue(m, s, g, scale, new SmallSymmetric.Workspace(m));
    }

    /**
     * {@code -I + D^1/2 W D^1/2} with {@code D = diag(slopes)} (row-major): the symmetric matrix similar to the Jacobian
     * {@code -I + D W} (or {@code -I + W D}) of a network with symmetric W, whose eigenvalues are therefore real.
     */
    public static double[] symmetrizedJacobian(Couplings w, double[] slopes) {
        int n = slopes.length;
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i * n + j] = Math.sqrt(slopes[i]) * Math.sqrt(slopes[j]) * w.entry(i, j) - (i == j ? 1 : 0);
            }
        }
        return a;
    }

    /** The largest eigenvalue of {@link #symmetrizedJacobian}, by the dense symmetric solver. */
    public static double maxSymmetrizedEigenvalue(Couplings w, double[] slopes) {
        return symmetricEigenvalues(slopes.length, symmetrizedJacobian(w, slopes))[0];
    }

    /**
     * Eigenvalues of a symmetric matrix, descending. Hipparchus' symmetric QL iteration gives up ("convergence failed")
     * on some large matrices with many equal eigenvalues, such as a rank-deficient Gram matrix (seen: a 146 x 146
     * Hebbian matrix of rank 25); then the eigenvalues are read from the singular values of the matrix shifted to be
     * positive definite by its Gershgorin bound, {@code A + s I}, s = max row sum of |A| + 1, to an absolute accuracy of
     * about 1e-15 s.
     */
    public static double[] symmetricEigenvalues(int n, double[] rowMajor) {
        try {
            return new EigenDecompositionSymmetric(matrix(n, rowMajor)).getEigenvalues();
        } catch (MathIllegalStateException notConverged) {
            return eigenvaluesByShiftedSingularValues(n, rowMajor);
        }
    }

    /**
     * The eigenvalues of a symmetric matrix, descending, as the singular values of {@code A + s I} minus s, where
     * s = (max row sum of |A|) + 1 bounds every |eigenvalue| (Gershgorin) so that A + s I is positive definite.
     */
    static double[] eigenvaluesByShiftedSingularValues(int n, double[] rowMajor) {
        double shift = 0;
        for (int i = 0; i < n; i++) {
            double row = 0;
            for (int j = 0; j < n; j++) {
                row += Math.abs(rowMajor[i * n + j]);
            }
            shift = Math.max(shift, row);
        }
        shift += 1;
        double[] a = rowMajor.clone();
        for (int i = 0; i < n; i++) {
            a[i * n + i] += shift;
        }
        double[] sv = new SingularValueDecomposition(matrix(n, a)).getSingularValues();
        for (int k = 0; k < n; k++) {
            sv[k] -= shift;
        }
        return sv;
    }

    /**
     * Largest real part among the eigenvalues of a general square matrix, by Hipparchus' EigenDecompositionNonSymmetric
     * on the balanced matrix (Parlett-Reinsch, exact), with one repair. That solver reads every unreduced 2 x 2 block
     * of its Schur form {@code [[a, b], [c, d]]} as a complex pair {@code x + p +- i sqrt|p^2 + bc|}
     * ({@code p = (a - d)/2}), taking the absolute value even where {@code p^2 + bc > 0}, that is where the block's
     * two eigenvalues are real: {@code x + p +- sqrt(p^2 + bc)}. Such blocks occur next to clustered eigenvalues (seen
     * on firing-rate Jacobians: -0.709 and -0.983 reported as -0.846 +- 0.137i, so the largest reported real part was
     * the next eigenvalue, -0.740). So each reported pair {@code r +- i z} whose real reading {@code r + z} could be
     * the largest is tested: where {@code A - (r + z) I} is singular to round-off (smallest singular value below
     * {@link #EIGENVALUE_RESIDUAL} times ||A||_F), {@code r + z} is an eigenvalue and counts; otherwise the pair is
     * complex and counts with its real part r. Either way the value returned is an eigenvalue's real part.
     */
    public static double maxRealPart(int n, double[] rowMajor) {
        RealMatrix a = matrix(n, balance(n, rowMajor));
        Complex[] eigenvalues;
        try {
            eigenvalues = new EigenDecompositionNonSymmetric(a).getEigenvalues();
        } catch (MathIllegalStateException e) {
            eigenvalues = new EigenDecompositionNonSymmetric(a, 1e-14).getEigenvalues();
        }
        double best = Double.NEGATIVE_INFINITY;
        List<double[]> pairs = new ArrayList<>();
        for (var c : eigenvalues) {
            best = Math.max(best, c.getReal());
            if (c.getImaginary() > 0) {
                pairs.add(new double[] {c.getReal(), c.getImaginary()});
            }
        }
        pairs.sort((p, q) -> Double.compare(q[0] + q[1], p[0] + p[1]));
        double tolerance = EIGENVALUE_RESIDUAL * Math.max(a.getFrobeniusNorm(), Double.MIN_NORMAL);
        for (double[] pair : pairs) {
            double realReading = pair[0] + pair[1];
            if (realReading <= best) {
                break;
            }
            if (smallestSingularValue(a, realReading) <= tolerance) {
                best = realReading;
                break;
            }
        }
        return best;
    }

    /**
     * The smallest singular value of {@code A - lambda I}, relative to ||A||_F, below which lambda counts as an
     * eigenvalue: a backward-stable eigenvalue leaves about n eps ||A|| (1e-13 at n = 400), a real number at distance
     * d from every eigenvalue of a matrix with eigenvector condition kappa leaves at least d / kappa.
     */
    static final double EIGENVALUE_RESIDUAL = 1e-10;

    /** The smallest singular value of {@code A - lambda I}: zero exactly when lambda is an eigenvalue of A. */
    static double smallestSingularValue(RealMatrix a, double lambda) {
        RealMatrix shifted = a.copy();
        for (int i = 0; i < a.getRowDimension(); i++) {
            shifted.addToEntry(i, i, -lambda);
        }
        double[] sv = new SingularValueDecomposition(shifted).getSingularValues();
        return sv[sv.length - 1];
    }

    /**
     * Parlett-Reinsch balancing: a diagonal similarity {@code D^-1 A D} by powers of two (exact in floating point) that
     * makes each row and column norm comparable; the eigenvalues are unchanged. Returns a new array.
     */
    public static double[] balance(int n, double[] rowMajor) {
        double[] a = rowMajor.clone();
        boolean done = false;
        while (!done) {
            done = true;
            for (int i = 0; i < n; i++) {
                double c = 0, r = 0;
                for (int j = 0; j < n; j++) {
                    if (j != i) {
                        c += Math.abs(a[j * n + i]);
                        r += Math.abs(a[i * n + j]);
                    }
                }
                if (c == 0 || r == 0) {
                    continue;
                }
                double g = r / 2, f = 1, s = c + r;
                while (c < g) {
                    f *= 2;
                    c *= 4;
                }
                g = r * 2;
                while (c > g) {
                    f /= 2;
                    c /= 4;
                }
                if ((c + r) / f < 0.95 * s) {
                    done = false;
                    for (int j = 0; j < n; j++) {
                        a[i * n + j] /= f;
                        a[j * n + i] *= f;
                    }
                }
            }
        }
        return a;
    }
}
