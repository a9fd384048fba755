package org.disclosurehub.rollup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.disclosurehub.document.RegionDocument;
import org.disclosurehub.region.Division;
import org.disclosurehub.region.Regions;
import org.disclosurehub.report.RuleViolation;
import org.disclosurehub.system.Page;

/**
 * Builds the roll-up models a {@link RollupRequest} asks for (a region's year, its trend, its
 * document, the breakdown) from the reads of one {@link Snapshot}.
 */
final class RollupModels {
  private RollupModels() {}

  static SummedYear year(Snapshot snapshot, RollupRequest query) throws SQLException {
    if (snapshot.asOfYear() != null) {
      return snapshot.asOfYear().year(query);
    }
    return year(snapshot, query, KeptYearFigures.Figures.read(snapshot, query, s -> false));
  }

  /** The year from its figures (read now, or kept), with the lists that name agencies read now. */
  static SummedYear year(Snapshot snapshot, RollupRequest query, KeptYearFigures.Figures figures)
      throws SQLException {
    CompletenessReads.Expected expected = figures.expected(snapshot, query);
    RegionRollup rollup =
        RegionRollup.of(
            query.region(),
            query.scope(),
            query.year(),
            figures.sums(),
            expected.count(),
            figures.latenessUnknown(),
            expected.missing(),
            snapshot.completeness().outside(query.coverage(), query.year()),
            figures.inconsistent(),
            figures.warned(),
            figures.carryOverExplained());
    return new SummedYear(rollup, figures.sums(), expected);
  }

  /** A trend with the sums of its years (only the cells a trend needs are filled in). */
  record TrendSums(Trend trend, Map<Integer, Sums> sums) {
    /**
     * The year's roll-up from the trend's sums alone (no completeness, consistency or warnings, and
     * only the trend's cells): what a page compares its year with.
     */
    RegionRollup sumsOnly(RollupRequest query, int year) {
      return RegionRollup.of(
          query.region(),
          query.scope(),
          year,
          sums.getOrDefault(year, Sums.none()),
          0,
          0,
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          0);
    }
  }

  static Trend trend(Snapshot snapshot, RollupRequest query) throws SQLException {
    return trendSums(snapshot, query).trend();
  }

  /**
   * The trend's reads switch the rest of the snapshot to generic plans ({@link
   * SumReads#GENERIC_PLANS}): they come last in it.
   */
  static TrendSums trendSums(Snapshot snapshot, RollupRequest query) throws SQLException {
    Coverage coverage = query.coverage();
    Map<Integer, Sums> sums = snapshot.sums().trend(coverage, query.from(), query.to());
    Map<Integer, Integer> expected =
        snapshot.sums().expectedPerYear(coverage, query.from(), query.to());
    Map<Integer, int[]> moved = snapshot.roster().moveCounts(coverage, query.from(), query.to());
    List<Trend.Year> years = new ArrayList<>();
    for (int year = query.from(); year <= query.to(); year++) {
      int[] joinedLeft = moved.getOrDefault(year, new int[2]);
      years.add(
          Trend.Year.of(
              year,
              expected.getOrDefault(year, 0),
              joinedLeft[0],
              joinedLeft[1],
              sums.getOrDefault(year, Sums.none())));
    }
    return new TrendSums(
        new Trend(
            RegionRollup.Region.of(query.region()), query.scope(), query.from(), query.to(), years),
        sums);
  }

  /**
   * A region's document: the year's sums and completeness as the roll-up has them, and the reports
   * summed; with {@code withCells} every cell of each (the workbook's breakdown). A page of a
   * region with more than {@link #LISTED_REPORTS} reports names only the late and inconsistent ones
   * and gives the others as counts by sub-region, so that a province costs what its few rows of
   * counts cost rather than a read of every one of its reports.
   */
  static RegionDocument document(
      Snapshot snapshot, RollupRequest query, boolean withCells, LocalDate judgedOn)
      throws SQLException {
    return document(
        snapshot,
        query,
        withCells,
        judgedOn,
        KeptYearFigures.Figures.read(snapshot, query, RollupModels::countedBySubRegion));
  }

  /** Whether a document counts the reports by sub-region rather than listing them. */
  static boolean countedBySubRegion(Sums sums) {
    return sums.reports() > LISTED_REPORTS;
  }

  /** The document from its figures (read now, or kept), what names agencies read now. */
  static RegionDocument document(
      Snapshot snapshot,
      RollupRequest query,
      boolean withCells,
      LocalDate judgedOn,
      KeptYearFigures.Figures figures)
      throws SQLException {
    Coverage coverage = query.coverage();
    Sums sums = figures.sums();
    CompletenessReads.Expected expected = figures.expected(snapshot, query);
    boolean everyReport = withCells || !countedBySubRegion(sums);
    List<RegionDocument.Included> included = new ArrayList<>();
    for (DocumentReportReads.DocumentReport report :
        everyReport
            ? snapshot.documents().documentReports(coverage, query.year(), withCells)
            : snapshot.documents().documentReportsOfNote(coverage, query.year())) {
      included.add(
          new RegionDocument.Included(
              report.code(),
              report.name(),
              report.division(),
              report.revision(),
              report.late(),
              report.formatVersion(),
              violations(report.violations()),
              report.cells() == null
                  ? null
                  : RollupLayout.tableCells(
                      report.cells(), RollupLayout.cellsOf(report.formatVersion()))));
    }
    ReadScope scope = query.readScope();
    Instant asOf =
        snapshot
            .state()
            .state(scope.region(), scope.coverage(), query.year(), query.year())
            .lastModified();
    RegionRollup.WarningTotals warnings =
        RegionRollup.Consistency.of(
                List.of(),
                sums.carryOverMismatches(),
                figures.carryOverExplained(),
                figures.warned())
            .warningTotals();
    return new RegionDocument(
        query.region().code(),
        Regions.name(query.region().code()),
        query.region().level().name(),
        query.year(),
        query.own(),
        asOf.equals(Instant.EPOCH) ? null : asOf,
        RollupLayout.tableCells(sums.cells(), RollupLayout.ALL_STORED),
        expected.count(),
        included,
        expected.missing().stream()
            .map(m -> new RegionDocument.Missing(m.code(), m.name()))
            .toList(),
        everyReport ? included.size() : sums.reports(),
        sums.trialFormatReports(),
        everyReport
            ? List.of()
            : subRegions(query.region(), figures.divisions(), expected.missingDivisions()),
        new RegionDocument.Warnings(warnings.open(), warnings.explained()),
        figures.latenessUnknown(),
        snapshot.completeness().outside(coverage, query.year()).stream()
            .map(m -> new RegionDocument.Missing(m.code(), m.name()))
            .toList(),
        judgedOn);
  }

  /** How many reports a region's page lists one by one at most. */
  static final int LISTED_REPORTS = 500;

  /**
   * The divisions' completeness added up by the sub-region they lie in: a province's cities (and
   * its own agencies under its code), a city's counties (and its own); the missing agencies counted
   * where they are registered.
   */
  private static List<RegionDocument.SubRegion> subRegions(
      Division region,
      List<CompletenessReads.DivisionCompleteness> divisions,
      List<String> missing) {
    Map<String, int[]> counts = new java.util.TreeMap<>();
    for (CompletenessReads.DivisionCompleteness d : divisions) {
      int[] c = counts.computeIfAbsent(subRegionOf(region, d.division()), k -> new int[4]);
      c[0] += d.expected();
      c[1] += d.reported();
      c[2] += d.late();
    }
    for (String division : missing) {
      counts.computeIfAbsent(subRegionOf(region, division), k -> new int[4])[3]++;
    }
    return counts.entrySet().stream()
        .map(
            e ->
                new RegionDocument.SubRegion(
                    e.getKey(),
                    Regions.name(e.getKey()),
                    e.getValue()[0],
                    e.getValue()[1],
                    e.getValue()[2],
                    e.getValue()[3]))
        .toList();
  }

  private static String subRegionOf(Division region, String division) {
    return region.level() == Division.Level.province && !division.endsWith("0000")
        ? Division.cityOf(division)
        : division;
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private static List<RuleViolation> violations(String json) {
    if (json == null) {
      return List.of();
    }
    try {
      return List.of(JSON.readValue(json, RuleViolation[].class));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored violations are not JSON", e);
    }
  }

  /** Every row of the breakdown, in the order asked for. */
  static List<AgencyRollupRow> agencies(
      Snapshot snapshot, RollupRequest query, BreakdownOrder order) throws SQLException {
    return snapshot
        .breakdown()
        .breakdown(query.coverage(), query.year(), order.key(), order.descending(), null, null);
  }

  /** One page of the breakdown. */
  static AgencyRollupPage agencies(
      Snapshot snapshot,
      RollupRequest query,
      BreakdownOrder order,
      io.quarkus.panache.common.Page page,
      UriInfo uri)
      throws SQLException {
    List<AgencyRollupRow> rows =
        snapshot
            .breakdown()
            .breakdown(
                query.coverage(),
                query.year(),
                order.key(),
                order.descending(),
                page.index * page.size,
                page.size);
    long total = snapshot.breakdown().breakdownCount(query.coverage(), query.year());
    return new AgencyRollupPage(
        rows, page.index, page.size, total, Page.linksOf(uri, page.index, page.size, total));
  }
}
