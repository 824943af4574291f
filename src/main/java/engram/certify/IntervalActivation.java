package engram.certify;

import engram.activation.Activation;
import engram.activation.Algebraic;
import engram.activation.HardTanh;
import engram.activation.Logistic;
import engram.activation.RectifiedTanh;
import engram.activation.Tanh;
import engram.interval.Interval;

/**
 * Enclosures of an activation and of its slope over an interval, for the activations a proof supports: tanh(g x),
 * the algebraic sigmoid g x / sqrt(1 + (g x)^2), the logistic and the rectified tanh of the firing-rate model, and the
 * hard tanh (kinked: the slope over an interval holding a kink is the hull of both sides). The values are monotone, so
 * their enclosure is the interval evaluation at the two ends; the slopes are evaluated in interval arithmetic
 * ({@code g (1 - tanh^2)}, {@code g (1 + z^2)^(-3/2)}, {@code 4 rho Phi (1 - Phi)}) and intersected with their known
 * range [0, Lip].
 */
interface IntervalActivation {

    Interval value(Interval x);

    Interval slope(Interval x);

    /** The Lipschitz constant (the largest slope). */
    double lipschitz();

    /** Whether the activation is odd, {@code psi(-x) = -psi(x)} (tanh, algebraic, hard tanh). */
    default boolean odd() {
        return false;
    }

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
                @Override public boolean odd() { return true; }
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
                @Override public boolean odd() { return true; }
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
        if (a instanceof RectifiedTanh rt) {
            return rectifiedTanh(rt.rho(), rt.threshold());
        }
        if (a instanceof HardTanh h) {
            return hardTanh(h.gain());
        }
        throw new IllegalArgumentException("a proof supports the activations tanh, algebraic, logistic, rectified-tanh "
                + "and hard-tanh, got " + a.name());
    }

    /**
     * {@code Phi(y) = tanh(rho (y - t))} for y >= t, 0 below: monotone, so the value is enclosed from the ends; the
     * slope is 0 below t and {@code rho (1 - tanh^2)} above, and over an interval holding the kink t every difference
     * quotient lies in the hull of both ([0, rho] at most), which is what the mean-value form of the proofs needs.
     */
    private static IntervalActivation rectifiedTanh(double rho, double t) {
        return new IntervalActivation() {
            @Override public Interval value(Interval y) {
                return new Interval(above(y.lo()).lo(), above(y.hi()).hi());
            }

            private Interval above(double y) {
                Interval z = Interval.of(y).sub(Interval.of(t));
                return z.hi() <= 0 ? Interval.ZERO : z.mul(rho).tanh().clamp(0, 1);
            }

            @Override public Interval slope(Interval y) {
                if (y.hi() < t) {
                    return Interval.ZERO;
                }
                Interval z = new Interval(Math.max(y.lo(), t), y.hi()).sub(Interval.of(t));
                Interval s = Interval.ONE.sub(z.mul(rho).tanh().sqr()).mul(rho).clamp(0, rho);
                return y.lo() < t ? s.hull(Interval.ZERO) : s;
            }

            @Override public double lipschitz() { return rho; }
        };
    }

    /** {@code clamp(g u, -1, 1)}: slope g strictly inside |u| < 1/g, 0 outside, the hull [0, g] across a kink. */
    private static IntervalActivation hardTanh(double g) {
        return new IntervalActivation() {
            @Override public Interval value(Interval u) {
                Interval gu = u.mul(g);
                return new Interval(Math.max(-1, Math.min(1, gu.lo())), Math.max(-1, Math.min(1, gu.hi())));
            }

            @Override public Interval slope(Interval u) {
                Interval gu = u.mul(g);
                if (gu.lo() > -1 && gu.hi() < 1) {
                    return Interval.of(g);
                }
                if (gu.lo() > 1 || gu.hi() < -1) {
                    return Interval.ZERO;
                }
                return new Interval(0, g);
            }

            @Override public double lipschitz() { return g; }

            @Override public boolean odd() { return true; }
        };
    }

    private static Interval algebraic(Interval z) {
        return z.div(Interval.ONE.add(z.sqr()).sqrt());
    }

    private static Interval logistic(Interval y, double k, Interval centre) {
        return Interval.ONE.div(Interval.ONE.add(y.sub(centre).mul(-k).exp()));
    }
}
