package org.disclosurehub.agency;

/**
 * An agency was registered or changed (name, division, active years, which roll-ups show). Fired
 * inside the writing transaction.
 */
public record AgencyChanged(long agencyId) {}
