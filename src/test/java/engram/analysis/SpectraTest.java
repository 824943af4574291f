package engram.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import engram.activation.ActivationKind;
import engram.claim.cases.DesignSpec;
import engram.memory.DenseCouplings;
import engram.memory.FiringRateDesign;
import engram.memory.LowRankCouplings;
import engram.memory.MemoryKind;
import engram.memory.PatternSet;
import engram.memory.Patterns;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.hipparchus.linear.EigenDecompositionNonSymmetric;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.junit.jupiter.api.Test;

/**
 * The spectral tools against matrices whose spectra are known: diagonal and triangular matrices, rotations (a complex
 * pair), similarity transforms, and the rank-deficient Gram matrices on which Hipparchus' symmetric solver gives up.
 * The sandwich eigenvalue is tested with its solver in {@link SmallSymmetricTest}.
 */
class SpectraTest {

    @Test
    void spectralNormIsTheLargestSingularValue() {
        double[] w = {3, 0, 0, 0, -5, 0, 0, 0, 1};
        assertThat(Spectra.spectralNorm(new DenseCouplings(3, w))).isCloseTo(5, within(1e-12));
        // a rotation scaled by 2 has both singular values 2
        double c = Math.cos(0.7), s = Math.sin(0.7);
        assertThat(Spectra.spectralNorm(new DenseCouplings(2, new double[] {2 * c, -2 * s, 2 * s, 2 * c})))
                .isCloseTo(2, within(1e-12));
        assertThat(Spectra.matrix(2, new double[] {1, 2, 3, 4}).getEntry(1, 0)).isEqualTo(3.0);
    }

    @Test
    void theSymmetrizedJacobianIsSimilarToTheJacobian() {
        SplittableRandom rng = new SplittableRandom(51);
        for (int trial = 0; trial < 5; trial++) {
            int n = 3 + rng.nextInt(6);
            DenseCouplings w = DenseCouplings.randomSymmetric(n, 2, false, rng);
            double[] d = new double[n];
            for (int i = 0; i < n; i++) {
                d[i] = 0.1 + rng.nextDouble();
            }
            double[] sym = Spectra.symmetrizedJacobian(w, d);
            double[] jac = new double[n * n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    assertThat(sym[i * n + j]).isCloseTo(Math.sqrt(d[i] * d[j]) * w.entry(i, j) - (i == j ? 1 : 0),
                            within(1e-14));
                    jac[i * n + j] = d[i] * w.entry(i, j) - (i == j ? 1 : 0);
                }
            }
            double top = Spectra.maxSymmetrizedEigenvalue(w, d);
            assertThat(top).isCloseTo(Spectra.maxRealPart(n, jac), within(1e-9));
            double[] ev = Spectra.symmetricEigenvalues(n, sym);
            assertThat(ev[0]).isEqualTo(top);
            double trace = 0, sum = 0;
            for (int i = 0; i < n; i++) {
                trace += sym[i * n + i];
                sum += ev[i];
                if (i > 0) {
                    assertThat(ev[i]).isLessThanOrEqualTo(ev[i - 1]);
                }
            }
            assertThat(sum).isCloseTo(trace, within(1e-10));
        }
    }

    @Test
    void symmetricEigenvaluesSurviveTheRankDeficientGramMatrixTheSolverFailsOn() {
        // the case the fallback exists for: a Hebbian matrix of rank 25 at n = 146
        PatternSet xi = Patterns.randomBinary(146, 25, new SplittableRandom(7));
        double[] w = LowRankCouplings.hebbian(xi, false).toDense();
        double[] ev = Spectra.symmetricEigenvalues(146, w);
        assertThat(ev).hasSize(146);
        double trace = 0, sum = 0, frob = 0, sq = 0;
        for (int i = 0; i < 146; i++) {
            trace += w[i * 146 + i];
            sum += ev[i];
            sq += ev[i] * ev[i];
            if (i > 0) {
                assertThat(ev[i]).isLessThanOrEqualTo(ev[i - 1] + 1e-12);
            }
        }
        for (double v : w) {
            frob += v * v;
        }
        assertThat(sum).isCloseTo(trace, within(1e-9));
        assertThat(sq).isCloseTo(frob, within(1e-9 * frob));
        for (int k = 25; k < 146; k++) {
            assertThat(Math.abs(ev[k])).as("eigenvalue %d of a rank-25 matrix", k).isLessThan(1e-11);
        }
        assertThat(ev[24]).isGreaterThan(0.01);
    }

    @Test
    void maxRealPartOfTriangularRotationAndBadlyScaledMatrices() {
        assertThat(Spectra.maxRealPart(3, new double[] {-1, 5, 7, 0, -0.25, 2, 0, 0, -3})).isCloseTo(-0.25, within(1e-12));
        // a rotation generator plus -0.5 I: eigenvalues -0.5 +- 2i
        assertThat(Spectra.maxRealPart(2, new double[] {-0.5, -2, 2, -0.5})).isCloseTo(-0.5, within(1e-12));
        // two close real eigenvalues of a badly scaled matrix: D^-1 diag(-0.97565, -0.96796) D plus a coupling
        double[] a = {-0.97565, 1e6, 0, -0.96796};
        assertThat(Spectra.maxRealPart(2, a)).isCloseTo(-0.96796, within(1e-9));
        SplittableRandom rng = new SplittableRandom(52);
        for (int trial = 0; trial < 5; trial++) {
            int n = 4 + rng.nextInt(5);
            double[] m = new double[n * n];
            for (int k = 0; k < m.length; k++) {
                m[k] = rng.nextGaussian();
            }
            // the largest real part of the eigenvalues is invariant under a diagonal similarity
            double[] scaled = m.clone();
            double[] f = new double[n];
            for (int i = 0; i < n; i++) {
                f[i] = Math.pow(10, rng.nextInt(-3, 4));
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    scaled[i * n + j] = m[i * n + j] * f[j] / f[i];
                }
            }
            assertThat(Spectra.maxRealPart(n, scaled)).isCloseTo(Spectra.maxRealPart(n, m), within(1e-8));
        }
    }

    /**
     * The deep run's seed-7 case: Hipparchus reads an unreduced 2 x 2 Schur block with two real eigenvalues (-0.709
     * and -0.983) as the complex pair -0.846 +- 0.137i, so its largest reported real part is the next eigenvalue,
     * -0.740. The repaired route finds -0.709, the symmetric similar matrix's largest eigenvalue; so does a matrix
     * with the same block structure built by hand.
     */
    @Test
    void aSchurBlockWithTwoRealEigenvaluesIsNotReadAsAComplexPair() {
        var design = new DesignSpec(MemoryKind.BALANCED, 100, 6,
                FiringRateDesign.REFERENCE_Q, FiringRateDesign.REFERENCE_Q,
                ActivationKind.LOGISTIC, 3.0757856, 0.489132, FiringRateDesign.EXCITATORY_A,
                FiringRateDesign.REFERENCE_B, 1748404659L).build();
        double[] x = design.rescaled(0);
        double symmetric = RateStability.leading(design, x).value();
        assertThat(symmetric).isCloseTo(-0.70919, within(1e-5));
        double[] d = RateStability.gains(design, design.couplings(), x);
        int n = x.length;
        double[] jac = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                jac[i * n + j] = d[i] * design.couplings().entry(i, j) - (i == j ? 1 : 0);
            }
        }
        double raw = Arrays.stream(new EigenDecompositionNonSymmetric(
                Spectra.matrix(n, Spectra.balance(n, jac))).getEigenvalues()).mapToDouble(c -> c.getReal()).max().orElseThrow();
        assertThat(raw).as("Hipparchus alone (if this fails, Hipparchus was fixed)").isLessThan(symmetric - 0.02);
        assertThat(Spectra.maxRealPart(n, jac)).isCloseTo(symmetric, within(1e-10));
        assertThat(RateStability.maxEigenvalueDenseGeneral(design, x)).isCloseTo(symmetric, within(1e-10));
        // a genuine complex pair stays complex: its real reading r + z is no eigenvalue
        assertThat(Spectra.maxRealPart(2, new double[] {-0.5, -0.3, 0.3, -0.5})).isCloseTo(-0.5, within(1e-12));
    }

    @Test
    void balancingIsAnExactDiagonalSimilarityThatEqualisesRowsAndColumns() {
        SplittableRandom rng = new SplittableRandom(53);
        int n = 5;
        double[] m = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m[i * n + j] = rng.nextGaussian() * Math.pow(4, i - j);
            }
        }
        double[] b = Spectra.balance(n, m);
        assertThat(b).isNotSameAs(m);
        // B = D^-1 M D with D a diagonal of powers of two: b_ij / m_ij = d_j / d_i, so b_ij b_ji = m_ij m_ji exactly
        for (int i = 0; i < n; i++) {
            assertThat(b[i * n + i]).isEqualTo(m[i * n + i]);
            for (int j = 0; j < n; j++) {
                assertThat(b[i * n + j] * b[j * n + i]).isCloseTo(m[i * n + j] * m[j * n + i],
                        within(1e-15 * Math.abs(m[i * n + j] * m[j * n + i])));
                double ratio = b[i * n + j] / m[i * n + j];
                double log2 = Math.log(ratio) / Math.log(2);
                assertThat(log2).isCloseTo(Math.rint(log2), within(1e-12));
            }
        }
        // afterwards each off-diagonal row norm is within a factor 4 of its column norm (Parlett-Reinsch)
        for (int i = 0; i < n; i++) {
            double r = 0, c = 0;
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    r += Math.abs(b[i * n + j]);
                    c += Math.abs(b[j * n + i]);
                }
            }
            assertThat(r / c).isBetween(0.25, 4.0);
        }
        double before = 0, after = 0;
        for (int k = 0; k < m.length; k++) {
            before += m[k] * m[k];
            after += b[k] * b[k];
        }
        assertThat(after).isLessThan(before);
        // a matrix with an empty off-diagonal row is left as it is
        double[] z = {1, 0, 5, 2};
        assertThat(Spectra.balance(2, z)).containsExactly(1, 0, 5, 2);
    }

    /**
     * The shifted-SVD eigenvalues of the symmetric a against Hipparchus' solver, each within
     * {@code relative (1 + |largest|)}; returns the solver's eigenvalues.
     */
    private static double[] shiftedRouteMatchesTheSolver(int n, double[] a, double relative) {
        double[] want = new EigenDecompositionSymmetric(Spectra.matrix(n, a)).getEigenvalues();
        double[] got = Spectra.eigenvaluesByShiftedSingularValues(n, a);
        for (int k = 0; k < n; k++) {
            assertThat(got[k]).as("n %d eigenvalue %d", n, k).isCloseTo(want[k], within(relative * (1 + Math.abs(want[0]))));
        }
        return want;
    }

    @Test
    void theShiftedSingularValueRouteGivesTheEigenvaluesOfAnIndefiniteMatrix() {
        SplittableRandom rng = new SplittableRandom(12);
        int n = 7;
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double v = 3 * rng.nextGaussian() - (i == j ? 4 : 0);
                a[i * n + j] = v;
                a[j * n + i] = v;
            }
        }
        double[] want = shiftedRouteMatchesTheSolver(n, a, 1e-12);
        assertThat(want[n - 1]).as("the case meant: negative eigenvalues").isLessThan(-1);
        // a dominant negative entry on a row other than the first: the shift must be the largest row sum plus one
        // (the largest eigenvalue is about 2: within 5e-13, tighter than 1e-12 absolute)
        shiftedRouteMatchesTheSolver(3, new double[] {0.1, 0.01, 0, 0.01, -5, 0.02, 0, 0.02, 2}, 1e-12 / 6);
        // the smallest singular value of A - lambda I is the distance from lambda to the spectrum (A symmetric)
        for (double lambda : new double[] {want[0], want[3], 0.37, -20}) {
            double distance = Double.POSITIVE_INFINITY;
            for (double ev : want) {
                distance = Math.min(distance, Math.abs(ev - lambda));
            }
            assertThat(Spectra.smallestSingularValue(Spectra.matrix(n, a), lambda)).as("lambda %s", lambda)
                    .isCloseTo(distance, within(1e-11));
        }
    }
}
