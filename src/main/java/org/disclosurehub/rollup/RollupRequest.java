package org.disclosurehub.rollup;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import org.disclosurehub.region.Division;
import org.disclosurehub.report.ReportYears;
import org.disclosurehub.system.Parameters;
import org.disclosurehub.system.ProblemException;

/**
 * What a roll-up request asks for, checked: the region, the years, the scope and the format. Every
 * roll-up endpoint builds one first, so that each parameter is checked once and in one order.
 */
record RollupRequest(Division region, int from, int to, boolean own, boolean csv) {

  /** One year of a region: {@code /regions/{code}/rollups/{year}…}. */
  static RollupRequest year(
      String code, int year, String scope, String format, HttpHeaders headers, Clock clock) {
    Division region = region(code);
    Parameters.year("year", year, clock);
    return new RollupRequest(region, year, year, own(scope), csv(format, headers));
  }

  /** One year of a region as a page asks for it: JSON, never CSV. */
  static RollupRequest page(String code, int year, String scope, Clock clock) {
    Division region = region(code);
    Parameters.year("year", year, clock);
    return new RollupRequest(region, year, year, own(scope), false);
  }

  /** The same region and scope over other years. */
  static RollupRequest span(RollupRequest query, int from, int to) {
    return new RollupRequest(query.region(), from, to, query.own(), query.csv());
  }

  /**
   * A range of years, for trends. By default the five years up to the last one whose deadline has
   * passed, so that a chart never ends in a year most agencies have not reported yet.
   */
  static RollupRequest years(
      String code,
      String fromParameter,
      String toParameter,
      String scope,
      String format,
      HttpHeaders headers,
      Clock clock) {
    Division region = region(code);
    Integer from = Parameters.integer("from", fromParameter);
    Integer to = Parameters.integer("to", toParameter);
    int last = to != null ? to : ReportYears.lastDue(clock);
    int first = from != null ? from : Math.max(ReportYears.FIRST, last - 4);
    Parameters.year("from", first, clock);
    Parameters.year("to", last, clock);
    if (first > last) {
      throw ProblemException.invalidParameter("from", "must not be after to");
    }
    return new RollupRequest(region, first, last, own(scope), csv(format, headers));
  }

  /** The region, or 404: a code that is not GB/T 2260 names no region. */
  static Division region(String code) {
    if (!Division.isValid(code)) {
      throw ProblemException.notFound("No region " + code + ": not a GB/T 2260 division code");
    }
    return new Division(code);
  }

  int year() {
    return from;
  }

  String scope() {
    return own ? "own" : "all";
  }

  Coverage coverage() {
    return Coverage.of(region, own);
  }

  /** What the response depends on: the region (for 404) and the agencies and years summed. */
  ReadScope readScope() {
    return new ReadScope(region.code(), Coverage.of(region, false), coverage(), from, to);
  }

  String mediaType() {
    return csv ? Csv.MEDIA_TYPE : MediaType.APPLICATION_JSON;
  }

  private static boolean own(String scope) {
    if (scope == null || scope.equals("all")) {
      return false;
    }
    if (scope.equals("own")) {
      return true;
    }
    throw ProblemException.invalidParameter("scope", "must be all or own");
  }

  /** CSV when format=csv, or when Accept prefers text/csv to JSON. */
  private static boolean csv(String format, HttpHeaders headers) {
    if (format != null) {
      return switch (format) {
        case "csv" -> true;
        case "json" -> false;
        default -> throw ProblemException.invalidParameter("format", "must be json or csv");
      };
    }
    for (MediaType accepted : headers.getAcceptableMediaTypes()) {
      if (accepted.getType().equals("text") && accepted.getSubtype().equals("csv")) {
        return true;
      }
      if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
        return false;
      }
    }
    return false;
  }
}
