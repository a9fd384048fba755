package org.disclosurehub.rollup;

/**
 * What a roll-up read covers, for its ETag: the region (for 404: no agency ever registered in it),
 * the agencies summed, and the years.
 */
record ReadScope(String regionCode, Coverage region, Coverage coverage, int fromYear, int toYear) {}
