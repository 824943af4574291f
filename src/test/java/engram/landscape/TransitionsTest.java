package engram.landscape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import engram.memory.PatternSet;
import java.util.Arrays;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * The transition machinery against what is known without simulation: the modern Hopfield network's saddle between two
 * orthogonal memories by symmetry, its Hessian in closed form, the fits on rows built from the law itself, the Student
 * interval, and reproducible paths.
 */
class TransitionsTest {

    static final double BETA = 2, L = 1.35;

    @Test
    void theSaddleBetweenTwoOrthogonalMemoriesIsTheirSymmetricPoint() {
        for (int n : new int[] {2, 4, 8}) {
            PatternSet xi = Transitions.orthogonalPair(n, L);
            Transitions.Wells w = Transitions.modern(xi, BETA, 0, 1);
            // y_s = (1/2, 1/2): E_s = L/4 - (L/2 + log 2 / beta), Hessian eigenvalue 1 - beta L / 2 along xi_1 - xi_2
            assertThat(w.unstable()).isCloseTo(1 - BETA * L / 2, Offset.offset(1e-12));
            assertThat(w.detSaddle()).isCloseTo(1 - BETA * L / 2, Offset.offset(1e-12));
            // the minimum y = (q, 1 - q), q = 1 / (1 + exp(-beta L (2q - 1))), by bisection on the scalar equation
            double lo = 0.5 + 1e-9, hi = 1;
            for (int k = 0; k < 200; k++) {
                double q = 0.5 * (lo + hi);
                if (q - 1 / (1 + Math.exp(-BETA * L * (2 * q - 1))) < 0) {
                    lo = q;
                } else {
                    hi = q;
                }
            }
            double q = 0.5 * (lo + hi);
            double em = 0.5 * L * (q * q + (1 - q) * (1 - q)) - Math.log(Math.exp(BETA * L * q) + Math.exp(BETA * L * (1 - q)))
                    / BETA;
            double es = L / 4 - L / 2 - Math.log(2) / BETA;
            assertThat(w.barrier()).as("n " + n).isCloseTo(es - em, Offset.offset(1e-12));
            // det(I - beta C G) at the minimum: C = q (1 - q) [[1, -1], [-1, 1]], G = L I
            assertThat(w.detMinimum()).isCloseTo(1 - 2 * BETA * L * q * (1 - q), Offset.offset(1e-12));
        }
    }

    @Test
    void theFitsRecoverTheLawFromRowsBuiltWithIt() {
        Transitions.Wells w = Transitions.modern(Transitions.orthogonalPair(2, L), BETA, 0, 1);
        double[] sigmas = Transitions.sigmas(w.barrier(), new double[] {2.5, 3, 3.5, 4});
        Transitions.Row[] exact = new Transitions.Row[4], corrected = new Transitions.Row[4];
        for (int k = 0; k < 4; k++) {
            double s = sigmas[k], ek = w.eyringKramers(s);
            exact[k] = new Transitions.Row(s, ek, ek, ek, ek, 0, 0.05);
            corrected[k] = new Transitions.Row(s, ek * Math.exp(3 * s * s), ek, ek, ek, 0, 0.05);
        }
        assertThat(Transitions.arrhenius(exact)[0]).isCloseTo(2 * w.barrier(), Offset.offset(1e-12));
        assertThat(Transitions.eyringKramersFit(exact)[0]).isCloseTo(0, Offset.offset(1e-12));
        double[] fit = Transitions.eyringKramersFit(corrected);
        assertThat(fit[0]).isCloseTo(0, Offset.offset(1e-12));
        assertThat(fit[2]).isCloseTo(3, Offset.offset(1e-9));
        // a prefactor off by sqrt(det Hess E(m)) leaves the intercept at its log
        Transitions.Row[] wrong = new Transitions.Row[4];
        for (int k = 0; k < 4; k++) {
            wrong[k] = new Transitions.Row(sigmas[k], exact[k].meanTime(), 0, 0, exact[k].eyringKramers()
                    * Math.sqrt(w.detMinimum()), 0, 0.05);
        }
        assertThat(Transitions.eyringKramersFit(wrong)[0]).isCloseTo(-0.5 * Math.log(w.detMinimum()), Offset.offset(1e-12));
    }

    @Test
    void aRowHasTheStudentIntervalAndCountsCensoredPaths() {
        Transitions.Row r = Transitions.row(0.3, new double[] {1, 2, 3, 4, Double.POSITIVE_INFINITY}, 2);
        // mean 2.5, sd sqrt(5/3), t(0.975, 3) = 3.182446305
        double half = 3.182446305284263 * Math.sqrt(5.0 / 3) / 2;
        assertThat(r.meanTime()).isEqualTo(2.5);
        assertThat(r.low()).isCloseTo(2.5 - half, Offset.offset(1e-9));
        assertThat(r.high()).isCloseTo(2.5 + half, Offset.offset(1e-9));
        assertThat(r.censored()).isEqualTo(1);
    }

    @Test
    void pathsAreReproducibleFromTheSeedAndEndInTheTargetBall() {
        PatternSet xi = Transitions.orthogonalPair(2, L);
        Transitions.Wells w = Transitions.modern(xi, BETA, 0, 1);
        double[] a = Transitions.firstPassage(Transitions.modernDrift(xi, BETA), w.from(), w.to(), 0.3, 0.3, 40, 0.01, 1e4, 5);
        double[] b = Transitions.firstPassage(Transitions.modernDrift(xi, BETA), w.from(), w.to(), 0.3, 0.3, 40, 0.01, 1e4, 5);
        assertThat(a).containsExactly(b);
        assertThat(Arrays.stream(a).allMatch(t -> t > 0 && Double.isFinite(t))).isTrue();
        double[] none = Transitions.firstPassage(Transitions.modernDrift(xi, BETA), w.from(), w.to(), 0.3, 1e-6, 4, 0.01, 5, 5);
        assertThat(none).containsOnly(Double.POSITIVE_INFINITY);
    }

    @Test
    void wellsWithoutAnIndexOneSaddleAreRefused() {
        // beta L = 1.8 < 2: the two memories have merged into one minimum
        assertThatThrownBy(() -> Transitions.modern(Transitions.orthogonalPair(2, 0.9), BETA, 0, 1))
                .hasMessageContaining("index-1 saddle");
    }
}
