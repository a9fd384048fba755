package org.disclosurehub.backfill;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import org.disclosurehub.security.Actors;
import org.disclosurehub.system.ProblemException;
import org.disclosurehub.system.ProblemType;
import org.disclosurehub.system.Roles;

/** Who may start an import job for a division and decide its files. */
@ApplicationScoped
class JobPermission {
  private final SecurityIdentity identity;

  JobPermission(SecurityIdentity identity) {
    this.identity = identity;
  }

  /** The admin, or a reviewer of the division (or of a division it lies in). */
  void requireReviewerOf(String division) {
    requireReviewerOf(identity, division);
  }

  static void requireReviewerOf(SecurityIdentity identity, String division) {
    if (identity == null || identity.isAnonymous()) {
      throw new UnauthorizedException();
    }
    if (identity.hasRole(Roles.ADMIN)
        || identity.hasRole(Roles.REVIEWER) && Actors.of(identity).reviews(division)) {
      return;
    }
    throw new ProblemException(
        ProblemType.FORBIDDEN,
        "Only the admin or a reviewer of the division may import a region's history or decide"
            + " its files (division "
            + division
            + ")");
  }

  String who() {
    return identity.getPrincipal().getName();
  }
}
