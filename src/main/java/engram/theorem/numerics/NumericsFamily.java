package engram.theorem.numerics;

import engram.analysis.Convergence;
import engram.claim.Claim;
import engram.claim.ClaimFamily;
import engram.figure.Figure;
import engram.figure.Plot;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The numerics family: the Hipparchus oracles' accuracy, the orders of Engram's own integrators, the adaptive pair's
 * tolerance, Euler-Maruyama's strong and weak orders and its stationary density.
 */
public final class NumericsFamily implements ClaimFamily {

    @Override public String name() { return "numerics"; }

    @Override public String title() { return "Numerics: oracles and Engram's own integrators"; }

    @Override public List<Claim<?>> claims() {
        return List.of(new OracleAccuracyClaim(), IntegrateFixedStepOrderClaim.euler(), IntegrateFixedStepOrderClaim.rk4(),
                new IntegrateAdaptiveToleranceClaim(), new IntegrateDp54LocalOrderClaim(), IntegrateEulerMaruyamaOrderClaim.strong(), IntegrateEulerMaruyamaOrderClaim.weak(),
                new SdeStationaryDensityClaim());
    }

    @Override public List<Figure> figures(long seed) {
        return List.of(convergence(seed));
    }

    /** Global error against the oracle versus step size for Euler and RK4 on one voltage model. */
    static Figure convergence(long seed) {
        IntegrateFixedStepOrderClaim.Case k = new IntegrateFixedStepOrderClaim.Case("voltage", 4, 2.0, 1.2, 0, seed);
        List<Plot.Series> series = new ArrayList<>();
        for (IntegrateFixedStepOrderClaim claim : List.of(IntegrateFixedStepOrderClaim.euler(), IntegrateFixedStepOrderClaim.rk4())) {
            Convergence.Estimate e = claim.estimate(k);
            series.add(Plot.Series.points(claim.id() + String.format(Locale.ROOT, " (fitted p = %.2f)", e.order()),
                    e.steps(), e.errors()));
        }
        return new Plot("convergence.png", "Sup-norm error against the oracle versus step size (log-log) for one "
                + "voltage model (claims integrate.euler-order and integrate.rk4-order).",
                "Convergence of Engram's integrators against the DP853 oracle", "step h", "sup error", true, true, series);
    }
}
