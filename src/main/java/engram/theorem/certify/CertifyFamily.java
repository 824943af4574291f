package engram.theorem.certify;

import engram.claim.Claim;
import engram.claim.ClaimFamily;
import java.util.List;

/** Proofs against samples: interval-arithmetic verdicts held against the sampled ones (theory.md section 8). */
public final class CertifyFamily implements ClaimFamily {

    @Override public String name() { return "certify"; }

    @Override public String title() { return "Proofs by interval arithmetic, held against sampled verdicts"; }

    @Override public List<Claim<?>> claims() {
        return List.of(new CertifySampledAgreementClaim());
    }
}
