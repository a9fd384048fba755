package org.disclosurehub.security;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An agency token as listed: never the token itself. */
@Schema(
    description = "An agency token, without the token",
    requiredProperties = {"id", "agency", "createdAt"})
record TokenView(
    @Schema(example = "7") long id,
    @Schema(example = "zhongwei-civil-affairs") String agency,
    Instant createdAt,
    @Schema(description = "When it last authenticated a request; null if never", nullable = true)
        Instant lastUsedAt,
    @Schema(description = "When it was revoked; null while it is valid", nullable = true)
        Instant revokedAt) {

  static TokenView of(AgencyToken token) {
    return new TokenView(
        token.id, token.agency.code, token.createdAt, token.lastUsedAt, token.revokedAt);
  }
}
