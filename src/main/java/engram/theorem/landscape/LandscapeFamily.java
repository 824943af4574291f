package engram.theorem.landscape;

import engram.claim.Claim;
import engram.claim.ClaimFamily;
import java.util.List;

/** The energy landscape: basins of attraction and what they must contain (theory.md section 9). */
public final class LandscapeFamily implements ClaimFamily {

    @Override public String name() { return "landscape"; }

    @Override public String title() { return "The energy landscape: basins of attraction"; }

    @Override public List<Claim<?>> claims() {
        return List.of(new BasinsCertifiedBallClaim());
    }
}
