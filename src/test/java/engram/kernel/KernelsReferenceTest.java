package engram.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import engram.claim.cases.Vectors;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/**
 * Both kernel implementations, each on its own, against the definitions written as the plainest loops (the other
 * kernel tests compare SIMD with scalar, which cannot see an error the two share, such as one in an interface
 * default): every method, on sizes that exercise full vectors, the scalar tails and the row blocks of four, with
 * offsets and row ranges. Where the kernels promise one FMA per term in a fixed order (the block products), the
 * results must be bit-identical to the reference FMA loop; elsewhere within a few ulps of the summed magnitude.
 * Then {@link RowParallel}: every item exactly once, in blocks ending on multiples of 4, failures propagated, and the
 * fallbacks (small n, nested calls, fork-join workers) run inline.
 */
class KernelsReferenceTest {

    private static final Kernels[] IMPLEMENTATIONS = {new ScalarKernels(), new VectorKernels()};

    /** Sums of up to ~100 terms of unit size: the reassociated sums agree to well below 1e-12. */
    private static void near(double actual, double expected, String what) {
        assertThat(actual).as(what).isCloseTo(expected, within(1e-12 * (1 + Math.abs(expected))));
    }

    @Test
    void vectorProductsMatchTheirDefinitions() {
        SplittableRandom rng = new SplittableRandom(31);
        for (Kernels k : IMPLEMENTATIONS) {
            for (int n = 1; n <= 41; n++) {
                int off = rng.nextInt(5);
                double[] a = Vectors.gaussian(n + off + 2, 1, rng), b = Vectors.gaussian(n + 1, 1, rng);
                double dot = 0;
                for (int i = 0; i < n; i++) {
                    dot += a[off + i] * b[i];
                }
                near(k.dot(a, off, b, n), dot, k.name() + " dot n=" + n);

                double s = rng.nextGaussian();
                double[] y = Vectors.gaussian(n + 1, 1, rng), expected = y.clone();
                for (int i = 0; i < n; i++) {
                    expected[i] += s * a[off + i];
                }
                k.axpy(s, a, off, y, n);
                for (int i = 0; i <= n; i++) {
                    near(y[i], expected[i], k.name() + " axpy n=" + n + " i=" + i);
                }

                double[] fy = Vectors.gaussian(n + 4, 1, rng), fexpected = fy.clone();
                int yOff = rng.nextInt(3);
                for (int i = 0; i < n; i++) {
                    fexpected[yOff + i] = Math.fma(s, a[off + i], fexpected[yOff + i]);
                }
                k.fmaRow(s, a, off, fy, yOff, n);
                assertThat(fy).as(k.name() + " fmaRow n=" + n).containsExactly(fexpected);
            }
        }
    }

    @Test
    void matrixVectorProductsMatchTheirDefinitionsOnEveryRowRange() {
        SplittableRandom rng = new SplittableRandom(32);
        for (Kernels k : IMPLEMENTATIONS) {
            for (int n = 1; n <= 23; n++) {
                double[] w = Vectors.gaussian(n * n, 1, rng), v = Vectors.gaussian(n, 1, rng);
                double[] expected = new double[n];
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        expected[i] += w[i * n + j] * v[j];
                    }
                }
                double[] out = new double[n];
                k.matvec(w, n, v, out);
                for (int i = 0; i < n; i++) {
                    near(out[i], expected[i], k.name() + " matvec n=" + n + " row " + i);
                }
                int from = rng.nextInt(n), to = from + rng.nextInt(n - from + 1);
                double[] part = new double[n];
                Arrays.fill(part, Double.NaN);
                k.matvecRows(w, n, v, part, from, to);
                for (int i = 0; i < n; i++) {
                    if (i >= from && i < to) {
                        near(part[i], expected[i], k.name() + " matvecRows row " + i);
                    } else {
                        assertThat(part[i]).as("rows outside the range are untouched").isNaN();
                    }
                }
            }
        }
    }

    @Test
    void lowRankProjectionsMatchTheirDefinitions() {
        SplittableRandom rng = new SplittableRandom(33);
        for (Kernels k : IMPLEMENTATIONS) {
            for (int n = 1; n <= 21; n += 2) {
                for (int r = 1; r <= 9; r++) {
                    double[] f = Vectors.gaussian(r * n, 1, rng), v = Vectors.gaussian(n, 1, rng), h = Vectors.gaussian(r, 1, rng);
                    double[] proj = new double[r + 1];
                    proj[r] = 42;
                    k.project(f, r, n, v, proj);
                    for (int q = 0; q < r; q++) {
                        double e = 0;
                        for (int i = 0; i < n; i++) {
                            e += f[q * n + i] * v[i];
                        }
                        near(proj[q], e, k.name() + " project n=" + n + " r=" + r + " q=" + q);
                    }
                    assertThat(proj[r]).isEqualTo(42.0);
                    double[] out = Vectors.gaussian(n, 1, rng), expected = out.clone();
                    for (int i = 0; i < n; i++) {
                        for (int q = 0; q < r; q++) {
                            expected[i] += h[q] * f[q * n + i];
                        }
                    }
                    k.combine(f, r, n, h, out);
                    for (int i = 0; i < n; i++) {
                        near(out[i], expected[i], k.name() + " combine n=" + n + " r=" + r + " i=" + i);
                    }
                }
            }
        }
    }

    @Test
    void blockProductsAreTheReferenceFmaLoopsBitForBit() {
        SplittableRandom rng = new SplittableRandom(34);
        for (Kernels k : IMPLEMENTATIONS) {
            for (int trial = 0; trial < 180; trial++) {
                // every rank 1..17 (groups of 8 and 4 and each remainder), on narrow, wide (past four vectors of 512
                // bits: the combine's four-vector path and its tails) and random column ranges
                int n = 1 + rng.nextInt(14), cols = 1 + rng.nextInt(trial % 3 == 0 ? 90 : 19), r = 1 + trial % 17;
                // gemmRows: Out = W X on rows [from, to)
                double[] w = Vectors.gaussian(n * n, 1, rng), x = Vectors.gaussian(n * cols, 1, rng);
                int from = rng.nextInt(n), to = from + 1 + rng.nextInt(n - from);
                double[] out = new double[n * cols];
                Arrays.fill(out, Double.NaN);
                double[] expected = out.clone();
                for (int i = from; i < to; i++) {
                    for (int c = 0; c < cols; c++) {
                        double acc = 0;
                        for (int j = 0; j < n; j++) {
                            acc = Math.fma(w[i * n + j], x[j * cols + c], acc);
                        }
                        expected[i * cols + c] = acc;
                    }
                }
                k.gemmRows(w, n, x, cols, out, from, to);
                assertThat(out).as(k.name() + " gemmRows n=%d k=%d rows [%d, %d)", n, cols, from, to)
                        .containsExactly(expected);

                // projectBlock: H = F^T X on columns [c0, c1), F n x r
                double[] f = Vectors.gaussian(n * r, 1, rng);
                int c0 = trial % 2 == 0 ? 0 : rng.nextInt(cols), c1 = trial % 2 == 0 ? cols : c0 + 1 + rng.nextInt(cols - c0);
                double[] h = new double[r * cols];
                Arrays.fill(h, Double.NaN);
                double[] hExpected = h.clone();
                for (int q = 0; q < r; q++) {
                    for (int c = c0; c < c1; c++) {
                        double acc = 0;
                        for (int i = 0; i < n; i++) {
                            acc = Math.fma(f[i * r + q], x[i * cols + c], acc);
                        }
                        hExpected[q * cols + c] = acc;
                    }
                }
                k.projectBlock(f, n, r, x, cols, h, c0, c1);
                assertThat(h).as(k.name() + " projectBlock n=%d r=%d k=%d cols [%d, %d)", n, r, cols, c0, c1)
                        .containsExactly(hExpected);

                // combineBlock: Out = F H + diag(g) X on rows [from, to), with and without g
                double[] hh = Vectors.gaussian(r * cols, 1, rng), g = Vectors.gaussian(n, 1, rng);
                for (double[] diag : new double[][] {null, g}) {
                    double[] o = new double[n * cols];
                    Arrays.fill(o, Double.NaN);
                    double[] oExpected = o.clone();
                    for (int i = from; i < to; i++) {
                        for (int c = 0; c < cols; c++) {
                            double acc = diag == null ? 0 : diag[i] * x[i * cols + c];
                            for (int q = 0; q < r; q++) {
                                acc = Math.fma(f[i * r + q], hh[q * cols + c], acc);
                            }
                            oExpected[i * cols + c] = acc;
                        }
                    }
                    k.combineBlock(f, r, hh, cols, diag, x, o, from, to);
                    assertThat(o).as(k.name() + " combineBlock (diagonal %s) n=%d r=%d k=%d", diag != null, n, r, cols)
                            .containsExactly(oExpected);
                }
            }
        }
    }

    /** Tall blocks, whose projection runs over several chunks of rows, against the reference FMA loop bit for bit. */
    @Test
    void tallBlockProjectionsAreTheReferenceFmaLoopsBitForBit() {
        SplittableRandom rng = new SplittableRandom(36);
        for (Kernels k : IMPLEMENTATIONS) {
            for (int[] shape : new int[][] {{1500, 37, 11}, {4100, 9, 10}, {700, 80, 3}}) {
                int n = shape[0], cols = shape[1], r = shape[2];
                double[] f = Vectors.gaussian(n * r, 1, rng), x = Vectors.gaussian(n * cols, 1, rng);
                double[] h = new double[r * cols], expected = new double[r * cols];
                for (int q = 0; q < r; q++) {
                    for (int c = 0; c < cols; c++) {
                        double acc = 0;
                        for (int i = 0; i < n; i++) {
                            acc = Math.fma(f[i * r + q], x[i * cols + c], acc);
                        }
                        expected[q * cols + c] = acc;
                    }
                }
                k.projectBlock(f, n, r, x, cols, h, 0, cols);
                assertThat(h).as(k.name() + " projectBlock n=%d r=%d k=%d", n, r, cols).containsExactly(expected);
            }
        }
    }

    @Test
    void integerKernelsAreExact() {
        SplittableRandom rng = new SplittableRandom(35);
        for (Kernels k : IMPLEMENTATIONS) {
            for (int n = 1; n <= 45; n++) {
                int off = rng.nextInt(4);
                byte[] a = new byte[n + off + 3];
                for (int i = 0; i < a.length; i++) {
                    a[i] = (byte) (rng.nextInt(5) - 2);
                }
                int[] b = new int[n + 2];
                for (int i = 0; i < b.length; i++) {
                    b[i] = rng.nextInt(-1000, 1000);
                }
                int dot = 0;
                for (int i = 0; i < n; i++) {
                    dot += a[off + i] * b[i];
                }
                assertThat(k.dot(a, off, b, n)).as(k.name() + " byte dot n=" + n).isEqualTo(dot);
                int s = rng.nextInt(-3, 4);
                int[] y = b.clone(), expected = b.clone();
                for (int i = 0; i < n; i++) {
                    expected[i] += s * a[off + i];
                }
                k.axpy(s, a, off, y, n);
                assertThat(y).as(k.name() + " byte axpy n=" + n).containsExactly(expected);
            }
        }
    }

    @Test
    void tanhMatchesTheDefinitionOnEveryRangeIncludingSaturation() {
        SplittableRandom rng = new SplittableRandom(36);
        for (Kernels k : IMPLEMENTATIONS) {
            for (int n = 1; n <= 33; n++) {
                double[] x = new double[n];
                for (int i = 0; i < n; i++) {
                    // small, moderate and saturated arguments (|gain x| beyond 19), both signs
                    x[i] = rng.nextGaussian() * (i % 3 == 0 ? 0.01 : i % 3 == 1 ? 1 : 10);
                }
                double gain = 0.5 + 3 * rng.nextDouble();
                double[] out = new double[n];
                k.tanh(gain, x, out, n);
                for (int i = 0; i < n; i++) {
                    double e = Math.tanh(gain * x[i]);
                    assertThat(out[i]).as(k.name() + " tanh n=" + n + " x=" + x[i])
                            .isCloseTo(e, within(1e-15 + 4e-15 * Math.abs(e)));
                }
                int from = rng.nextInt(n), to = from + rng.nextInt(n - from + 1);
                double[] part = new double[n];
                Arrays.fill(part, 7);
                k.tanh(gain, x, part, from, to);
                for (int i = 0; i < n; i++) {
                    if (i >= from && i < to) {
                        assertThat(part[i]).isCloseTo(out[i], within(2e-15 + 8e-15 * Math.abs(out[i])));
                    } else {
                        assertThat(part[i]).isEqualTo(7.0);
                    }
                }
                // in place
                double[] same = x.clone();
                k.tanh(gain, same, same, n);
                for (int i = 0; i < n; i++) {
                    assertThat(same[i]).isEqualTo(out[i]);
                }
            }
            // a block saturated in every lane, of both signs, is exactly +-1
            double[] sat = {30, -25, 40, -19.5, 100, -100, 50, -50, 20, 19};
            double[] out = new double[sat.length];
            k.tanh(1, sat, out, sat.length);
            for (int i = 0; i < sat.length; i++) {
                assertThat(out[i]).isEqualTo(Math.signum(sat[i]));
            }
        }
    }

    @Test
    void kernelChoiceFollowsTheSimdSwitch() throws Exception {
        Method choose = Kernels.Holder.class.getDeclaredMethod("choose");
        choose.setAccessible(true);
        String before = System.getProperty("engram.simd");
        try {
            System.setProperty("engram.simd", "false");
            assertThat(((Kernels) choose.invoke(null)).name()).isEqualTo("scalar");
            System.setProperty("engram.simd", "true");
            assertThat(((Kernels) choose.invoke(null)).name()).startsWith("vector-");
        } finally {
            if (before == null) {
                System.clearProperty("engram.simd");
            } else {
                System.setProperty("engram.simd", before);
            }
        }
        assertThat(new ScalarKernels().name()).isEqualTo("scalar");
        assertThat(new VectorKernels().name()).matches("vector-\\d+");
    }

    // ---------------------------------------------------------------- RowParallel

    private static List<int[]> blocks(int n, int minItems) {
        List<int[]> seen = Collections.synchronizedList(new ArrayList<>());
        RowParallel.run(n, minItems, (from, to) -> seen.add(new int[] {from, to}));
        return seen;
    }

    @Test
    void rowParallelCoversEveryItemOnceInBlocksOfFour() {
        ForkJoinPool.commonPool().awaitQuiescence(10, TimeUnit.SECONDS);
        // the helpers never keep a finished command's JVM alive
        RowParallel.available(); // loads the class, which starts its helpers
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("engram-rows-")) {
                assertThat(t.isDaemon()).as(t.getName()).isTrue();
            }
        }
        assertThat(RowParallel.available()).as("the reference machine has two cores or more")
                .isEqualTo(Runtime.getRuntime().availableProcessors() > 1);
        for (int n : new int[] {0, 1, 2, 3, 5, 8, 9, 63, 64, 255, 256, 257, 1000, 1003}) {
            for (int min : new int[] {1, 2, 64, RowParallel.MIN_ROWS}) {
                AtomicIntegerArray hits = new AtomicIntegerArray(Math.max(n, 1));
                List<int[]> seen = Collections.synchronizedList(new ArrayList<>());
                RowParallel.run(n, min, (from, to) -> {
                    seen.add(new int[] {from, to});
                    for (int i = from; i < to; i++) {
                        hits.incrementAndGet(i);
                    }
                });
                for (int i = 0; i < n; i++) {
                    assertThat(hits.get(i)).as("item %d of %d (min %d)", i, n, min).isEqualTo(1);
                }
                boolean split = RowParallel.available() && n >= Math.max(2, min);
                assertThat(seen.size() > 1).as("split n=%d min=%d", n, min).isEqualTo(split);
                if (split && n / 2 >= 4) {
                    for (int[] b : seen) {
                        assertThat(b[0] % 4).as("block start %d of n=%d", b[0], n).isZero();
                    }
                }
            }
        }
        // the default threshold
        assertThat(blocks(RowParallel.MIN_ROWS - 1, RowParallel.MIN_ROWS)).hasSize(1);
        List<int[]> all = new ArrayList<>();
        RowParallel.run(RowParallel.MIN_ROWS, (from, to) -> {
            synchronized (all) {
                all.add(new int[] {from, to});
            }
        });
        assertThat(all.size() > 1).isEqualTo(RowParallel.available());
        List<int[]> below = new ArrayList<>();
        RowParallel.run(RowParallel.MIN_ROWS - 4, (from, to) -> below.add(new int[] {from, to}));
        assertThat(below).hasSize(1);
    }

    @Test
    void rowParallelPropagatesFailuresAndRunsNestedCallsInline() throws Exception {
        if (!RowParallel.available()) {
            return;
        }
        // products are split only while no parallel stream runs: let an earlier test's stream finish first
        ForkJoinPool.commonPool().awaitQuiescence(10, TimeUnit.SECONDS);
        // a failure in a helper's block reaches the caller, and the pool is usable afterwards
        assertThatThrownBy(() -> RowParallel.run(1000, 2, (from, to) -> {
            if (from > 0) {
                throw new IllegalStateException("helper block failed");
            }
        })).isInstanceOf(IllegalStateException.class).hasMessage("helper block failed");
        assertThatThrownBy(() -> RowParallel.run(1000, 2, (from, to) -> {
            if (from > 0) {
                throw new AssertionError("an error, not an exception");
            }
        })).isInstanceOf(IllegalStateException.class).hasCauseInstanceOf(AssertionError.class);
        assertThat(blocks(1000, 2)).hasSizeGreaterThan(1);
        // a call from inside a split runs inline
        List<Integer> inner = Collections.synchronizedList(new ArrayList<>());
        RowParallel.run(1000, 2, (from, to) -> inner.add(blocks(400, 2).size()));
        assertThat(inner).contains(1);
        // from a fork-join worker it runs inline (waiting on a latch, not on the task: a waiting get() may run the task
        // in this very thread, which is no worker)
        AtomicInteger fromPool = new AtomicInteger(-1);
        AtomicBoolean onWorker = new AtomicBoolean();
        CountDownLatch done = new CountDownLatch(1);
        ForkJoinPool.commonPool().execute(() -> {
            onWorker.set(Thread.currentThread() instanceof ForkJoinWorkerThread);
            fromPool.set(blocks(1000, 2).size());
            done.countDown();
        });
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(onWorker).isTrue();
        assertThat(fromPool.get()).isEqualTo(1);
        ForkJoinPool.commonPool().awaitQuiescence(10, TimeUnit.SECONDS);
    }
}
