package org.disclosurehub.backfill;

import java.util.List;
import org.disclosurehub.region.Division;
import org.disclosurehub.sql.Rows;

/**
 * The agencies of a job's division by name, read once for the files a worker claimed together (and
 * only if one of them needs its agency matched).
 */
final class AgencyRegistry {
  private final String division;
  private AgencyNames names;

  AgencyRegistry(String division) {
    this.division = division;
  }

  AgencyNames names() {
    if (names == null) {
      names = new AgencyNames(division, registered(division));
    }
    return names;
  }

  /** The division's agencies by name: three columns, not entities (one read per claim). */
  private static List<AgencyNames.Registered> registered(String divisionCode) {
    Division division = new Division(divisionCode);
    return Rows.select(
            """
            select code, name, division_code from agency
            where division_code between :lowest and :highest order by code""")
        .set("lowest", division.lowest())
        .set("highest", division.highest())
        .rows()
        .stream()
        .map(
            r ->
                new AgencyNames.Registered((String) r.get(0), (String) r.get(1), (String) r.get(2)))
        .toList();
  }
}
