package engram.kernel;

/** Plain-Java kernels: four independent accumulators per reduction, row blocking for matrix-vector products. */
public final class ScalarKernels implements Kernels {

    @Override public String name() { return "scalar"; }

    @Override public double dot(double[] a, int aOff, double[] b, int n) {
        double a0 = 0, a1 = 0, a2 = 0, a3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            a0 += a[aOff + i] * b[i];
            a1 += a[aOff + i + 1] * b[i + 1];
            a2 += a[aOff + i + 2] * b[i + 2];
            a3 += a[aOff + i + 3] * b[i + 3];
        }
        for (; i < n; i++) {
            a0 += a[aOff + i] * b[i];
        }
        return (a0 + a1) + (a2 + a3);
    }

    @Override public void axpy(double s, double[] a, int aOff, double[] y, int n) {
        for (int i = 0; i < n; i++) {
            y[i] += s * a[aOff + i];
        }
    }

    /** Four rows at a time so each load of v[j] feeds four accumulators. */
    @Override public void matvecRows(double[] w, int n, double[] v, double[] out, int from, int to) {
        int i = from;
        for (; i + 3 < to; i += 4) {
            int r0 = i * n, r1 = r0 + n, r2 = r1 + n, r3 = r2 + n;
            double a0 = 0, a1 = 0, a2 = 0, a3 = 0;
            for (int j = 0; j < n; j++) {
                double vj = v[j];
                a0 += w[r0 + j] * vj;
                a1 += w[r1 + j] * vj;
                a2 += w[r2 + j] * vj;
                a3 += w[r3 + j] * vj;
            }
            out[i] = a0;
            out[i + 1] = a1;
            out[i + 2] = a2;
            out[i + 3] = a3;
        }
        for (; i < to; i++) {
            out[i] = dot(w, i * n, v, n);
        }
    }
}
