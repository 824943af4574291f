package engram.memory;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * SIMD kernels on the incubating Vector API (loaded only when {@code jdk.incubator.vector} is in the boot layer):
 * fused multiply-add over the preferred species with two vector accumulators, scalar tails.
 */
public final class VectorKernels implements Kernels {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    /** Whether TANH is a vectorised intrinsic (SVML stubs on x86-64); elsewhere the Vector API loops in Java. */
    private static final boolean FAST_TANH = System.getProperty("os.arch", "").matches("amd64|x86_64");

    @Override public String name() { return "vector-" + S.vectorBitSize(); }

    @Override public void tanh(double gain, double[] in, double[] out, int n) {
        if (!FAST_TANH) {
            Kernels.super.tanh(gain, in, out, n);
            return;
        }
        int l = S.length();
        int i = 0;
        for (; i + l <= n; i += l) {
            DoubleVector.fromArray(S, in, i).mul(gain).lanewise(VectorOperators.TANH).intoArray(out, i);
        }
        for (; i < n; i++) {
            out[i] = engram.activation.Tanh.tanh(gain * in[i]);
        }
    }

    @Override public double dot(double[] a, int aOff, double[] b, int n) {
        int l = S.length();
        DoubleVector acc0 = DoubleVector.zero(S);
        DoubleVector acc1 = DoubleVector.zero(S);
        int i = 0;
        for (; i + 2 * l <= n; i += 2 * l) {
            acc0 = DoubleVector.fromArray(S, a, aOff + i).fma(DoubleVector.fromArray(S, b, i), acc0);
            acc1 = DoubleVector.fromArray(S, a, aOff + i + l).fma(DoubleVector.fromArray(S, b, i + l), acc1);
        }
        for (; i + l <= n; i += l) {
            acc0 = DoubleVector.fromArray(S, a, aOff + i).fma(DoubleVector.fromArray(S, b, i), acc0);
        }
        double s = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            s += a[aOff + i] * b[i];
        }
        return s;
    }

    @Override public void axpy(double s, double[] a, int aOff, double[] y, int n) {
        int l = S.length();
        DoubleVector sv = DoubleVector.broadcast(S, s);
        int i = 0;
        for (; i + l <= n; i += l) {
            DoubleVector.fromArray(S, a, aOff + i).fma(sv, DoubleVector.fromArray(S, y, i)).intoArray(y, i);
        }
        for (; i < n; i++) {
            y[i] += s * a[aOff + i];
        }
    }

    /** Two rows at a time sharing each load of v. */
    @Override public void matvec(double[] w, int n, double[] v, double[] out) {
        int l = S.length();
        int i = 0;
        for (; i + 1 < n; i += 2) {
            int r0 = i * n, r1 = r0 + n;
            DoubleVector a0 = DoubleVector.zero(S), a1 = DoubleVector.zero(S);
            int j = 0;
            for (; j + l <= n; j += l) {
                DoubleVector vj = DoubleVector.fromArray(S, v, j);
                a0 = DoubleVector.fromArray(S, w, r0 + j).fma(vj, a0);
                a1 = DoubleVector.fromArray(S, w, r1 + j).fma(vj, a1);
            }
            double s0 = a0.reduceLanes(VectorOperators.ADD), s1 = a1.reduceLanes(VectorOperators.ADD);
            for (; j < n; j++) {
                s0 += w[r0 + j] * v[j];
                s1 += w[r1 + j] * v[j];
            }
            out[i] = s0;
            out[i + 1] = s1;
        }
        for (; i < n; i++) {
            out[i] = dot(w, i * n, v, n);
        }
    }
}
