package engram.theorem.lagrangian;

import static engram.claim.Evaluation.fmt;

import engram.analysis.MemoryLearning;
import engram.claim.CaseSpace;
import engram.claim.Claim;
import engram.claim.Evaluation;
import java.util.Arrays;
import java.util.List;

/**
 * {@code memory.cosine-trajectory}: Memory dynamics follow the authors' cosine theory (Figure 1)
 * (properties/memory.cosine-trajectory.properties; docs/theory.md section 4.4). The catalogue entry states the
 * hypotheses, metric, tolerances and control; this class draws the cases and measures.
 */
public final class MemoryCosineTrajectoryClaim implements Claim<MemoryCosineTrajectoryClaim.Case> {

    public record Case(MemoryLearning.Settings settings, boolean ode, long seed) {
    }

    @Override public String id() { return "memory.cosine-trajectory"; }

    @Override public int examples() { return 10; }

    @Override public int controlBudget() { return 5; }

    @Override public CaseSpace<Case> hypotheses() {
        return d -> {
            if (d.choice("settings", List.of("figure 1", "generated")).equals("figure 1")) {
                return new Case(MemoryLearning.Settings.FIGURE_1, d.choice("dynamics (figure 1)", List.of(false, true)),
                        d.seed());
            }
            int nv = d.integer("N_v", 30, 80), nh = d.integer("N_h", 2, 6);
            double tau = d.real("tau_Xi", 50, 300);
            return new Case(new MemoryLearning.Settings(nv, nh, tau, d.real("beta", 1, 4),
                    d.real("sigma", 0.1, 0.5), (int) Math.min(2000, Math.round(2 * tau * nh)),
                    d.choice("targets rescaled to their memories' norms (the theory's assumption)",
                            List.of(false, true))), false, d.seed());
        };
    }

    @Override public CaseSpace<Case> control() {
        return d -> {
            int nv = d.integer("N_v", 30, 80);
            return new Case(new MemoryLearning.Settings(nv, 4, 250, d.real("beta N_v (control)", 0.05, 1) / nv, 0.4, 2000),
                    false, d.seed());
        };
    }

    @Override public Evaluation evaluate(Case c) {
        MemoryLearning.Run r = MemoryLearning.run(c.settings(), c.seed(), c.ode(), null, c.settings().steps());
        // where the theory's assumption of equal norms holds, it is off only by the discrete presentations: O(1/tau_Xi)
        double theory = c.settings().equalNorms() ? tolerance("equal-norms") - r.maxDeviation() * c.settings().tau()
                : tolerance() - r.maxDeviation();
        double margin = Math.min(theory, Math.min(tolerance("exact") - r.exactDeviation(),
                tolerance("time-constant") - r.timeConstantError()));
        return new Evaluation(r.maxDeviation(), margin, (c.ode() ? "ODE" : "discrete") + " dynamics"
                + (c.settings().equalNorms() ? ", equal norms" : "") + ": largest "
                + "|cos - s(t)| " + fmt(r.maxDeviation()) + ", |cos - exact one-hot| " + fmt(r.exactDeviation())
                + ", theory's decay vs exact " + fmt(r.timeConstantError()) + " over " + c.settings().steps() + " steps; cosines "
                + fmt(Arrays.stream(r.initialCosine()).min().orElse(0)) + " -> " + fmt(Arrays.stream(r.finalCosine()).min()
                .orElse(0)) + " (smallest)");
    }
}
