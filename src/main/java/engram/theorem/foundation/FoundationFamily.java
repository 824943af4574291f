package engram.theorem.foundation;

import engram.activation.ActivationKind;
import engram.claim.Claim;
import engram.claim.ClaimFamily;
import engram.figure.Figure;
import engram.figure.Plot;
import engram.integrate.Trajectory;
import engram.memory.MemoryKind;
import engram.network.ModelKind;
import engram.network.Network;
import engram.network.NetworkSpec;
import engram.oracle.Oracle;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The foundation family (theory.md section 1): energies of the voltage and discrete models, positivity of rates, the
 * rate-voltage equivalence and contraction.
 */
public final class FoundationFamily implements ClaimFamily {

    @Override public String name() { return "foundation"; }

    @Override public String title() { return "Foundation: voltage, rate and discrete Hopfield models"; }

    @Override public List<Claim<?>> claims() {
        return List.of(new VoltageEnergyMonotoneClaim(), new DiscreteEnergyMonotoneClaim(), new RatePositivityClaim(),
                new RateVoltageEquivalenceClaim(), new VoltageContractionClaim(), new ModelDerivativesClaim());
    }

    @Override public List<Figure> figures(long seed) {
        return List.of(energyTraces(seed));
    }

    /**
     * Energy of the voltage model (Hebbian W, N = 200, P = 5 random memories, tanh gain 2, zero diagonal) along DP853
     * trajectories from five noisy cues: every curve must be non-increasing.
     */
    static Figure energyTraces(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Network net = NetworkSpec.builder().model(ModelKind.VOLTAGE).n(200).p(5).memories(MemoryKind.RANDOM)
                .activation(ActivationKind.TANH, 2.0, 0).zeroDiagonal(true).build().build(rng);
        int n = net.n(), p = net.p();
        List<Plot.Series> series = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            double[] x0 = new double[n];
            for (int i = 0; i < n; i++) {
                x0[i] = (rng.nextDouble() < 0.3 ? -1 : 1) * net.memories().get(i, k % p) * 0.5 + 0.3 * rng.nextGaussian();
            }
            Trajectory tr = Oracle.dp853().sample(net.field(), 0, x0, 8, 0.05);
            double[] t = new double[tr.size()];
            double[] e = new double[tr.size()];
            for (int s = 0; s < tr.size(); s++) {
                t[s] = tr.time(s);
                e[s] = net.energy(tr.state(s));
            }
            series.add(Plot.Series.line("cue of memory " + (k % p + 1), t, e));
        }
        return new Plot("energy.png", "Energy E(x(t)) of the voltage model along DP853 oracle trajectories from five "
                + "noisy cues (claim voltage.energy-monotone): each curve is non-increasing.",
                "Voltage-model energy along oracle trajectories (N=200, P=5, tanh gain 2)", "t", "E(x(t))", false, false,
                series);
    }
}
