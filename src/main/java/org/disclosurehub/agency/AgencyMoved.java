package org.disclosurehub.agency;

import java.time.Instant;

/**
 * An agency's division changed: its reports now count in {@code divisionCode}. Fired inside the
 * writing transaction, after {@link AgencyChanged}, so that observers keeping totals per division
 * move them with it.
 */
public record AgencyMoved(
    long agencyId, String previousDivisionCode, String divisionCode, Instant at) {}
