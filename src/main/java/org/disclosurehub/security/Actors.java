package org.disclosurehub.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import org.disclosurehub.system.ProblemException;
import org.disclosurehub.system.ProblemType;
import org.disclosurehub.system.Roles;

/**
 * The actor of a request of the review cycle: from the {@code Authorization} header (the API), or
 * from a token a page's form carries ({@link #byToken}).
 */
@ApplicationScoped
public class Actors {
  private final SecurityIdentity identity;
  private final BearerTokenIdentityProvider provider;

  Actors(SecurityIdentity identity, BearerTokenIdentityProvider provider) {
    this.identity = identity;
    this.provider = provider;
  }

  /** The caller of this request; 401 without a token. */
  public Actor current() {
    if (identity.isAnonymous()) {
      throw new UnauthorizedException();
    }
    return of(identity);
  }

  /** The holder of a token typed into a page's form; 401 if it is no valid token. */
  public Actor byToken(String token) {
    if (token == null || token.isBlank()) {
      throw new ProblemException(ProblemType.UNAUTHORIZED, "Enter your token to act");
    }
    try {
      return of(provider.identify(token.strip()));
    } catch (AuthenticationFailedException e) {
      throw new ProblemException(ProblemType.INVALID_TOKEN, "The token is unknown or was revoked");
    }
  }

  private static Actor of(SecurityIdentity who) {
    String author = who.getPrincipal().getName();
    if (who.hasRole(Roles.ADMIN)) {
      return new Actor(author, Actor.Kind.ADMIN, null, null);
    }
    if (who.hasRole(Roles.REVIEWER)) {
      return new Actor(
          author,
          Actor.Kind.REVIEWER,
          null,
          who.getAttribute(BearerTokenIdentityProvider.DIVISION_CODE));
    }
    return new Actor(
        author, Actor.Kind.AGENCY, who.getAttribute(BearerTokenIdentityProvider.AGENCY_CODE), null);
  }
}
