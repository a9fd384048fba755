package org.disclosurehub.security;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A token just issued: the only time the token itself is ever shown. */
@Schema(
    description = "A newly issued agency token; the token is shown this once and never again",
    requiredProperties = {"id", "agency", "token", "createdAt"})
record IssuedToken(
    @Schema(description = "Token id, as revisions name their author (token:<id>)", example = "7")
        long id,
    @Schema(example = "zhongwei-civil-affairs") String agency,
    @Schema(
            description = "The bearer token: 256 random bits, base64url. Store it now.",
            example = "q3Jx0Vb8mC2yN1dE5fG7hI9jK4lM6nO8pQ0rS2tU4vW")
        String token,
    Instant createdAt) {}
