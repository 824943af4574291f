package engram.memory;

/**
 * A synaptic matrix W acting on flat vectors. Implementations: {@link DenseCouplings} (any W) and
 * {@link LowRankCouplings} ({@code W = s F diag(d) F^T}, optionally with zero diagonal), which costs O(N r) per
 * product instead of O(N^2). Instances may hold scratch buffers: one instance per thread.
 */
public interface Couplings {

    int n();

    /** {@code out = W v}; {@code out} must not alias {@code v}. */
    void multiply(double[] v, double[] out);

    /**
     * {@code Out = W X} for a block of k vectors, X and Out n x k row-major ({@code X[j * k + c]} is entry j of vector
     * c): an ensemble of k states stepped together.
     */
    void multiplyBlock(double[] x, int k, double[] out);

    double entry(int i, int j);

    boolean symmetric();

    /** Row-major dense copy. */
    default double[] toDense() {
        int n = n();
        double[] w = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                w[i * n + j] = entry(i, j);
            }
        }
        return w;
    }
}
