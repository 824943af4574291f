package engram.landscape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import engram.activation.Tanh;
import engram.memory.DenseCouplings;
import engram.memory.LowRankCouplings;
import engram.memory.PatternSet;
import engram.memory.Patterns;
import engram.model.Input;
import engram.model.VoltageModel;
import java.util.List;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * The string method on a two-memory Hebbian network, whose saddle the symmetry places: the two memories are
 * exchanged by a relabelling of the units, so the path is symmetric, the saddle sits at half its length and both
 * barriers are equal; the saddle has index 1 while the origin (an index-2 critical point here) does not.
 */
class SaddlesTest {

    static final PatternSet XI = Patterns.randomBinary(48, 2, new SplittableRandom(3));
    static final VoltageModel MODEL = new VoltageModel(1, DenseCouplings.of(LowRankCouplings.hebbian(XI, true)), new Tanh(3),
            Input.zero(48));

    static final double LIP = Basins.lipschitzBound(MODEL, 1);

    static double[][] memories() {
        return Basins.rest(MODEL, List.of(XI.pattern(0), XI.pattern(1)), 1e-12, LIP);
    }

    @Test
    void theSymmetricSaddleHasIndexOneAndEqualBarriers() {
        double[][] ends = memories();
        Saddles.Result r = Saddles.between(MODEL, ends[0], ends[1], new Saddles.Settings(41, Saddles.step(LIP), 20000, 1));
        assertThat(r.converged()).isTrue();
        assertThat(r.saddle().index()).isEqualTo(1);
        assertThat(r.saddle().residual()).isLessThan(1e-12);
        assertThat(r.fromA()).isPositive().isCloseTo(r.fromB(), Offset.offset(1e-9));
        assertThat(r.saddle().s()).isCloseTo(0.5, Offset.offset(0.03));
        double top = Double.NEGATIVE_INFINITY;
        for (double e : r.energy()) {
            top = Math.max(top, e);
        }
        // the path's highest image lies within the discretisation of the saddle's energy
        assertThat(Math.abs(top - r.saddle().energy())).isLessThan(1e-2 * r.fromA());
        assertThat(Saddles.index(MODEL, new double[48])).isEqualTo(2);
        assertThat(Saddles.index(MODEL, ends[0])).isZero();
    }

    @Test
    void reparametrisationSpacesImagesEqually() {
        double[][] path = {{0, 0}, {0.1, 0}, {0.9, 0}, {1, 0}};
        double[] s = Saddles.arcLength(Saddles.reparametrise(path));
        assertThat(s).containsExactly(new double[] {0, 1.0 / 3, 2.0 / 3, 1}, Offset.offset(1e-12));
    }

    @Test
    void aNonSymmetricWIsRefused() {
        double[] w = {0, 1, 0.5, 0};
        VoltageModel m = new VoltageModel(1, new DenseCouplings(2, w), new Tanh(1), Input.zero(2));
        assertThatThrownBy(() -> Saddles.between(m, new double[2], new double[] {1, 1}, new Saddles.Settings(5, 0.1, 10, 1)))
                .hasMessageContaining("symmetric");
        assertThatThrownBy(() -> new Saddles.Settings(2, 0.1, 10, 1)).hasMessageContaining("--images");
    }
}
