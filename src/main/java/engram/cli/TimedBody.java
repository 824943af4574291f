package engram.cli;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The JMH benchmark behind {@code engram bench}: one body (a workload built by the command, with its own data) timed
 * by JMH's harness, average time per call after warm-up. JMH runs it in this JVM ({@code forks(0)}): the body is
 * built here from the command's options, and the SIMD kernels are already loaded (see {@link SimdLauncher}).
 */
@State(Scope.Benchmark)
public class TimedBody {

    /** The body the next {@link #time} call measures. */
    static volatile Runnable body;

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void call() {
        body.run();
    }

    /**
     * Microseconds per step of {@code run}, which performs {@code stepsPerCall} steps: JMH's average time per call over
     * five 200 ms iterations after three 300 ms of warm-up, divided by the steps.
     */
    static synchronized double time(Runnable run, int stepsPerCall) {
        body = run;
        Options options = new OptionsBuilder().include(TimedBody.class.getName() + ".call").forks(0)
                .warmupIterations(3).warmupTime(TimeValue.milliseconds(300))
                .measurementIterations(5).measurementTime(TimeValue.milliseconds(200))
                .threads(1).shouldFailOnError(true).verbosity(VerboseMode.SILENT).build();
        try {
            RunResult result = new Runner(options).runSingle();
            return result.getPrimaryResult().getScore() / stepsPerCall;
        } catch (RunnerException e) {
            throw new IllegalStateException("bench: JMH could not time the workload: " + e.getMessage(), e);
        } finally {
            body = null;
        }
    }
}
