package engram.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import engram.integrate.DormandPrince54;
import engram.integrate.VectorField;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;
import org.junit.jupiter.api.Test;

/**
 * Issue 21, item 10: survivors once listed as equivalent that a real input tells apart. Each test is that input.
 */
class EquivalentMutantsReexaminedTest {

    @Test
    void aLogisticFitOnSeparatedDataHasNoMaximumAndTheStepIsUsed() {
        // 50, 50, 50, 1 successes of 50: separated; a fit that skipped the det guard returned b = -811
        double[] x = {0.211, 0.223, 0.235, 0.248};
        double[] succ = {50, 50, 50, 1};
        double[] trials = {50, 50, 50, 50};
        double[] fit = Capacity.logisticFit(x, succ, trials);
        if (fit != null) {
            // a finite maximum, if one is reported, must have a slope the data can support
            assertThat(Math.abs(fit[1])).isLessThan(500);
        }
        List<Capacity.Load> loads = new ArrayList<>();
        for (int j = 0; j < x.length; j++) {
            loads.add(new Capacity.Load(x[j], 50, (int) succ[j], 0, 0));
        }
        Capacity.Transition t = Capacity.transition(100, loads);
        assertThat(t.alphaC()).isBetween(0.235, 0.248);
        assertThat(t.low()).isGreaterThanOrEqualTo(0.2);
        assertThat(t.high()).isLessThanOrEqualTo(0.26);
    }

    @Test
    void flatDataHaveNoFallingFitSoNoNaNCriticalLoad() {
        // successes 1 of 2 at both loads: the maximum-likelihood slope is exactly 0
        assertThat(Capacity.logisticFit(new double[] {0, 1}, new double[] {1, 1}, new double[] {2, 2})).isNull();
        Capacity.Transition t = Capacity.transition(100, List.of(new Capacity.Load(0.1, 2, 1, 0, 0),
                new Capacity.Load(0.2, 2, 1, 0, 0)));
        assertThat(t.alphaC()).isFinite();
        assertThat(t.located()).isFalse();
    }

    @Test
    void dormandPrinceFromANegativeStartReachesTheEndStepByStep() {
        VectorField decay = new VectorField() {
            @Override public int dimension() { return 1; }

            @Override public void evaluate(double t, double[] x, double[] dxdt) { dxdt[0] = -x[0]; }
        };
        for (double h : new double[] {0.05, 0.4, 1.5}) {
            double[] x = {1};
            List<Double> times = new ArrayList<>();
            new DormandPrince54(1, 1e-10, 1e-10).integrate(decay, -h, x, 2 * h, (t, y) -> times.add(t));
            assertThat(x[0]).as("x(2H) from x(-H) = 1, H = " + h).isCloseTo(Math.exp(-3 * h), within(1e-8));
            assertThat(times.get(times.size() - 1)).isEqualTo(2 * h);
            for (int k = 1; k < times.size(); k++) {
                assertThat(times.get(k)).isGreaterThan(times.get(k - 1));
            }
        }
    }

    /** The law's mass by Gauss-Legendre on a grid graded toward theta = 0, where it rises over (1 - sqrt c) / c^1/4. */
    private static double reference(MarchenkoPastur mp, double c, double upTo) {
        double r = 2 * Math.sqrt(c), sum = 0, b = upTo;
        while (b > 1e-14) {
            double a = b / 4;
            sum += new GaussIntegratorFactory().legendre(32, a, b).integrate(t -> {
                double half = Math.sin(0.5 * t), root = Math.sqrt(c);
                return mp.density((1 - root) * (1 - root) + 4 * root * half * half) * r * Math.sin(t);
            });
            b = a;
        }
        return sum;
    }

    @Test
    void theMarchenkoPasturTableKeepsItsAccuracyNextToCEqualOne() {
        for (double c : new double[] {0.99999, 0.9999999, 1.00001, 0.5}) {
            MarchenkoPastur mp = new MarchenkoPastur(c);
            assertThat(mp.tableMass()).as("raw mass, c = " + c).isCloseTo(1, within(1e-12));
            for (double theta : new double[] {1e-5, 1e-3, 0.5, 2}) {
                double root = Math.sqrt(c), half = Math.sin(0.5 * theta);
                double l = (1 - root) * (1 - root) + 4 * root * half * half;
                double want = reference(mp, c, theta) / reference(mp, c, Math.PI);
                assertThat(mp.cumulativeProbability(l)).as("c = " + c + ", theta = " + theta).isCloseTo(want,
                        within(2e-9));
            }
        }
    }

    @Test
    void aTinyOffDiagonalDoesNotOverflowTheLargestEigenvalue() {
        SmallSymmetric.Workspace w = new SmallSymmetric.Workspace(3);
        assertThat(SmallSymmetric.largestEigenvalue(2, new double[] {2, 1e-160, 1e-160, 1}, w)).isCloseTo(2,
                within(1e-15));
        assertThat(SmallSymmetric.largestEigenvalue(3, new double[] {1, 1e-160, 0, 1e-160, 2, 1e-170, 0, 1e-170, -1}, w))
                .isCloseTo(2, within(1e-15));
        assertThat(SmallSymmetric.largestEigenvalue(2, new double[] {1e-300, 1e-160, 1e-160, 1e-300}, w)).isCloseTo(1e-160,
                within(1e-174));
    }
}
