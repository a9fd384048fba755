package org.disclosurehub.backfill;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
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

  /**
   * The admin. Hook for the review cycle: a reviewer of the division (or of a division it lies in)
   * may too, once reviewers exist; add that role's check here and nowhere else.
   */
  void requireReviewerOf(String division) {
    requireReviewerOf(identity, division);
  }

  static void requireReviewerOf(SecurityIdentity identity, String division) {
    if (identity == null || identity.isAnonymous()) {
      throw new UnauthorizedException();
    }
    if (identity.hasRole(Roles.ADMIN)) {
      return;
    }
    throw new ProblemException(
        ProblemType.FORBIDDEN,
        "Only the admin may import a region's history or decide its files (division "
            + division
            + ")");
  }

  String who() {
    return identity.getPrincipal().getName();
  }
}
