package engram.model;

/** A Lyapunov candidate {@code E(x)} with its gradient. */
public interface EnergyFunction {

    double energy(double[] x);

    void gradient(double[] x, double[] grad);
}
