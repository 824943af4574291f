package engram.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import engram.activation.Tanh;
import engram.model.InputDriven;
import engram.model.VoltageModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The mixed-input experiment against the same experiment written out by hand: Euler steps of each input's model
 * from the trial's start, the readout after each input, the trace's time running on across inputs, and the tally's
 * counts; plus the settings' validation and the verdict boundaries.
 */
class MixedInputRetrievalTest {

    @Test
    void aNoiselessTrialIsEulerOnEachInputsModelInTurn() {
        MixedInputRetrieval.Settings s = new MixedInputRetrieval.Settings(64, 4, 3, 0.01, 2, 3, 0);
        MixedInputRetrieval.Trial trial = MixedInputRetrieval.Trial.draw(s, 5);
        for (MixedInputRetrieval.Model m : MixedInputRetrieval.Model.values()) {
            List<double[]> trace = new ArrayList<>();
            List<MixedInputRetrieval.Outcome> out = MixedInputRetrieval.run(m, s, trial, (t, ov) -> {
                double[] row = new double[ov.length + 1];
                row[0] = t;
                System.arraycopy(ov, 0, row, 1, ov.length);
                trace.add(row);
            }, 50);
            assertThat(out).hasSize(3);
            Tanh psi = new Tanh(3);
            double[] x = trial.start().clone();
            for (int j = 0; j < 3; j++) {
                double[] u = trial.input(s, j);
                VoltageModel model = m == MixedInputRetrieval.Model.IDP ? InputDriven.model(1, trial.memories(), u, psi, true)
                        : InputDriven.classic(1, trial.memories(), u, psi);
                double[] f = new double[64];
                for (int k = 0; k < s.steps(); k++) {
                    model.evaluate(0, x, f);
                    for (int i = 0; i < 64; i++) {
                        x[i] += s.dt() * f[i];
                    }
                }
                double[] buffer = new double[64], ov = new double[4];
                InputDriven.overlaps(trial.memories(), psi, x, buffer, ov);
                double other = 0;
                for (int mu = 0; mu < 4; mu++) {
                    other = mu == j ? other : Math.max(other, ov[mu]);
                }
                MixedInputRetrieval.Outcome o = out.get(j);
                assertThat(o.input()).isEqualTo(j);
                assertThat(o.dominantOverlap()).as(m + " input " + j).isCloseTo(ov[j], within(1e-10));
                assertThat(o.bestOtherOverlap()).isCloseTo(other, within(1e-10));
            }
            // samples every 50 steps of 200 per input, time running on: 0, 0.5, ..., 2, then 2, 2.5, ...
            assertThat(trace).hasSize(15);
            assertThat(trace.get(4)[0]).isCloseTo(2, within(1e-12));
            assertThat(trace.get(5)[0]).isCloseTo(2, within(1e-12));
            assertThat(trace.get(14)[0]).isCloseTo(6, within(1e-12));
            assertThat(trace.get(14)[3]).isCloseTo(out.get(2).dominantOverlap(), within(1e-10));
        }
        assertThat(MixedInputRetrieval.Model.IDP.toString()).isEqualTo("idp");
        assertThat(MixedInputRetrieval.Model.CLASSIC.toString()).isEqualTo("classic");
        // the IDP model has no additive input and keeps the diagonal; the classic one the reverse
        VoltageModel idp = MixedInputRetrieval.model(MixedInputRetrieval.Model.IDP, trial.memories(), trial.input(s, 0),
                new Tanh(1));
        assertThat(idp.input().u0()).containsOnly(0.0);
        VoltageModel classic = MixedInputRetrieval.model(MixedInputRetrieval.Model.CLASSIC, trial.memories(),
                trial.input(s, 0), new Tanh(1));
        assertThat(classic.input().u0()).containsExactly(trial.input(s, 0));
        assertThat(classic.couplings().entry(1, 1)).isZero();
    }

    @Test
    void noisyTrialsAreReproducibleAndTheTallyCountsThem() {
        MixedInputRetrieval.Settings s = new MixedInputRetrieval.Settings(64, 4, 2, 0.01, 1, 5, 0.5);
        MixedInputRetrieval.Trial t1 = MixedInputRetrieval.Trial.draw(s, 9), t2 = MixedInputRetrieval.Trial.draw(s, 9);
        List<MixedInputRetrieval.Outcome> a = MixedInputRetrieval.run(MixedInputRetrieval.Model.IDP, s, t1, null, 10);
        List<MixedInputRetrieval.Outcome> b = MixedInputRetrieval.run(MixedInputRetrieval.Model.IDP, s, t2, null, 10);
        assertThat(a).isEqualTo(b);
        List<MixedInputRetrieval.Outcome> quiet = MixedInputRetrieval.run(MixedInputRetrieval.Model.IDP, s.withSigma(0),
                t1, null, 10);
        assertThat(quiet.get(0).dominantOverlap()).isNotEqualTo(a.get(0).dominantOverlap());
        MixedInputRetrieval.Tally tally = MixedInputRetrieval.tally(MixedInputRetrieval.Model.IDP, s, 4, 3);
        assertThat(tally.inputs()).isEqualTo(8);
        assertThat(tally.sigma()).isEqualTo(0.5);
        assertThat(tally.model()).isEqualTo(MixedInputRetrieval.Model.IDP);
        int retrieved = 0, largest = 0;
        double mean = 0;
        for (int k = 0; k < 4; k++) {
            MixedInputRetrieval.Trial t = MixedInputRetrieval.Trial.draw(s, MixedInputRetrieval.trialSeed(3, k));
            for (MixedInputRetrieval.Outcome o : MixedInputRetrieval.run(MixedInputRetrieval.Model.IDP, s, t, null, 100)) {
                retrieved += o.retrieved() ? 1 : 0;
                largest += o.largest() ? 1 : 0;
                mean += o.dominantOverlap() / 8;
            }
        }
        assertThat(tally.retrieved()).isEqualTo(retrieved);
        assertThat(tally.largest()).isEqualTo(largest);
        assertThat(tally.meanDominantOverlap()).isCloseTo(mean, within(1e-12));
        assertThat(tally.rate()).isEqualTo(retrieved / 8.0);
        double[] w = new MixedInputRetrieval.Tally(MixedInputRetrieval.Model.IDP, 0, 20, 20, 20, 1).wilson(0.95);
        assertThat(w[1]).isCloseTo(1.0, within(1e-12));
        assertThat(w[0]).isGreaterThan(0.8).isLessThan(1);
        assertThat(MixedInputRetrieval.trialSeed(3, 0)).isNotEqualTo(MixedInputRetrieval.trialSeed(3, 1));
    }

    /**
     * The experiments' W(u) has its diagonal removed, as the authors' code has it (the orthogonal-memory theorems keep
     * it: idp.orthogonal-equilibria): every W_ii is 0 and every W_ij off the diagonal is sum_mu alpha_mu xi_i xi_j / N.
     */
    @Test
    void theExperimentsCouplingsHaveNoDiagonal() {
        var s = MixedInputRetrieval.Settings.paper(0);
        var trial = MixedInputRetrieval.Trial.draw(new MixedInputRetrieval.Settings(16, 3, 2, 0.01, 1, 10, 0), 5);
        double[] u = trial.input(new MixedInputRetrieval.Settings(16, 3, 2, 0.01, 1, 10, 0), 0);
        var model = MixedInputRetrieval.model(MixedInputRetrieval.Model.IDP, trial.memories(), u,
                new Tanh(10));
        double[] alpha = InputDriven.alpha(trial.memories(), u);
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < 16; j++) {
                double expected = 0;
                for (int mu = 0; mu < 3; mu++) {
                    expected += alpha[mu] * trial.memories().get(i, mu) * trial.memories().get(j, mu) / 16;
                }
                assertThat(model.couplings().entry(i, j)).as("W_%d%d", i, j).isCloseTo(i == j ? 0 : expected, within(1e-12));
            }
        }
        assertThat(s.n()).isEqualTo(1024);
    }

    @Test
    void verdictsAndSettings() {
        assertThat(new MixedInputRetrieval.Outcome(0, 0.9, 0.2).retrieved()).isTrue();
        assertThat(new MixedInputRetrieval.Outcome(0, Math.nextDown(0.9), 0.2).retrieved()).isFalse();
        assertThat(new MixedInputRetrieval.Outcome(0, Math.nextDown(0.9), 0.2).largest()).isTrue();
        assertThat(new MixedInputRetrieval.Outcome(0, 0.95, 0.95).largest()).isFalse();
        assertThat(new MixedInputRetrieval.Outcome(0, 0.95, 0.95).retrieved()).isFalse();
        MixedInputRetrieval.Settings paper = MixedInputRetrieval.Settings.paper(2);
        assertThat(paper.n()).isEqualTo(1024);
        assertThat(paper.steps()).isEqualTo(1000);
        assertThat(paper.withSigma(3).sigma()).isEqualTo(3.0);
        assertThat(paper.withSigma(3).p()).isEqualTo(10);
        double[][] bad = {{1, 1, 1}, {4, 0, 1}, {4, 5, 1}, {4, 2, 0}, {4, 2, 3}};
        for (double[] b : bad) {
            assertThatThrownBy(() -> new MixedInputRetrieval.Settings((int) b[0], (int) b[1], (int) b[2], 0.1, 1, 1, 0))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> new MixedInputRetrieval.Settings(4, 2, 1, 0, 1, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MixedInputRetrieval.Settings(4, 2, 1, 0.1, 0.05, 1, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MixedInputRetrieval.Settings(4, 2, 1, 0.1, 1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MixedInputRetrieval.Settings(4, 2, 1, 0.1, 1, 1, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MixedInputRetrieval.Settings(4, 2, 1, 0.1, 1, 1, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new MixedInputRetrieval.Settings(2, 2, 2, 0.1, 0.1, 1, 0).steps()).isEqualTo(1);
        assertThat(new MixedInputRetrieval.Settings(2, 1, 1, 0.1, 0.1, 1, 0).p()).isEqualTo(1);
    }

    @Test
    void aTallyIsTheSumOfItsTrialsAndTrialsStartFromGaussianStates() {
        MixedInputRetrieval.Settings s = new MixedInputRetrieval.Settings(40, 3, 3, 0.05, 3, 3, 0);
        // 5 trials of 3 inputs: an odd count, so "largest" cannot equal its complement
        MixedInputRetrieval.Tally t = MixedInputRetrieval.tally(MixedInputRetrieval.Model.IDP, s, 5, 21);
        int count = 0, retrieved = 0, largest = 0;
        double overlap = 0;
        for (int k = 0; k < 5; k++) {
            MixedInputRetrieval.Trial trial = MixedInputRetrieval.Trial.draw(s, MixedInputRetrieval.trialSeed(21, k));
            for (MixedInputRetrieval.Outcome o : MixedInputRetrieval.run(MixedInputRetrieval.Model.IDP, s, trial, null,
                    s.steps())) {
                count++;
                retrieved += o.retrieved() ? 1 : 0;
                largest += o.largest() ? 1 : 0;
                overlap += o.dominantOverlap();
            }
        }
        assertThat(t.inputs()).isEqualTo(count).isEqualTo(15);
        assertThat(t.retrieved()).isEqualTo(retrieved);
        assertThat(t.largest()).isEqualTo(largest);
        assertThat(t.meanDominantOverlap()).isCloseTo(overlap / count, within(1e-15));
        // the start is iid N(0, 1)
        double[] x0 = MixedInputRetrieval.Trial.draw(new MixedInputRetrieval.Settings(400, 2, 1, 0.1, 1, 1, 0), 5).start();
        double sq = 0;
        for (double v : x0) {
            sq += v * v;
        }
        assertThat(sq / 400).isCloseTo(1, within(5 * Math.sqrt(2.0 / 400)));
        // distinct trials of distinct runs
        Set<Long> seeds = new HashSet<>();
        for (long seed = 0; seed < 50; seed++) {
            for (int k = 0; k < 50; k++) {
                seeds.add(MixedInputRetrieval.trialSeed(seed, k));
            }
        }
        assertThat(seeds).hasSize(2500);
        // the smallest settings allowed, and one past each bound
        assertThat(new MixedInputRetrieval.Settings(2, 2, 2, 0.1, 0.1, 1, 0).steps()).isEqualTo(1);
        assertThat(new MixedInputRetrieval.Settings(2, 1, 1, 0.1, 0.1, 1, 0).p()).isEqualTo(1);
        assertThatThrownBy(() -> new MixedInputRetrieval.Settings(1, 1, 1, 0.1, 1, 1, 0)).hasMessageContaining("2 <= N");
        assertThatThrownBy(() -> new MixedInputRetrieval.Settings(4, 5, 1, 0.1, 1, 1, 0)).hasMessageContaining("P <= N");
        assertThatThrownBy(() -> new MixedInputRetrieval.Settings(4, 3, 4, 0.1, 1, 1, 0)).hasMessageContaining("inputs <= P");
    }
}
