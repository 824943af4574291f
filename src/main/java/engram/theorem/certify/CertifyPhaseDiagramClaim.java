package engram.theorem.certify;

import static engram.claim.Evaluation.fmt;

import engram.activation.ActivationKind;
import engram.analysis.PhaseDiagram;
import engram.analysis.RateStability;
import engram.analysis.RowGroups;
import engram.certify.Certifier;
import engram.certify.RateDesignProof;
import engram.claim.CaseSpace;
import engram.claim.Claim;
import engram.claim.Evaluation;
import engram.memory.FiringRateDesign;
import engram.memory.PatternSet;
import engram.memory.Patterns;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code certify.phase-diagram}: Phase-diagram cells are proven as sampled (properties/certify.phase-diagram.properties;
 * docs/theory.md section 8.9). The catalogue entry states the hypotheses, metric, tolerances and control; this class
 * draws the cases and measures.
 */
public final class CertifyPhaseDiagramClaim implements Claim<CertifyPhaseDiagramClaim.Case> {

    /** theory.md's network: balanced (common-core) memories, N = 1000, q = 0.2. */
    static final int N = 1000;

    /** One cell: the activation, the target fields (a, b), the slope rho and the threshold. */
    public record Case(ActivationKind activation, double a, double b, double rho, double threshold) {
    }

    @Override public String id() { return "certify.phase-diagram"; }

    @Override public CaseSpace<Case> hypotheses() {
        return d -> {
            double[] ab = d.choice("fields (a, b)", List.of(PhaseDiagram.FIELDS));
            return new Case(d.choice("activation", PhaseDiagram.ACTIVATIONS), ab[0], ab[1], d.real("rho", 0.2, 5),
                    d.real("threshold", 0, 0.9));
        };
    }

    @Override public CaseSpace<Case> control() {
        return d -> new Case(ActivationKind.RECTIFIED_TANH, FiringRateDesign.EXCITATORY_A, FiringRateDesign.REFERENCE_B,
                d.real("rho", 0.2, 5), FiringRateDesign.EXCITATORY_A);
    }

    static final PatternSet MEMORIES = Patterns.commonCore(N, FiringRateDesign.REFERENCE_Q);
    static final RowGroups GROUPS = RowGroups.of(MEMORIES);

    static FiringRateDesign design(Case c) {
        return FiringRateDesign.independent(MEMORIES, c.activation().of(c.rho(), c.threshold()), c.a(), c.b(),
                FiringRateDesign.REFERENCE_Q);
    }

    @Override public Evaluation evaluate(Case c) {
        FiringRateDesign d = design(c);
        double lambda = RateStability.maxEigenvalueOverMemories(d);
        RateDesignProof.Cell proof = RateDesignProof.cell(d, GROUPS);
        List<String> wrong = disagreements(proof, lambda, tolerance("separated"), tolerance("sample"));
        return Evaluation.atMost(wrong.size(), tolerance(), "sampled lambda_max " + fmt(lambda) + ", proof "
                + proof.verdict() + (Certifier.PROVEN.equals(proof.verdict()) ? " (decay rate " + fmt(proof.decayRate())
                + ")" : "") + (wrong.isEmpty() ? "" : "; " + String.join("; ", wrong)));
    }

    /** Every way the proof can disagree with the sampled largest eigenvalue lambda. */
    static List<String> disagreements(RateDesignProof.Cell proof, double lambda, double separated, double sample) {
        List<String> wrong = new ArrayList<>();
        boolean stable = Certifier.PROVEN.equals(proof.verdict()), unstable = Certifier.REFUTED.equals(proof.verdict());
        if (stable && !(proof.decayRate() <= -lambda + sample)) {
            wrong.add("proven decay rate " + fmt(proof.decayRate()) + " above the sampled -lambda " + fmt(-lambda));
        }
        if (unstable && !(lambda > -sample)) {
            wrong.add("proven unstable, sampled lambda " + fmt(lambda));
        }
        if (!stable && !unstable && Math.abs(lambda) > separated) {
            wrong.add("undecided though the sampled lambda " + fmt(lambda) + " is separated from 0");
        }
        return wrong;
    }
}
