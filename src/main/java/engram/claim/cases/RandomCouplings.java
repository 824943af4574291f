package engram.claim.cases;

import engram.analysis.Spectra;
import engram.memory.DenseCouplings;
import java.util.random.RandomGenerator;

/** Random coupling matrices placed exactly at a chosen distance from a hypothesis boundary. */
public final class RandomCouplings {

    private RandomCouplings() {
    }

    /**
     * An iid Gaussian W (unit scale, any sign, not symmetric) rescaled so that {@code lip ||W||_2 = k}: inside the
     * contraction hypothesis {@code Lip(psi) ||W||_2 < 1} when k < 1, outside it when k > 1.
     */
    public static DenseCouplings withNorm(int n, double k, double lip, RandomGenerator rng) {
        return scaled(DenseCouplings.randomGeneral(n, 1, rng), k, lip);
    }

    /** W rescaled so that {@code lip ||W||_2 = k}. */
    public static DenseCouplings scaled(DenseCouplings w, double k, double lip) {
        double norm = Spectra.spectralNorm(w);
        double[] s = w.toDense();
        for (int i = 0; i < s.length; i++) {
            s[i] *= k / (lip * norm);
        }
        return new DenseCouplings(w.n(), s);
    }
}
