package engram.theorem;

import engram.claim.Claim;
import engram.claim.ClaimFamily;
import engram.theorem.capacity.CapacityFamily;
import engram.theorem.certify.CertifyFamily;
import engram.theorem.firingrate.FiringRateFamily;
import engram.theorem.foundation.FoundationFamily;
import engram.theorem.inputdriven.InputDrivenFamily;
import engram.theorem.landscape.LandscapeFamily;
import engram.theorem.lagrangian.LagrangianFamily;
import engram.theorem.numerics.NumericsFamily;
import java.util.List;

/**
 * The registry: the claim families, in report order. The generated test suite, the report and the CLI all read it.
 * A new family is one line here; a new claim is one line in its family.
 */
public final class Theorems {

    private static final List<ClaimFamily> FAMILIES = List.of(new FoundationFamily(), new NumericsFamily(), new FiringRateFamily(),
            new InputDrivenFamily(), new LagrangianFamily(), new CapacityFamily(), new CertifyFamily(), new LandscapeFamily());

    private Theorems() {
    }

    public static List<ClaimFamily> families() {
        return FAMILIES;
    }

    /** Every claim, family by family. */
    public static List<Claim<?>> all() {
        return FAMILIES.stream().flatMap(f -> f.claims().stream()).toList();
    }

    public static Claim<?> byId(String id) {
        return all().stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--claim: unknown claim '" + id + "'; see engram claims"));
    }
}
