package engram.interval;

/**
 * A closed interval {@code [lo, hi]} of reals, with arithmetic that encloses the exact result. IEEE 754 binary64
 * +, -, *, / and sqrt are correctly rounded (round to nearest, which Java always uses), so the exact result lies
 * within one ulp of the computed one: each bound is moved one ulp outward ({@link Math#nextDown}, {@link Math#nextUp}).
 * The elementary functions rest on the Java specification's error bounds ({@link StrictMath#exp}: 1 ulp;
 * {@link StrictMath#tanh}: 2.5 ulps) and are moved {@link #FUNCTION_ULPS} ulps outward. Empty or NaN bounds are refused;
 * infinite bounds are allowed (an overflow makes an enclosure useless, never wrong).
 */
public record Interval(double lo, double hi) {

    /** How many ulps the elementary functions' results are moved outward (the specification allows at most 2.5). */
    public static final int FUNCTION_ULPS = 3;

    public static final Interval ZERO = new Interval(0, 0);
    public static final Interval ONE = new Interval(1, 1);

    public Interval {
        if (!(lo <= hi)) {
            throw new IllegalArgumentException("an interval needs lo <= hi (and no NaN), got [" + lo + ", " + hi + "]");
        }
    }

    /** The point interval [x, x]. */
    public static Interval of(double x) {
        return new Interval(x, x);
    }

    /** [mid - rad, mid + rad], rounded outward. */
    public static Interval around(double mid, double rad) {
        return new Interval(Math.nextDown(mid - rad), Math.nextUp(mid + rad));
    }

    /** The smallest interval holding both. */
    public Interval hull(Interval o) {
        return new Interval(Math.min(lo, o.lo), Math.max(hi, o.hi));
    }

    public boolean contains(double x) {
        return lo <= x && x <= hi;
    }

    /** Whether {@code o} lies in the interior of this interval. */
    public boolean containsInInterior(Interval o) {
        return lo < o.lo && o.hi < hi;
    }

    /** The largest |x| over the interval. */
    public double mag() {
        return Math.max(Math.abs(lo), Math.abs(hi));
    }

    /** The smallest |x| over the interval. */
    public double mig() {
        return lo > 0 ? lo : hi < 0 ? -hi : 0;
    }

    /** The width, rounded up. */
    public double width() {
        return Math.nextUp(hi - lo);
    }

    public Interval add(Interval o) {
        return new Interval(Math.nextDown(lo + o.lo), Math.nextUp(hi + o.hi));
    }

    public Interval sub(Interval o) {
        return new Interval(Math.nextDown(lo - o.hi), Math.nextUp(hi - o.lo));
    }

    public Interval neg() {
        return new Interval(-hi, -lo);
    }

    public Interval mul(Interval o) {
        double a = lo * o.lo, b = lo * o.hi, c = hi * o.lo, d = hi * o.hi;
        double min = Math.min(Math.min(a, b), Math.min(c, d)), max = Math.max(Math.max(a, b), Math.max(c, d));
        if (Double.isNaN(min) || Double.isNaN(max)) { // 0 * infinity: the product is unbounded
            return new Interval(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        }
        return new Interval(Math.nextDown(min), Math.nextUp(max));
    }

    public Interval mul(double x) {
        return mul(of(x));
    }

    /** Division; refused when the divisor contains 0. */
    public Interval div(Interval o) {
        if (o.contains(0)) {
            throw new ArithmeticException("division by an interval holding 0: [" + o.lo + ", " + o.hi + "]");
        }
        double a = lo / o.lo, b = lo / o.hi, c = hi / o.lo, d = hi / o.hi;
        return new Interval(Math.nextDown(Math.min(Math.min(a, b), Math.min(c, d))),
                Math.nextUp(Math.max(Math.max(a, b), Math.max(c, d))));
    }

    /** {@code x^2}: non-negative, tight when the interval holds 0. */
    public Interval sqr() {
        double m = mig(), g = mag();
        return new Interval(m == 0 ? 0 : Math.max(0, Math.nextDown(m * m)), Math.nextUp(g * g));
    }

    /** The square root of the non-negative part; refused when the interval is wholly negative. */
    public Interval sqrt() {
        if (hi < 0) {
            throw new ArithmeticException("square root of a negative interval [" + lo + ", " + hi + "]");
        }
        return new Interval(lo <= 0 ? 0 : Math.max(0, Math.nextDown(Math.sqrt(lo))), Math.nextUp(Math.sqrt(hi)));
    }

    public Interval exp() {
        return new Interval(Math.max(0, down(StrictMath.exp(lo))), up(StrictMath.exp(hi)));
    }

    public Interval tanh() {
        return new Interval(Math.max(-1, down(StrictMath.tanh(lo))), Math.min(1, up(StrictMath.tanh(hi))));
    }

    /** Intersection with [low, high], for a quantity known to lie there (a slope in [0, g]); both must meet. */
    public Interval clamp(double low, double high) {
        double a = Math.max(lo, low), b = Math.min(hi, high);
        if (!(a <= b)) {
            throw new IllegalStateException("[" + lo + ", " + hi + "] does not meet [" + low + ", " + high + "]");
        }
        return new Interval(a, b);
    }

    private static double down(double x) {
        for (int k = 0; k < FUNCTION_ULPS; k++) {
            x = Math.nextDown(x);
        }
        return x;
    }

    private static double up(double x) {
        for (int k = 0; k < FUNCTION_ULPS; k++) {
            x = Math.nextUp(x);
        }
        return x;
    }

    @Override public String toString() {
        return "[" + lo + ", " + hi + "]";
    }
}
