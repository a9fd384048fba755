package org.disclosurehub.rollup;

/**
 * An agency that joined ({@code joined}) or left the roster of {@code year}, compared with the year
 * before; {@code decidedFor} the year of the roster change that decided it (with its cause, the
 * name of the agency merged into and the reason), null where its span of years alone did.
 */
public record RosterMove(
    int year,
    String code,
    String name,
    boolean joined,
    Integer decidedFor,
    String cause,
    String mergedInto,
    String reason) {}
