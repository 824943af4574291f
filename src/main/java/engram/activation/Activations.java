package engram.activation;

import java.util.List;

/** Builds an activation from its command-line name and two shape parameters. */
public final class Activations {

    public static final List<String> NAMES = List.of("tanh", "logistic", "rectified-tanh", "relu", "sign");

    private Activations() {
    }

    /**
     * @param gain the gain (tanh, relu) or slope rho (logistic, rectified-tanh)
     * @param threshold the threshold I* (ignored by tanh and sign)
     */
    public static Activation of(String name, double gain, double threshold) {
        return switch (name) {
            case "tanh" -> new Tanh(gain);
            case "logistic", "sigmoid" -> new Logistic(gain, threshold);
            case "rectified-tanh" -> new RectifiedTanh(gain, threshold);
            case "relu" -> new ThresholdLinear(gain, threshold);
            case "sign" -> new Sign();
            default -> throw new IllegalArgumentException("activation must be one of " + NAMES + ", got '" + name + "'");
        };
    }
}
