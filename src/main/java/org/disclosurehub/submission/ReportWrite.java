package org.disclosurehub.submission;

import org.disclosurehub.report.Report;

/**
 * What a client asks to store for an agency and year, as one of three writes: a {@link #put}, a
 * {@link #dryRun} that stores nothing, or an {@link #imported} report kept with the text it was
 * read from.
 */
public final class ReportWrite {
  private final String agencyCode;
  private final int year;
  private final Report report;
  private final String ifMatch;
  private final String ifNoneMatch;
  private final boolean acceptInconsistent;
  private final boolean dryRun;
  private final String reason;
  private final Source source;

  /** The published text a report was imported from, kept with the revision it becomes. */
  public record Source(String mediaType, byte[] content) {}

  private ReportWrite(
      String agencyCode,
      int year,
      Report report,
      String ifMatch,
      String ifNoneMatch,
      boolean acceptInconsistent,
      boolean dryRun,
      String reason,
      Source source) {
    this.agencyCode = agencyCode;
    this.year = year;
    this.report = report;
    this.ifMatch = ifMatch;
    this.ifNoneMatch = ifNoneMatch;
    this.acceptInconsistent = acceptInconsistent;
    this.dryRun = dryRun;
    this.reason = reason;
    this.source = source;
  }

  /**
   * A submission or correction (PUT), with its preconditions and the X-Change-Reason header as it
   * came (checked when the revision is stored).
   */
  public static ReportWrite put(
      String agencyCode,
      int year,
      Report report,
      String ifMatch,
      String ifNoneMatch,
      boolean acceptInconsistent,
      String reason) {
    return new ReportWrite(
        agencyCode, year, report, ifMatch, ifNoneMatch, acceptInconsistent, false, reason, null);
  }

  /** Everything a put checks, answering what would be stored, without storing it. */
  public static ReportWrite dryRun(
      String agencyCode,
      int year,
      Report report,
      String ifMatch,
      String ifNoneMatch,
      boolean acceptInconsistent) {
    return new ReportWrite(
        agencyCode, year, report, ifMatch, ifNoneMatch, acceptInconsistent, true, null, null);
  }

  /** A report read from its published text: stored as published (acceptInconsistent), with it. */
  public static ReportWrite imported(
      String agencyCode, int year, Report report, Source source, String reason) {
    return new ReportWrite(agencyCode, year, report, null, null, true, false, reason, source);
  }

  String agencyCode() {
    return agencyCode;
  }

  int year() {
    return year;
  }

  Report report() {
    return report;
  }

  String ifMatch() {
    return ifMatch;
  }

  String ifNoneMatch() {
    return ifNoneMatch;
  }

  boolean acceptInconsistent() {
    return acceptInconsistent;
  }

  boolean dryRun() {
    return dryRun;
  }

  String reason() {
    return reason;
  }

  Source source() {
    return source;
  }
}
