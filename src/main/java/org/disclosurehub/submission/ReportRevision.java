package org.disclosurehub.submission;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.disclosurehub.agency.Agency;
import org.disclosurehub.report.YearEnd;
import org.disclosurehub.sql.Sql;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One revision of a report exactly as it was stored; never changed once written. A filing writes it
 * as a row ({@link RevisionRows}), a withdrawal as this entity.
 */
@Entity
@Table(name = "report_revision")
class ReportRevision extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "report_id")
  public StoredReport report;

  public int revision;

  /** The canonical report JSON (see {@link ReportJson}). */
  @JdbcTypeCode(SqlTypes.JSON)
  public String content;

  @Column(name = "content_sha256")
  public String contentSha256;

  /** The blocking rule violations the report was accepted with, as a JSON array. */
  @JdbcTypeCode(SqlTypes.JSON)
  public String violations;

  @Column(name = "violation_count")
  public int violationCount;

  @Column(name = "submitted_at")
  public Instant submittedAt;

  /** Who stored it: {@code admin} or {@code token:<id>} ({@code unrecorded} before tokens). */
  public String author;

  /** The X-Change-Reason the writer gave, or null. */
  public String reason;

  /** Whether this revision withdrew the report; it then repeats the content it withdrew. */
  public boolean withdrawn;

  /** Imported from a published text, which is kept as its {@link RevisionSource}. */
  public boolean imported;

  /** The revision after {@code current} that withdraws it, repeating its content. */
  static ReportRevision withdrawal(
      ReportRevision current, Instant at, String author, String reason) {
    return row(
        current.report,
        current.revision + 1,
        current.content,
        current.contentSha256,
        current.violations,
        current.violationCount,
        at,
        author,
        reason,
        true,
        false);
  }

  /** Every revision row is built here, so that none misses a field of the audit trail. */
  private static ReportRevision row(
      StoredReport report,
      int revision,
      String content,
      String contentSha256,
      String violations,
      int violationCount,
      Instant at,
      String author,
      String reason,
      boolean withdrawn,
      boolean imported) {
    ReportRevision row = new ReportRevision();
    row.report = report;
    row.revision = revision;
    row.content = content;
    row.contentSha256 = contentSha256;
    row.violations = violations;
    row.violationCount = violationCount;
    row.submittedAt = at;
    row.author = author;
    row.reason = reason;
    row.withdrawn = withdrawn;
    row.imported = imported;
    return row;
  }

  static Optional<ReportRevision> of(StoredReport report, int revision) {
    return find("report = ?1 and revision = ?2", report, revision).firstResultOptional();
  }

  /**
   * What the agency's current report for the year hands on to the next year, unless withdrawn:
   * three values read in the database, not the whole report.
   */
  private static final Sql CURRENT_YEAR_END =
      Sql.of(
          """
          select v.content #>> '{requests,carriedForward}',
                 (v.content #>> '{activeDisclosure,regulations,inForce}')::int,
                 (v.content #>> '{activeDisclosure,normativeDocuments,inForce}')::int
          from report r
               join report_revision v on v.report_id = r.id and v.revision = r.current_revision
          where r.agency_id = :agency and r.year = :year and not v.withdrawn""");

  static Optional<YearEnd> currentYearEnd(Agency agency, int year) {
    return yearEnd(CURRENT_YEAR_END, agency, year, null);
  }

  /** The same of the revision current at {@code end} (its last one stored before). */
  private static final Sql YEAR_END_AS_OF =
      Sql.of(
          """
          select v.content #>> '{requests,carriedForward}',
                 (v.content #>> '{activeDisclosure,regulations,inForce}')::int,
                 (v.content #>> '{activeDisclosure,normativeDocuments,inForce}')::int
          from report r
          cross join lateral (select * from report_revision v
                              where v.report_id = r.id and v.submitted_at < :end
                              order by v.revision desc limit 1) v
          where r.agency_id = :agency and r.year = :year and not v.withdrawn""");

  static Optional<YearEnd> yearEndAsOf(Agency agency, int year, Instant end) {
    return yearEnd(YEAR_END_AS_OF, agency, year, end);
  }

  private static Optional<YearEnd> yearEnd(Sql sql, Agency agency, int year, Instant end) {
    Sql.flushPending();
    return Sql.inTransaction(
        connection -> {
          try (var s = sql.prepare(connection)) {
            s.set("agency", agency.id).set("year", year);
            if (end != null) {
              s.set("end", end);
            }
            try (ResultSet rs = s.query()) {
              if (!rs.next()) {
                return Optional.empty();
              }
              // A report in the 2019 trial format has no documents in force: null.
              return Optional.of(
                  new YearEnd(
                      ReportJson.readApplicantRow(rs.getString(1)),
                      (Integer) rs.getObject(2),
                      (Integer) rs.getObject(3)));
            }
          }
        });
  }

  static List<ReportRevision> allOf(StoredReport report) {
    return list("report", Sort.by("revision"), report);
  }
}
