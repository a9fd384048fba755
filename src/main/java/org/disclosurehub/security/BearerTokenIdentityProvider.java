package org.disclosurehub.security;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.disclosurehub.system.HubConfig;
import org.disclosurehub.system.Roles;
import org.disclosurehub.system.Sha256;

/**
 * Turns a bearer token into an identity: the admin token (HUB_ADMIN_TOKEN) into the role {@code
 * admin}, an agency token into the role {@code agency} with its agency's code, a reviewer token
 * into the role {@code reviewer} with its division. An unknown or revoked token fails
 * authentication (401); the token itself is never logged nor put in a message.
 */
@ApplicationScoped
class BearerTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {
  /** The author recorded for the admin; an agency token's author is {@code token:<id>}. */
  static final String ADMIN_PRINCIPAL = "admin";

  /** The {@code SecurityIdentity} attribute holding an agency token's agency code. */
  static final String AGENCY_CODE = "agencyCode";

  /** The {@code SecurityIdentity} attribute holding a reviewer token's division. */
  static final String DIVISION_CODE = "divisionCode";

  private static final int MIN_ADMIN_TOKEN_LENGTH = 32;

  private final HubConfig config;
  private final Clock clock;

  BearerTokenIdentityProvider(HubConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  void checkAdminToken(@Observes StartupEvent started) {
    if (config.adminToken().isEmpty()) {
      Log.warn(
          "HUB_ADMIN_TOKEN is not set: agencies cannot be registered and no agency token can be"
              + " issued until it is");
    } else if (LaunchMode.current() == LaunchMode.NORMAL
        && config.adminToken().get().length() < MIN_ADMIN_TOKEN_LENGTH) {
      Log.warnf(
          "HUB_ADMIN_TOKEN has fewer than %d characters; use a long random one",
          MIN_ADMIN_TOKEN_LENGTH);
    }
  }

  @Override
  public Class<TokenAuthenticationRequest> getRequestType() {
    return TokenAuthenticationRequest.class;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      TokenAuthenticationRequest request, AuthenticationRequestContext context) {
    String token = request.getToken().getToken();
    return context.runBlocking(() -> identify(token));
  }

  /**
   * The identity a token stands for: the admin, an agency or a reviewer; an unknown or revoked
   * token fails authentication. Also how a page's form, which carries the token in a field, is
   * authenticated ({@link Actors#byToken}).
   */
  SecurityIdentity identify(String token) {
    if (config.adminToken().filter(admin -> Tokens.sameSecret(token, admin)).isPresent()) {
      return QuarkusSecurityIdentity.builder()
          .setPrincipal(new QuarkusPrincipal(ADMIN_PRINCIPAL))
          .addRole(Roles.ADMIN)
          .build();
    }
    if (!Tokens.looksLikeAgencyToken(token)) {
      throw new AuthenticationFailedException("not a token this service issued");
    }
    String sha256 = Sha256.hex(token);
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
              // The look-up is by hash, so its timing tells nothing about the token; the
              // comparison is constant-time all the same.
              AgencyToken known =
                  AgencyToken.activeByHash(sha256)
                      .filter(t -> sameHash(t.tokenSha256, sha256))
                      .orElse(null);
              if (known != null) {
                known.lastUsedAt = now;
                return QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal("token:" + known.id))
                    .addRole(Roles.AGENCY)
                    .addAttribute(BearerTokenIdentityProvider.AGENCY_CODE, known.agency.code)
                    .build();
              }
              ReviewerToken reviewer =
                  ReviewerToken.activeByHash(sha256)
                      .filter(t -> sameHash(t.tokenSha256, sha256))
                      .orElseThrow(
                          () -> new AuthenticationFailedException("unknown or revoked token"));
              reviewer.lastUsedAt = now;
              return QuarkusSecurityIdentity.builder()
                  .setPrincipal(new QuarkusPrincipal("reviewer:" + reviewer.id))
                  .addRole(Roles.REVIEWER)
                  .addAttribute(DIVISION_CODE, reviewer.divisionCode)
                  .build();
            });
  }

  private static boolean sameHash(String stored, String computed) {
    return MessageDigest.isEqual(
        stored.getBytes(StandardCharsets.US_ASCII), computed.getBytes(StandardCharsets.US_ASCII));
  }
}
