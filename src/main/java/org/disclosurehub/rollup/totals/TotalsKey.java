package org.disclosurehub.rollup.totals;

import java.util.ArrayList;
import java.util.List;
import org.disclosurehub.region.Division;

/** A region_totals row: a region, its agencies ({@code all}) or only its own, and a year. */
record TotalsKey(int year, String division, String scope) {

  /**
   * The totals rows a report of an agency in {@code division} counts in: its division's own
   * agencies, and all agencies of its division, its city and its province.
   */
  static List<String[]> regionsOf(String division) {
    Division d = new Division(division);
    List<String[]> regions = new ArrayList<>();
    regions.add(new String[] {division, "own"});
    regions.add(new String[] {division, "all"});
    if (d.level() == Division.Level.county) {
      regions.add(new String[] {Division.cityOf(division), "all"});
    }
    if (d.level() != Division.Level.province) {
      regions.add(new String[] {Division.provinceOf(division), "all"});
    }
    return regions;
  }
}
