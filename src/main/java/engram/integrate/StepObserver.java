package engram.integrate;

/** Receives the state at sample times; {@code x} is only valid during the call (copy it to keep it). */
@FunctionalInterface
public interface StepObserver {
    void observe(double t, double[] x);

    StepObserver NONE = (t, x) -> { };
}
