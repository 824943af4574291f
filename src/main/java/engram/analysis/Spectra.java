package engram.analysis;

import engram.memory.Couplings;
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

    /** Eigenvalues of a symmetric matrix, descending. */
    public static double[] symmetricEigenvalues(int n, double[] rowMajor) {
        return new EigenDecompositionSymmetric(matrix(n, rowMajor)).getEigenvalues();
    }

    /** Largest real part among the eigenvalues of a general square matrix. */
    public static double maxRealPart(int n, double[] rowMajor) {
        double max = Double.NEGATIVE_INFINITY;
        for (var c : new EigenDecompositionNonSymmetric(matrix(n, rowMajor)).getEigenvalues()) {
            max = Math.max(max, c.getReal());
        }
        return max;
    }
}
