package engram.cli;

import engram.activation.Activation;
import engram.activation.ActivationKind;
import picocli.CommandLine.Option;

/** The transfer function of the capacity commands: a bounded activation and its gain. */
final class CapacityActivation {

    @Option(names = "--activation", required = true, description = "sign | tanh | hard-tanh | algebraic | logistic "
            + "(alias sigmoid) | rectified-tanh: a bounded transfer function.")
    ActivationKind kind;

    @Option(names = "--gain", defaultValue = "1", description = "Gain, in [0.001, 1e6] (ignored by sign; default "
            + "${DEFAULT-VALUE}). Above 1e3 every activation is within round-off of its high-gain limit.")
    double gain;

    boolean sign() {
        return kind == ActivationKind.SIGN;
    }

    /** The gain as reported (1 for sign neurons). */
    double reportedGain() {
        return sign() ? 1 : gain;
    }

    /** The activation, refusing unbounded ones (their fixed points need not exist). */
    Activation build() {
        Ranges.within("--gain", gain, 1e-3, 1e6);
        Activation f = kind.of(gain, 0);
        if (!f.bounded()) {
            throw new IllegalArgumentException("--activation " + kind + ": capacity needs a bounded transfer function "
                    + "(sign, tanh, hard-tanh, algebraic, logistic, rectified-tanh)");
        }
        return f;
    }
}
