package engram.model;

import engram.integrate.VectorField;
import engram.memory.PatternSet;

/**
 * The two-layer network of Krotov and Hopfield 2021 (theory.md section 4): visible units v (N_v), hidden units h
 * (N_h), Lagrangians L_v and L_h with activations {@code g = grad L_v}, {@code f = grad L_h}, and the memory matrix
 * {@code Xi = X^T} (N_h x N_v; the columns of X are the memories):
 * <pre>
 *   tau_v dv/dt = X f(h) - v + I,      tau_h dh/dt = X^T g(v) - h,
 *   E = [sum_i (v_i - I_i) g_i - L_v(v)] + [sum_mu h_mu f_mu - L_h(h)] - f^T X^T g,
 *   dE/dt = -tau_v vdot^T Hess(L_v) vdot - tau_h hdot^T Hess(L_h) hdot   (<= 0 when both Hessians are PSD).
 * </pre>
 * The state is the vector [v; h]. With a fast hidden layer (tau_h -> 0) h = X^T g(v) and the visible dynamics become
 * {@code tau_v dv/dt = X f(X^T g(v)) - v + I}: with {@code L_h = (1/2) sum_mu (a_mu / N) h_mu^2} this is
 * {@code -v + X diag(a) X^T g(v) / N + I}, the voltage model with couplings {@code X diag(a) X^T / N} (Hebbian for
 * a = 1, input-driven plasticity for a = alpha(u)); with {@code L_h = lse(beta)} and {@code L_v = v^T v / 2} it is the
 * continuous modern Hopfield network {@code -v + X softmax(beta X^T v)}. Holds scratch buffers: one instance per
 * thread.
 */
public final class TwoLayerNetwork implements VectorField, EnergyFunction {

    private final PatternSet x;
    private final Lagrangian lv;
    private final Lagrangian lh;
    private final double tauV;
    private final double tauH;
    private final double[] input;
    private final int nv;
    private final int nh;
    private final double[] g;
    private final double[] f;
    private final double[] hv;
    private final double[] vBuf;
    private final double[] hBuf;

    public TwoLayerNetwork(PatternSet memories, Lagrangian visible, Lagrangian hidden, double tauV, double tauH,
            double[] input) {
        if (!(tauV > 0) || !(tauH > 0)) {
            throw new IllegalArgumentException("time constants must be > 0, got tau_v=" + tauV + ", tau_h=" + tauH);
        }
        this.x = memories;
        this.lv = visible;
        this.lh = hidden;
        this.tauV = tauV;
        this.tauH = tauH;
        this.nv = memories.n();
        this.nh = memories.p();
        this.input = input == null ? new double[nv] : input.clone();
        this.g = new double[nv];
        this.f = new double[nh];
        this.hv = new double[nh];
        this.vBuf = new double[nv];
        this.hBuf = new double[nh];
    }

    public int visible() { return nv; }

    public int hidden() { return nh; }

    @Override public int dimension() { return nv + nh; }

    /** The state on the slow manifold: [v; X^T g(v)]. */
    public double[] slowState(double[] v) {
        double[] s = new double[nv + nh];
        System.arraycopy(v, 0, s, 0, nv);
        lv.gradient(v, g);
        x.projectOnto(g, hv);
        System.arraycopy(hv, 0, s, nv, nh);
        return s;
    }

    private double[] split(double[] s, int from, int len) {
        double[] out = new double[len];
        System.arraycopy(s, from, out, 0, len);
        return out;
    }

    @Override public void evaluate(double t, double[] s, double[] ds) {
        double[] v = vBuf, h = hBuf;
        System.arraycopy(s, 0, v, 0, nv);
        System.arraycopy(s, nv, h, 0, nh);
        lv.gradient(v, g);
        lh.gradient(h, f);
        x.combine(f, ds);
        for (int i = 0; i < nv; i++) {
            ds[i] = (ds[i] - v[i] + input[i]) / tauV;
        }
        x.projectOnto(g, hv);
        for (int mu = 0; mu < nh; mu++) {
            ds[nv + mu] = (hv[mu] - h[mu]) / tauH;
        }
    }

    /**
     * The fast-hidden limit (tau_h -> 0) on the visible units alone: {@code tau_v dv/dt = X f(X^T g(v)) - v + I}, with
     * h slaved to {@code X^T g(v)}.
     */
    public VectorField fastHiddenLimit() {
        double[] gv = new double[nv], hv2 = new double[nh], fv = new double[nh];
        return new VectorField() {
            @Override public int dimension() { return nv; }

            @Override public void evaluate(double t, double[] v, double[] dv) {
                lv.gradient(v, gv);
                x.projectOnto(gv, hv2);
                lh.gradient(hv2, fv);
                x.combine(fv, dv);
                for (int i = 0; i < nv; i++) {
                    dv[i] = (dv[i] - v[i] + input[i]) / tauV;
                }
            }
        };
    }

    @Override public double energy(double[] s) {
        double[] v = split(s, 0, nv), h = split(s, nv, nh);
        lv.gradient(v, g);
        lh.gradient(h, f);
        double e = -lv.value(v) - lh.value(h);
        for (int i = 0; i < nv; i++) {
            e += (v[i] - input[i]) * g[i];
        }
        for (int mu = 0; mu < nh; mu++) {
            e += h[mu] * f[mu];
        }
        x.projectOnto(g, hv);
        for (int mu = 0; mu < nh; mu++) {
            e -= f[mu] * hv[mu];
        }
        return e;
    }

    /**
     * {@code dE/dt} predicted by the Hessians at s: {@code -tau_v vdot^T H_v vdot - tau_h hdot^T H_h hdot}.
     */
    public double energyRate(double[] s) {
        double[] ds = new double[nv + nh];
        evaluate(0, s, ds);
        double[] v = split(s, 0, nv), h = split(s, nv, nh);
        double[] vd = split(ds, 0, nv), hd = split(ds, nv, nh);
        double[] hvv = new double[nv], hhh = new double[nh];
        lv.hessianTimes(v, vd, hvv);
        lh.hessianTimes(h, hd, hhh);
        double r = 0;
        for (int i = 0; i < nv; i++) {
            r -= tauV * vd[i] * hvv[i];
        }
        for (int mu = 0; mu < nh; mu++) {
            r -= tauH * hd[mu] * hhh[mu];
        }
        return r;
    }

    @Override public void gradient(double[] s, double[] grad) {
        throw new UnsupportedOperationException("the two-layer energy's gradient is not needed");
    }
}
