package engram.analysis;

import engram.activation.Activation;
import engram.activation.Tanh;
import engram.integrate.Diffusion;
import engram.integrate.Euler;
import engram.integrate.EulerMaruyama;
import engram.integrate.StepObserver;
import engram.memory.PatternSet;
import engram.memory.Patterns;
import engram.model.InputDriven;
import engram.model.MixedInputs;
import engram.model.VoltageModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.hipparchus.stat.interval.BinomialProportion;
import org.hipparchus.stat.interval.ConfidenceInterval;

/**
 * The mixed-input experiment of the IDP paper (theory.md section 3, from the authors' code): random +-1 memories,
 * x0 ~ N(0, I), a sequence of mixed inputs (memory j dominant in input j), each held for a duration T, integrated by
 * Euler-Maruyama with additive noise sigma (Euler when sigma = 0), with the IDP network or the classic comparator,
 * psi = tanh(gain x), zero diagonal. After each input the readout {@code m_mu = |xi_mu^T psi(x)| / N} decides: the
 * input is retrieved when the dominant memory's overlap is the largest and at least {@value #RETRIEVED_OVERLAP} (the
 * state sits in that memory's well: at least 95% of the signs agree). Trials run in parallel; each draws its memories,
 * weights, start and noise from its own seed, and both models see the same ones, so results do not depend on the
 * number of threads and the two models are compared on common random numbers.
 */
public final class MixedInputRetrieval {

    /** The dominant overlap at or above which an input counts as retrieved. */
    public static final double RETRIEVED_OVERLAP = 0.9;

    private MixedInputRetrieval() {
    }

    /** Which network. */
    public enum Model {
        IDP, CLASSIC;

        @Override public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The experiment's sizes and times. */
    public record Settings(int n, int p, int inputs, double dt, double duration, double gain, double sigma) {

        public Settings {
            if (n < 2 || p < 1 || p > n || inputs < 1 || inputs > p) {
                throw new IllegalArgumentException("need 2 <= N, 1 <= inputs <= P <= N; got N=" + n + ", P=" + p
                        + ", inputs=" + inputs);
            }
            if (!(dt > 0) || !(duration >= dt) || !(gain > 0) || !(sigma >= 0) || !Double.isFinite(sigma)) {
                throw new IllegalArgumentException("need dt > 0, T >= dt, gain > 0, sigma >= 0");
            }
        }

        /** theory.md's settings: N = 1024, P = 10, three inputs, dt = 0.01, T = 10 per input, tanh(10 x). */
        public static Settings paper(double sigma) {
            return new Settings(1024, 10, 3, 0.01, 10, 10, sigma);
        }

        public Settings withSigma(double s) {
            return new Settings(n, p, inputs, dt, duration, gain, s);
        }

        public int steps() {
            return (int) Math.round(duration / dt);
        }
    }

    /** The end of one input: the dominant memory's overlap, the largest other, and the verdicts. */
    public record Outcome(int input, double dominantOverlap, double bestOtherOverlap) {

        public boolean largest() {
            return dominantOverlap > bestOtherOverlap;
        }

        public boolean retrieved() {
            return largest() && dominantOverlap >= RETRIEVED_OVERLAP;
        }
    }

    /** Receives the overlaps with every memory during a trial (time runs on across the inputs). */
    @FunctionalInterface
    public interface Trace {
        void overlaps(double t, double[] m);
    }

    /** A trial's network: memories, input weights (P x inputs, row-major) and start. */
    public record Trial(PatternSet memories, double[] weights, double[] start, SplittableRandom noise) {

        public static Trial draw(Settings s, long seed) {
            SplittableRandom rng = new SplittableRandom(seed);
            PatternSet xi = Patterns.randomBinary(s.n(), s.p(), rng);
            double[] w = MixedInputs.paperWeights(s.p(), s.inputs(), s.n(), rng);
            double[] x0 = new double[s.n()];
            for (int i = 0; i < x0.length; i++) {
                x0[i] = rng.nextGaussian();
            }
            return new Trial(xi, w, x0, rng.split());
        }

        /** Input j as a vector. */
        public double[] input(Settings s, int j) {
            return MixedInputs.input(memories, MixedInputs.column(weights, s.p(), s.inputs(), j));
        }
    }

    /** The model that input u drives. */
    public static VoltageModel model(Model m, PatternSet xi, double[] u, Activation psi) {
        return m == Model.IDP ? InputDriven.model(1.0, xi, u, psi, true) : InputDriven.classic(1.0, xi, u, psi);
    }

    /** Runs one trial through its inputs; {@code trace} (may be null) receives the overlaps every {@code every} steps. */
    public static List<Outcome> run(Model m, Settings s, Trial trial, Trace trace, int every) {
        Activation psi = new Tanh(s.gain());
        double[] x = trial.start().clone();
        SplittableRandom noise = trial.noise().split();
        List<Outcome> out = new ArrayList<>();
        double[] buffer = new double[s.n()], overlaps = new double[s.p()];
        int steps = s.steps();
        for (int j = 0; j < s.inputs(); j++) {
            VoltageModel model = model(m, trial.memories(), trial.input(s, j), psi);
            double offset = j * s.duration();
            StepObserver observer = trace == null ? StepObserver.NONE : (t, y) -> {
                InputDriven.overlaps(trial.memories(), psi, y, buffer, overlaps);
                trace.overlaps(offset + t, overlaps);
            };
            if (s.sigma() > 0) {
                new EulerMaruyama(model, Diffusion.additive(s.sigma())).integrate(0, x, s.duration(), steps, noise, every,
                        observer);
            } else {
                new Euler(s.n()).integrate(model, 0, x, s.duration(), steps, every, observer);
            }
            InputDriven.overlaps(trial.memories(), psi, x, buffer, overlaps);
            double other = 0;
            for (int mu = 0; mu < s.p(); mu++) {
                if (mu != j) {
                    other = Math.max(other, overlaps[mu]);
                }
            }
            out.add(new Outcome(j, overlaps[j], other));
        }
        return out;
    }

    /** The seed of trial k of a run seeded with {@code seed}. */
    public static long trialSeed(long seed, int k) {
        return new SplittableRandom(seed ^ 0x5DEECE66DL * (k + 1)).nextLong();
    }

    /** Counts over many trials. */
    public record Tally(Model model, double sigma, int inputs, int retrieved, int largest, double meanDominantOverlap) {

        public double rate() {
            return retrieved / (double) inputs;
        }

        /** The Wilson score interval of the retrieval rate at the given confidence level. */
        public double[] wilson(double level) {
            ConfidenceInterval ci = BinomialProportion.getWilsonScoreInterval(inputs, rate(), level);
            return new double[] {Math.max(0, ci.getLowerBound()), Math.min(1, ci.getUpperBound())};
        }
    }

    /** {@code trials} trials in parallel (deterministic: results are gathered in trial order). */
    public static Tally tally(Model m, Settings s, int trials, long seed) {
        return tally(m, s, trials, seed, done -> { });
    }

    /** {@link #tally(Model, Settings, int, long)}, telling {@code progress} how many trials have finished. */
    public static Tally tally(Model m, Settings s, int trials, long seed, IntConsumer progress) {
        AtomicInteger finished = new AtomicInteger();
        List<List<Outcome>> all = IntStream.range(0, trials).parallel()
                .mapToObj(k -> {
                    List<Outcome> o = run(m, s, Trial.draw(s, trialSeed(seed, k)), null, s.steps());
                    progress.accept(finished.incrementAndGet());
                    return o;
                }).toList();
        int count = 0, retrieved = 0, largest = 0;
        double overlap = 0;
        for (List<Outcome> outcomes : all) {
            for (Outcome o : outcomes) {
                count++;
                retrieved += o.retrieved() ? 1 : 0;
                largest += o.largest() ? 1 : 0;
                overlap += o.dominantOverlap();
            }
        }
        return new Tally(m, s.sigma(), count, retrieved, largest, overlap / count);
    }
}
