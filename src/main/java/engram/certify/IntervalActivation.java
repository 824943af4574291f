package engram.certify;

import engram.activation.Activation;
import engram.activation.Algebraic;
import engram.activation.Logistic;
import engram.activation.Tanh;
import engram.interval.Interval;

/**
 * Enclosures of an activation and of its slope over an interval, for the activations a proof supports: tanh(g x),
 * the algebraic sigmoid g x / sqrt(1 + (g x)^2) and the logistic of the firing-rate model. The values are monotone, so
 * their enclosure is the interval evaluation at the two ends; the slopes are evaluated in interval arithmetic
 * ({@code g (1 - tanh^2)}, {@code g (1 + z^2)^(-3/2)}, {@code 4 rho Phi (1 - Phi)}) and intersected with their known
 * range [0, Lip].
 */
interface IntervalActivation {

    Interval value(Interval x);

    Interval slope(Interval x);

    /** The Lipschitz constant (the largest slope). */
    double lipschitz();

    /** The enclosure for one of Engram's activations; other activations are refused with the supported list. */
    static IntervalActivation of(Activation a) {
        if (a instanceof Tanh t) {
            double g = t.gain();
            return new IntervalActivation() {
                @Override public Interval value(Interval x) { return x.mul(g).tanh(); }
                @Override public Interval slope(Interval x) {
                    return Interval.ONE.sub(x.mul(g).tanh().sqr()).mul(g).clamp(0, g);
                }
                @Override public double lipschitz() { return g; }
            };
        }
        if (a instanceof Algebraic al) {
            double g = al.gain();
            return new IntervalActivation() {
                @Override public Interval value(Interval x) {
                    return new Interval(algebraic(Interval.of(x.lo()).mul(g)).lo(), algebraic(Interval.of(x.hi()).mul(g)).hi());
                }
                @Override public Interval slope(Interval x) {
                    Interval s = Interval.ONE.add(x.mul(g).sqr());
                    return Interval.of(g).div(s.mul(s.sqrt())).clamp(0, g);
                }
                @Override public double lipschitz() { return g; }
            };
        }
        if (a instanceof Logistic l) {
            double k = 4 * l.rho();
            Interval centre = Interval.of(l.threshold()).add(Interval.ONE.div(Interval.of(2 * l.rho())));
            return new IntervalActivation() {
                @Override public Interval value(Interval y) {
                    return new Interval(logistic(Interval.of(y.lo()), k, centre).lo(), logistic(Interval.of(y.hi()), k, centre).hi());
                }
                @Override public Interval slope(Interval y) {
                    Interval phi = value(y).clamp(0, 1);
                    return phi.mul(Interval.ONE.sub(phi)).mul(k).clamp(0, l.rho());
                }
                @Override public double lipschitz() { return l.rho(); }
            };
        }
        throw new IllegalArgumentException("a proof supports the activations tanh, algebraic and logistic, got "
                + a.name());
    }

    private static Interval algebraic(Interval z) {
        return z.div(Interval.ONE.add(z.sqr()).sqrt());
    }

    private static Interval logistic(Interval y, double k, Interval centre) {
        return Interval.ONE.div(Interval.ONE.add(y.sub(centre).mul(-k).exp()));
    }
}
