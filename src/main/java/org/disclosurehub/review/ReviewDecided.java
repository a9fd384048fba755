package org.disclosurehub.review;

import java.time.Instant;

/**
 * A reviewer returned or accepted a report's current revision. Fired inside the transaction that
 * records the decision, so that observers keeping an outbox record it with the decision or not at
 * all.
 *
 * @param decision {@code returned} or {@code accepted}
 */
public record ReviewDecided(
    long agencyId,
    String agencyCode,
    String divisionCode,
    int year,
    int revision,
    String decision,
    String reason,
    String author,
    Instant at) {}
