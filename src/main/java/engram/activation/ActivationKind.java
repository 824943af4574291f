package engram.activation;

import java.util.Arrays;
import java.util.Locale;

/**
 * The activations Engram knows, by their command-line names. {@link #of} builds one from a gain (tanh, ReLU,
 * algebraic, sinh) or slope
 * rho (the sigmoids) and a threshold I* (ignored by tanh and sign). {@code sigmoid} is accepted for {@link #LOGISTIC},
 * theory.md's name for it.
 */
public enum ActivationKind {
    TANH("tanh"), LOGISTIC("logistic"), RECTIFIED_TANH("rectified-tanh"), RELU("relu"), SIGN("sign"),
    ALGEBRAIC("algebraic"), SINH("sinh"), HARD_TANH("hard-tanh");

    private final String cliName;

    ActivationKind(String cliName) {
        this.cliName = cliName;
    }

    public Activation of(double gain, double threshold) {
        return switch (this) {
            case TANH -> new Tanh(gain);
            case LOGISTIC -> new Logistic(gain, threshold);
            case RECTIFIED_TANH -> new RectifiedTanh(gain, threshold);
            case RELU -> new ThresholdLinear(gain, threshold);
            case SIGN -> new Sign();
            case ALGEBRAIC -> new Algebraic(gain);
            case SINH -> new Sinh(gain);
            case HARD_TANH -> new HardTanh(gain);
        };
    }

    /** The kind named on the command line ({@code sigmoid} is an alias of {@code logistic}). */
    public static ActivationKind parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.equals("sigmoid")) {
            return LOGISTIC;
        }
        for (ActivationKind k : values()) {
            if (k.cliName.equals(n)) {
                return k;
            }
        }
        throw new IllegalArgumentException("expected one of " + Arrays.toString(values()) + " (or sigmoid) but was '"
                + name + "'");
    }

    @Override public String toString() {
        return cliName;
    }
}
