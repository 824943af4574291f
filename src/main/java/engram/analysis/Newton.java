package engram.analysis;

import engram.integrate.VectorField;
import engram.kernel.Norms;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.LUDecomposition;

/** Newton's method on a vector field's zeros, the polish after an integration to rest (check, certify's claim). */
public final class Newton {

    /** At most this many steps. */
    static final int STEPS = 5;
    /** Above this size the Newton step is solved by GMRES (O(n^2) a product) instead of a dense LU (O(n^3)). */
    static final int DENSE_LIMIT = 300;

    private Newton() {
    }

    /** |f(x)|_inf. */
    public static double residual(VectorField f, double[] x) {
        double[] dx = new double[x.length];
        f.evaluate(0, x, dx);
        return Norms.maxAbs(dx);
    }

    /** Newton's method on f(x) = 0 from x (in place; dense LU, or GMRES above 300 states), while it lowers the residual; returns the residual. */
    public static double polish(VectorField f, double[] x, double residual) {
        int n = x.length;
        double[] dx = new double[n];
        f.evaluate(0, x, dx);
        for (int it = 0; it < STEPS && residual > 1e-14; it++) {
            double[] jac = new double[n * n];
            f.jacobian(0, x, jac);
            double[] step;
            try {
                step = n > DENSE_LIMIT ? Gmres.solve(jac, n, dx) : luSolve(jac, n, dx);
            } catch (RuntimeException singular) {
                break;
            }
            double[] y = x.clone();
            for (int i = 0; i < n; i++) {
                y[i] -= step[i];
            }
            double[] dy = new double[n];
            f.evaluate(0, y, dy);
            double r = Norms.maxAbs(dy);
            if (!(r < residual)) {
                break;
            }
            System.arraycopy(y, 0, x, 0, n);
            dx = dy;
            residual = r;
        }
        return residual;
    }

    private static double[] luSolve(double[] jac, int n, double[] rhs) {
        double[][] rows = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(jac, i * n, rows[i], 0, n);
        }
        return new LUDecomposition(new Array2DRowRealMatrix(rows, false)).getSolver()
                .solve(new ArrayRealVector(rhs, false)).toArray();
    }
}
