package org.disclosurehub.security;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Who is writing in this request, for the audit trail of every revision: {@code admin} or {@code
 * token:<id>}.
 */
@ApplicationScoped
public class CurrentWriter {
  private final SecurityIdentity identity;

  CurrentWriter(SecurityIdentity identity) {
    this.identity = identity;
  }

  /** {@code admin} or {@code token:<id>}; no revision is ever stored without one. */
  public String author() {
    if (identity.isAnonymous()) {
      throw new UnauthorizedException();
    }
    return identity.getPrincipal().getName();
  }
}
