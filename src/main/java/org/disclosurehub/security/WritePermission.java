package org.disclosurehub.security;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import org.disclosurehub.system.ProblemException;
import org.disclosurehub.system.ProblemType;
import org.disclosurehub.system.Roles;

/**
 * The one place that decides who may write an agency's reports: that agency's token or the admin.
 * Every endpoint that stores a report for an agency calls {@link #requireAgencyOrAdmin} first: the
 * report PUT, and an import that stores ({@code POST /api/v1/imports?store=true&agency=…}).
 */
@ApplicationScoped
public class WritePermission {
  private final SecurityIdentity identity;

  WritePermission(SecurityIdentity identity) {
    this.identity = identity;
  }

  /**
   * Returns if the caller is the admin or holds a token of agency {@code agencyCode}; otherwise
   * throws: 401 without a valid token, 403 with another agency's token.
   */
  public void requireAgencyOrAdmin(String agencyCode) {
    if (identity.isAnonymous()) {
      throw new UnauthorizedException();
    }
    if (identity.hasRole(Roles.ADMIN)) {
      return;
    }
    Object own = identity.getAttribute(BearerTokenIdentityProvider.AGENCY_CODE);
    if (identity.hasRole(Roles.AGENCY) && agencyCode.equals(own)) {
      return;
    }
    if (identity.hasRole(Roles.REVIEWER)) {
      throw new ProblemException(
          ProblemType.FORBIDDEN,
          "A reviewer's token reviews reports and writes none; '"
              + agencyCode
              + "' writes its reports with its own token");
    }
    throw new ProblemException(
        ProblemType.FORBIDDEN,
        "This token belongs to agency '"
            + own
            + "' and may write only that agency's reports, not those of '"
            + agencyCode
            + "'");
  }
}
