package org.disclosurehub.review;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.disclosurehub.region.Division;
import org.disclosurehub.sql.Sql;

/**
 * What the roster, the queue and the notice read about a division's agencies in a year, in one
 * statement each. The span of years an agency is expected for is V8's {@code agency_span_of}, the
 * rule of the roll-ups; a roster change of the year, where there is one, decides instead.
 */
final class ReviewQueries {
  private ReviewQueries() {}

  /** One agency of a division in a year: the roster, its report and its review. */
  record AgencyYear(
      long agencyId,
      String code,
      String name,
      String divisionCode,
      boolean expectedBySpan,
      Boolean rosterExpected,
      String cause,
      String mergedInto,
      String rosterReason,
      Integer revision,
      Instant firstSubmittedAt,
      LocalDate publishedOn,
      int violationCount,
      String state,
      boolean everAccepted,
      Boolean late) {

    boolean expected() {
      return rosterExpected != null ? rosterExpected : expectedBySpan;
    }

    boolean filed() {
      return revision != null;
    }
  }

  private static final Sql AGENCIES_OF_YEAR =
      Sql.of(
          """
      select a.id, a.code, a.name, a.division_code,
             (s.first_year <= :year and :year <= s.last_year) as expected_by_span,
             c.expected, c.cause, m.code as merged_into, c.reason,
             case when v.withdrawn then null else v.revision end as revision,
             r.first_submitted_at,
             (v.content ->> 'publishedOn')::date as published_on,
             coalesce(v.violation_count, 0) as violation_count,
             e.kind,
             exists (select 1 from review_entry x
                     where x.agency_id = a.id and x.year = :year and x.kind = 'accepted'),
             l.late
      from agency a
      cross join lateral agency_span_of(a.id) s
      left join lateral (select * from roster_change c
                         where c.agency_id = a.id and c.year = :year
                         order by c.id desc limit 1) c on true
      left join agency m on m.id = c.merged_into
      left join report r on r.agency_id = a.id and r.year = :year
      left join report_revision v on v.report_id = r.id and v.revision = r.current_revision
      left join report_cells l on l.report_id = r.id
      left join lateral (select e.kind from review_entry e
                         where e.agency_id = a.id and e.year = :year
                           and e.kind in ('filed', 'withdrawn', 'returned', 'accepted')
                         order by e.seq desc limit 1) e on true
      where a.division_code between :lowest and :highest
      order by a.division_code, a.code""");

  static List<AgencyYear> agenciesOf(Division division, int year) {
    Sql.flushPending();
    return Sql.inTransaction(
        connection -> {
          List<AgencyYear> rows = new ArrayList<>();
          try (Sql.Statement statement = AGENCIES_OF_YEAR.prepare(connection)) {
            statement
                .set("year", year)
                .set("lowest", division.lowest())
                .set("highest", division.highest());
            try (ResultSet r = statement.query()) {
              while (r.next()) {
                rows.add(
                    new AgencyYear(
                        r.getLong(1),
                        r.getString(2),
                        r.getString(3),
                        r.getString(4),
                        r.getBoolean(5),
                        (Boolean) r.getObject(6),
                        r.getString(7),
                        r.getString(8),
                        r.getString(9),
                        (Integer) r.getObject(10),
                        instant(r.getTimestamp(11)),
                        date(r.getDate(12)),
                        r.getInt(13),
                        r.getString(14),
                        r.getBoolean(15),
                        (Boolean) r.getObject(16)));
              }
            }
          }
          return rows;
        });
  }

  private static LocalDate date(Object value) {
    if (value == null || value instanceof LocalDate) {
      return (LocalDate) value;
    }
    return ((java.sql.Date) value).toLocalDate();
  }

  private static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Instant i) {
      return i;
    }
    if (value instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    return ((Timestamp) value).toInstant();
  }
}
