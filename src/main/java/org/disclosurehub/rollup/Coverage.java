package org.disclosurehub.rollup;

import org.disclosurehub.region.Division;

/**
 * The agencies a roll-up covers: division codes from {@code lowest} to {@code highest}; their sums
 * are the region_totals rows of {@code code} and {@code scope} (own or all). Without a code (the
 * whole country) there are no such rows.
 */
record Coverage(String code, String scope, String lowest, String highest) {

  /** Every agency within the division, or ({@code own}) only those whose division it is. */
  static Coverage of(Division division, boolean own) {
    return own
        ? new Coverage(division.code(), "own", division.code(), division.code())
        : new Coverage(division.code(), "all", division.lowest(), division.highest());
  }

  /** Every agency of the country. */
  static Coverage everywhere() {
    return new Coverage(null, "all", "000000", "999999");
  }
}
