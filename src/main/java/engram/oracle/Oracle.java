package engram.oracle;

import engram.integrate.Switching;
import engram.integrate.Trajectory;
import engram.integrate.VectorField;
import org.hipparchus.analysis.UnivariateFunction;
import org.hipparchus.analysis.solvers.BracketedUnivariateSolver;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;
import org.hipparchus.ode.ODEIntegrator;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.events.Action;
import org.hipparchus.ode.events.AdaptableInterval;
import org.hipparchus.ode.events.ODEEventDetector;
import org.hipparchus.ode.events.ODEEventHandler;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.hipparchus.ode.nonstiff.GraggBulirschStoerIntegrator;
import org.hipparchus.ode.sampling.ODEStateInterpolator;
import org.hipparchus.ode.sampling.ODEStepHandler;

/**
 * Reference solutions from Hipparchus 4.0.3: Dormand-Prince 8(5,3) and Gragg-Bulirsch-Stoer, used as independent
 * oracles for Engram's own integrators and for every trajectory-level claim. Default tolerances are
 * {@link #DEFAULT_TOLERANCE} (absolute and relative); claim {@code oracle.accuracy} shows the oracle's error is
 * orders of magnitude below every tolerance it judges. A new Hipparchus integrator is built per call (they are not
 * thread-safe).
 */
public final class Oracle {

    /** Absolute and relative tolerance of the reference integrators. */
    public static final double DEFAULT_TOLERANCE = 1e-12;

    /** The reference method. */
    public enum Method {
        DP853, GBS
    }

    private final Method method;
    private final double tolerance;

    public Oracle(Method method, double tolerance) {
        if (!(tolerance > 0)) {
            throw new IllegalArgumentException("oracle tolerance must be > 0, got " + tolerance);
        }
        this.method = method;
        this.tolerance = tolerance;
    }

    public static Oracle dp853() {
        return new Oracle(Method.DP853, DEFAULT_TOLERANCE);
    }

    public static Oracle gbs() {
        return new Oracle(Method.GBS, DEFAULT_TOLERANCE);
    }

    public Method method() { return method; }

    public double tolerance() { return tolerance; }

    /**
     * The integrator for [t0, t1]. The step floor is 1e-12 of the span. Without dense output ({@code dense} false,
     * {@link #solve}), GBS does not let its interpolation-error estimate limit the step: that estimate rests on high
     * derivatives from differences of the field at the substeps, which at rest are rounding noise, so a short last
     * step was rejected again and again until the floor was reached (seen at T = 39.6 on a firing-rate network long at
     * rest: "minimal step size (3.96E-11) reached, integration needs 2.39E-11"; without a floor it never ended).
     * Step ends keep their full accuracy; only interpolation inside a step needs that control.
     */
    private ODEIntegrator newIntegrator(double t0, double t1, boolean dense) {
        double span = Math.abs(t1 - t0);
        double minStep = 1e-12 * span;
        double maxStep = span;
        return switch (method) {
            case DP853 -> new DormandPrince853Integrator(minStep, maxStep, tolerance, tolerance);
            case GBS -> {
                GraggBulirschStoerIntegrator gbs = new GraggBulirschStoerIntegrator(minStep, maxStep, tolerance, tolerance);
                if (!dense) {
                    gbs.setInterpolationControl(false, GBS_MUDIF);
                }
                yield gbs;
            }
        };
    }

    /** Hipparchus' default for GBS's dense-output order parameter. */
    private static final int GBS_MUDIF = 4;

    /**
     * For a field with switching functions ({@link Switching}), one event detector per function, so that every step
     * ends where a trajectory crosses a kink of the activation and the next one starts from the other side's field
     * ({@code RESET_DERIVATIVES}): each step then integrates a smooth piece, and both oracles keep their accuracy. A
     * step's end state is shared by all detectors, so the switching functions cost one field evaluation per state.
     */
    private static void locateKinks(ODEIntegrator integrator, VectorField f, double span) {
        if (!(f instanceof Switching s) || s.switchingFunctions() == 0) {
            return;
        }
        int m = s.switchingFunctions();
        SwitchingValues values = new SwitchingValues(s, m);
        BracketedUnivariateSolver<UnivariateFunction> solver =
                new BracketingNthOrderBrentSolver(1e-14 * Math.max(1, span), 5);
        for (int k = 0; k < m; k++) {
            int index = k;
            integrator.addEventDetector(new ODEEventDetector() {
                @Override public AdaptableInterval getMaxCheckInterval() {
                    return AdaptableInterval.of(Double.POSITIVE_INFINITY);
                }

                @Override public int getMaxIterationCount() { return 200; }

                @Override public BracketedUnivariateSolver<
                        UnivariateFunction> getSolver() {
                    return solver;
                }

                @Override public ODEEventHandler getHandler() {
                    return (state, detector, increasing) -> {
                        values.crossings++;
                        return Action.RESET_DERIVATIVES;
                    };
                }

                @Override public double g(ODEStateAndDerivative state) {
                    if (values.crossings > MAX_KINK_CROSSINGS) {
                        return 1; // a trajectory that chatters along a kink: integrate on without locating it
                    }
                    double v = values.at(state)[index];
                    // a field that sits exactly on a kink (a unit with zero input at a ReLU's 0) is no crossing
                    return v == 0 ? Double.MIN_NORMAL : v;
                }
            });
        }
    }

    /**
     * Kink crossings located per integration before location stops (a trajectory that slides along a kink, its field
     * hovering at round-off around the kink, would otherwise end a step at every hover).
     */
    static final int MAX_KINK_CROSSINGS = 10_000;

    /** The switching functions at the last state asked for (the detectors ask in turn at the same state). */
    private static final class SwitchingValues {
        int crossings;
        private final Switching field;
        private final double[] values;
        private ODEStateAndDerivative last;

        SwitchingValues(Switching field, int m) {
            this.field = field;
            this.values = new double[m];
        }

        double[] at(ODEStateAndDerivative state) {
            if (state != last) {
                field.switching(state.getTime(), state.getPrimaryState(), values);
                last = state;
            }
            return values;
        }
    }

    private static OrdinaryDifferentialEquation adapt(VectorField f) {
        return new OrdinaryDifferentialEquation() {
            @Override public int getDimension() { return f.dimension(); }

            @Override public double[] computeDerivatives(double t, double[] y) {
                double[] d = new double[y.length];
                f.evaluate(t, y, d);
                return d;
            }
        };
    }

    /** The state at t1 starting from x0 at t0 (x0 is not modified). */
    public double[] solve(VectorField f, double t0, double[] x0, double t1) {
        // kink location reads the dense output, so GBS keeps its interpolation control there
        boolean kinked = f instanceof Switching s && s.switchingFunctions() > 0;
        ODEIntegrator integrator = newIntegrator(t0, t1, kinked);
        locateKinks(integrator, f, Math.abs(t1 - t0));
        ODEStateAndDerivative end = integrator.integrate(adapt(f), new ODEState(t0, x0.clone()), t1);
        return end.getPrimaryState();
    }

    /**
     * States at the exact grid times {@code t0 + k sampleDt} (k = 0, 1, ...) up to t1, plus t1 itself, read from the
     * integrator's dense output. Grid times are computed from k, never accumulated, so two trajectories sampled
     * with the same grid line up sample for sample.
     */
    public Trajectory sample(VectorField f, double t0, double[] x0, double t1, double sampleDt) {
        if (!(sampleDt > 0)) {
            throw new IllegalArgumentException("sampleDt must be > 0, got " + sampleDt);
        }
        Trajectory trajectory = new Trajectory();
        int last = (int) Math.floor((t1 - t0) / sampleDt * (1 + 1e-12));
        ODEIntegrator integrator = newIntegrator(t0, t1, true);
        locateKinks(integrator, f, Math.abs(t1 - t0));
        integrator.addStepHandler(new ODEStepHandler() {
            private int next = 0;

            @Override public void handleStep(ODEStateInterpolator interpolator) {
                double end = interpolator.getCurrentState().getTime();
                while (next <= last && t0 + next * sampleDt <= end) {
                    double t = Math.min(t0 + next * sampleDt, t1);
                    trajectory.observe(t, interpolator.getInterpolatedState(t).getPrimaryState());
                    next++;
                }
            }

            @Override public void finish(ODEStateAndDerivative finalState) {
                if (trajectory.size() == 0 || trajectory.time(trajectory.size() - 1) < t1) {
                    trajectory.observe(t1, finalState.getPrimaryState());
                }
            }
        });
        integrator.integrate(adapt(f), new ODEState(t0, x0.clone()), t1);
        return trajectory;
    }
}
