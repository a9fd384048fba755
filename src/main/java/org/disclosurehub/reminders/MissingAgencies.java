package org.disclosurehub.reminders;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.disclosurehub.region.Division;
import org.disclosurehub.region.Regions;
import org.disclosurehub.sql.Rows;
import org.disclosurehub.sql.Sql;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The agencies of a region expected to report for a year (the roll-ups' rule, {@link Sql#activeIn})
 * that have no current report for it, in the caller's transaction.
 */
@ApplicationScoped
public class MissingAgencies {
  /** An agency still missing, with where it is. */
  @Schema(requiredProperties = {"code", "name", "divisionCode", "divisionName"})
  public record Missing(String code, String name, String divisionCode, String divisionName) {}

  public List<Missing> of(String region, int year) {
    Division division = new Division(region);
    return Rows.select(
            """
            select a.code, a.name, a.division_code
            from agency a
            where a.division_code between :lowest and :highest
            """
                + " and "
                + Sql.expectedIn(":year")
                + """

              and not exists (select 1 from report r
                                   join report_revision v
                                        on v.report_id = r.id and v.revision = r.current_revision
                              where r.agency_id = a.id and r.year = :year and not v.withdrawn)
            order by a.division_code, a.code""")
        .set("lowest", division.lowest())
        .set("highest", division.highest())
        .set("year", year)
        .rows()
        .stream()
        .map(
            r ->
                new Missing(
                    (String) r.get("code"),
                    (String) r.get("name"),
                    (String) r.get("division_code"),
                    Regions.name((String) r.get("division_code"))))
        .toList();
  }
}
