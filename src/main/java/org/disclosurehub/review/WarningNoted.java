package org.disclosurehub.review;

/**
 * A warning of a report was explained, its explanation confirmed or rejected, or reopened by a
 * correction: the open and explained warnings the roll-ups count changed. Fired inside the writing
 * transaction.
 */
public record WarningNoted(long agencyId, int year) {}
