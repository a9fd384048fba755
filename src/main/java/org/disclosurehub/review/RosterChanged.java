package org.disclosurehub.review;

/**
 * The roster of a year changed for an agency: who is expected to report, which completeness and the
 * missing lists of the roll-ups follow. Fired inside the writing transaction.
 */
public record RosterChanged(long agencyId, int year) {}
