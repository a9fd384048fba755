package org.disclosurehub.rollup;

/** A region's year, with the sums it was built from (CSV writes those). */
record SummedYear(RegionRollup rollup, Sums sums, CompletenessReads.Expected expected) {}
