package engram.network;

import engram.integrate.Diffusion;
import engram.integrate.DormandPrince54;
import engram.integrate.Euler;
import engram.integrate.EulerMaruyama;
import engram.integrate.RungeKutta4;
import engram.integrate.StepObserver;
import engram.model.DiscreteHopfield;
import engram.oracle.Oracle;
import java.util.random.RandomGenerator;

/**
 * How a network is run: the integrator, final time T, step dt (fixed-step methods and Euler-Maruyama; the sampling
 * interval of the oracles is {@code dt * sampleEvery}), the adaptive tolerance, the additive noise sigma (Euler-Maruyama
 * only) and how often to observe. For the discrete model T is the budget of asynchronous sweeps. A network with a
 * sequence of inputs runs each for T in turn, from where the previous one ended.
 */
public record Integration(IntegratorKind integrator, double t, double dt, double tol, double sigma, int sampleEvery) {

    public Integration {
        NetworkSpec.require(sigma >= 0 && Double.isFinite(sigma), "--sigma must be finite and >= 0, got " + sigma);
        NetworkSpec.require(sigma == 0 || integrator.stochastic(), "--sigma > 0 needs --integrator em (got " + integrator + ")");
        NetworkSpec.require(tol >= 1e-14 && tol <= 0.1, "--tol must be in [1e-14, 0.1] (below 1e-14 double precision "
                + "cannot meet it), got " + tol);
        NetworkSpec.require(t > 0 && Double.isFinite(t), "--t must be finite and > 0, got " + t);
        NetworkSpec.require(dt > 0 && dt <= t, "--dt must be in (0, T=" + t + "], got " + dt);
        NetworkSpec.require(t / dt <= 1e8, "--t / --dt must be at most 1e8 steps, got " + (long) (t / dt));
        NetworkSpec.require(sampleEvery >= 1, "--sample-every must be >= 1, got " + sampleEvery);
    }

    /** The integrator's name as a run reports it ({@code asynchronous} for the discrete model). */
    public String label(Network network) {
        return network.spec().model() == ModelKind.DISCRETE ? "asynchronous" : integrator.toString();
    }

    /**
     * Runs the network from {@code x} (advanced in place), observing the start, every {@code sampleEvery}-th step and
     * the end; noise and the asynchronous update order are drawn from {@code rng}.
     */
    public void run(Network network, double[] x, RandomGenerator rng, StepObserver observer) {
        if (network.spec().model() == ModelKind.DISCRETE) {
            observer.observe(0, x);
            DiscreteHopfield.Run run = network.discrete().run(x, rng, (int) Math.max(1, Math.round(t)));
            observer.observe(run.sweeps(), x);
            return;
        }
        for (int segment = 0; segment < network.segments(); segment++) {
            network.activate(segment);
            double offset = segment * t;
            StepObserver shifted = segment == 0 ? observer : (time, y) -> {
                if (time > 0) {
                    observer.observe(offset + time, y);
                }
            };
            runSegment(network, x, rng, shifted);
        }
    }

    /** One input segment over [0, T]. */
    private void runSegment(Network network, double[] x, RandomGenerator rng, StepObserver observer) {
        var f = network.field();
        int n = network.n();
        int steps = (int) Math.round(t / dt);
        switch (integrator) {
            case EULER -> new Euler(n).integrate(f, 0, x, t, steps, sampleEvery, observer);
            case RK4 -> new RungeKutta4(n).integrate(f, 0, x, t, steps, sampleEvery, observer);
            case EM -> new EulerMaruyama(f, Diffusion.additive(sigma)).integrate(0, x, t, steps, rng, sampleEvery, observer);
            case ADAPTIVE -> new DormandPrince54(n, tol, tol).integrate(f, 0, x, t, observer);
            case DP853, GBS -> {
                Oracle o = integrator == IntegratorKind.DP853 ? Oracle.dp853() : Oracle.gbs();
                var tr = o.sample(f, 0, x, t, dt * sampleEvery);
                System.arraycopy(tr.last(), 0, x, 0, n);
                tr.forEach(observer);
            }
        }
    }
}
