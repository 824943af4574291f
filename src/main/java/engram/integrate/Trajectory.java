package engram.integrate;

import java.util.ArrayList;
import java.util.List;

/** Sampled states {@code x(t_k)}; also a {@link StepObserver} that records copies. */
public final class Trajectory implements StepObserver {

    private final List<double[]> states = new ArrayList<>();
    private final List<Double> times = new ArrayList<>();

    @Override public void observe(double t, double[] x) {
        times.add(t);
        states.add(x.clone());
    }

    public int size() { return times.size(); }

    public double time(int k) { return times.get(k); }

    public double[] state(int k) { return states.get(k); }

    public double[] last() { return states.get(states.size() - 1); }

    /** Replays the samples to another observer. */
    public void forEach(StepObserver observer) {
        for (int k = 0; k < size(); k++) {
            observer.observe(times.get(k), states.get(k));
        }
    }
}
