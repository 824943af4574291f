package engram.integrate;


/** Explicit Euler {@code x <- x + h f(t, x)}: order 1. */
public final class Euler implements FixedStepMethod {

    private final double[] k;

    public Euler(int n) {
        this.k = new double[n];
    }

    @Override public String name() { return "euler"; }

    @Override public int order() { return 1; }

    @Override public void step(VectorField f, double t, double[] x, double h) {
        f.evaluate(t, x, k);
        for (int i = 0; i < x.length; i++) {
            x[i] += h * k[i];
        }
    }
}
