package org.disclosurehub.rollup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.disclosurehub.report.ReportYears;
import org.disclosurehub.report.RuleViolation;
import org.disclosurehub.system.LeastRecentlyUsed;

/**
 * Everything a page about a region's year shows, read in one snapshot with the roll-up's ETag (or,
 * but for the table, kept from a read of the same state): the roll-up of the year and of the year
 * before, a page of the agencies' rows, the trend, and the findings of the reports that break
 * rules. For the pages package, which renders it, answers the request and never queries.
 */
@ApplicationScoped
public class RegionYearReads {
  /** How many years the trend of a region page spans, the page's year last. */
  static final int TREND_YEARS = 10;

  private final ConditionalRead reads;
  private final Clock clock;
  private final ObjectMapper json;

  RegionYearReads(ConditionalRead reads, Clock clock, ObjectMapper json) {
    this.reads = reads;
    this.clock = clock;
    this.json = json;
  }

  /**
   * A region's year as a page shows it: the roll-up of the year, the sums of the year before (the
   * trend's cells, every one the page compares; the others 0), one page of the per-agency table,
   * the late agencies (when no more than a page of the table: else the table's filter lists them),
   * the counts per division, the trend, and the findings. Read with a few rows per division plus
   * the page's rows, not every agency's.
   *
   * @param names the names of the agencies the roll-up's warnings name, by code
   */
  public record RegionYear(
      RegionRollup rollup,
      RegionRollup previous,
      Table table,
      List<RegionRollup.AgencyRef> late,
      List<DivisionCounts> divisions,
      Trend trend,
      List<Finding> findings,
      List<RegionRollup.AgencyRef> carryOverMismatches,
      List<RosterMove> rosterMoves,
      Map<String, String> names) {}

  /**
   * Which page of the table: sorted by a column of the breakdown ({@code descending} for -), one of
   * {@link BreakdownReads#FILTERS}, the page (from 0; past the last, the last) and its size.
   */
  public record TableRequest(
      String sortKey, boolean descending, String filter, int page, int rowsPerPage) {}

  /** A page of the table, with how many rows match its filter and how many each filter matches. */
  public record Table(
      List<AgencyRollupRow> rows,
      int page,
      int pages,
      int matching,
      Map<String, Integer> filterCounts) {}

  /** A division's agencies on the roster, reports, late reports and missing agencies. */
  public record DivisionCounts(
      String division, int expected, int reported, int late, int missing) {}

  /** A rule that an agency's current report breaks. */
  public record Finding(String agency, String agencyName, RuleViolation violation) {}

  /**
   * A region's year as a page shows it, read in one snapshot with the roll-up's tag: the page
   * compares the tag with the request and keeps what it rendered under {@link #renderKey}; only
   * when it has neither does it ask for {@link #regionYear}. Closing it ends the snapshot.
   */
  public static final class PageRead implements AutoCloseable {
    private final ConditionalRead.TaggedSnapshot tagged;
    private final RollupRequest query;
    private final RollupRequest span;
    private final TableRequest table;
    private final RegionYearReads reads;
    private final String variant;

    private PageRead(
        String variant,
        ConditionalRead.TaggedSnapshot tagged,
        RollupRequest query,
        RollupRequest span,
        TableRequest table,
        RegionYearReads reads) {
      this.variant = variant;
      this.tagged = tagged;
      this.query = query;
      this.span = span;
      this.table = table;
      this.reads = reads;
    }

    /** The roll-up's ETag for this page's data. */
    public EntityTag tag() {
      return tagged.tag();
    }

    public Date lastModified() {
      return tagged.lastModified();
    }

    /** The tag as the ETag header field writes it, made once per tag. */
    public String tagHeader() {
      return tagged.tagHeader();
    }

    /** Last-Modified as an HTTP-date, made once per tag. */
    public String lastModifiedHeader() {
      return tagged.lastModifiedHeader();
    }

    /** The page's representation (path, query and media type), whatever its data. */
    public String variant() {
      return variant;
    }

    /** Under what a page rendered from this data may be kept: the tag and the day. */
    public String renderKey() {
      return tagged.renderKey();
    }

    /** The data, read now (timed as {@code hub_rollup_seconds{view="page"}}). */
    public RegionYear regionYear() {
      return tagged.read(
          "page", snapshot -> reads.regionYear(snapshot, tagged.dataKey(), query, span, table));
    }

    @Override
    public void close() {
      tagged.close();
    }
  }

  /**
   * Opens the read of a page about a region's year as {@code mediaType}. 400 and 404 as the roll-up
   * API.
   */
  public PageRead page(
      String code,
      int year,
      String scope,
      TableRequest table,
      String mediaType,
      Request request,
      UriInfo uri) {
    if (!BreakdownReads.FILTERS.containsKey(table.filter())
        || !BreakdownReads.SORTS.containsKey(table.sortKey())) {
      throw new IllegalArgumentException("no such filter or sort: " + table);
    }
    RollupRequest query = RollupRequest.page(code, year, scope, clock);
    RollupRequest span =
        RollupRequest.span(query, Math.max(ReportYears.FIRST, year - TREND_YEARS + 1), year);
    String variant = ConditionalRead.variant(uri, mediaType);
    return new PageRead(
        variant, reads.open(span.readScope(), variant, request), query, span, table, this);
  }

  /**
   * What a page shows besides its table, as read for one state of the data (and day): every page,
   * sort and filter of a region's year shows the same, so the first visitor after a change reads it
   * and the next variants of the page read only their table.
   */
  private record Shared(String dataKey, SummedYear summed, RegionYear year) {}

  /** How many regions' years (and scopes) keep what their pages share: up to ~100 KB each. */
  private static final int SHARED_REGIONS = 16;

  private final KeptTrendYears keptYears = new KeptTrendYears();

  private final KeptYearFigures keptFigures = new KeptYearFigures();

  private final Map<String, Shared> shared = LeastRecentlyUsed.map(SHARED_REGIONS);

  private RegionYear regionYear(
      Snapshot snapshot,
      String dataKey,
      RollupRequest query,
      RollupRequest span,
      TableRequest table)
      throws SQLException {
    String region =
        query.region().code()
            + "|"
            + query.own()
            + "|"
            + span.from()
            + "-"
            + span.to()
            + "|"
            + table.rowsPerPage();
    Shared kept;
    synchronized (shared) {
      kept = shared.get(region);
    }
    if (kept != null && kept.dataKey().equals(dataKey)) {
      return withTable(kept.year(), table(snapshot, query, kept.summed(), table));
    }
    // What no name enters is kept across renames; what names enter is read now.
    KeptYearFigures.Figures figures =
        keptFigures.figures(
            snapshot, query, span.readScope(), String.valueOf(LocalDate.now(clock)), s -> true);
    SummedYear summed = RollupModels.year(snapshot, query, figures);
    // The table before the trend, whose reads plan the rest of the snapshot generically.
    Table page = table(snapshot, query, summed, table);
    kept =
        new Shared(
            dataKey, summed, rest(snapshot, query, span, summed, figures, table.rowsPerPage()));
    synchronized (shared) {
      shared.put(region, kept);
    }
    return withTable(kept.year(), page);
  }

  private static RegionYear withTable(RegionYear year, Table table) {
    return new RegionYear(
        year.rollup(),
        year.previous(),
        table,
        year.late(),
        year.divisions(),
        year.trend(),
        year.findings(),
        year.carryOverMismatches(),
        year.rosterMoves(),
        year.names());
  }

  /** Everything but the table: the same for every page, sort and filter of the region's year. */
  private RegionYear rest(
      Snapshot snapshot,
      RollupRequest query,
      RollupRequest span,
      SummedYear summed,
      KeptYearFigures.Figures figures,
      int rowsPerPage)
      throws SQLException {
    int year = query.year();
    // The sums count the rows each listing selects: a listing whose count is 0 is not read.
    List<RegionRollup.AgencyRef> late =
        summed.sums().late() > 0 && summed.sums().late() <= rowsPerPage
            ? snapshot.notable().late(query.coverage(), year)
            : List.of();
    List<DivisionCounts> divisions = divisions(figures.divisions(), summed.expected());
    List<Finding> findings =
        summed.sums().inconsistent() > 0 ? findings(snapshot, query) : List.of();
    List<RegionRollup.AgencyRef> carryOverMismatches =
        summed.sums().carryOverMismatches() > 0
            ? snapshot.notable().carryOverMismatches(query.coverage(), year)
            : List.of();
    List<RosterMove> moves =
        year > ReportYears.FIRST
            ? snapshot.roster().moves(query.coverage(), year, year)
            : List.of();
    Map<String, String> names = Map.copyOf(snapshot.notable().names(warned(summed.rollup())));
    // Last: the trend's reads plan the rest of the snapshot generically (RollupModels.trendSums).
    // The year before is compared by the trend's cells, which hold every figure a page compares.
    // The trend's earlier years are kept across tags while what they are read from is unchanged.
    RollupModels.TrendSums trend = keptYears.trend(snapshot, span, summed, moves);
    return new RegionYear(
        summed.rollup(),
        year > ReportYears.FIRST ? trend.sumsOnly(query, year - 1) : null,
        null,
        late,
        divisions,
        trend.trend(),
        findings,
        carryOverMismatches,
        moves,
        names);
  }

  /**
   * The table's page. Its rows are the agencies expected or with a report: the reports and the
   * missing, so each filter's count comes from the roll-up itself.
   */
  private static Table table(
      Snapshot snapshot, RollupRequest query, SummedYear summed, TableRequest request)
      throws SQLException {
    Map<String, Integer> counts = new LinkedHashMap<>();
    int missing = summed.rollup().completeness().missing().size();
    counts.put(
        "all",
        summed.sums().reports() + missing + summed.rollup().completeness().outsideRoster().size());
    counts.put("missing", missing);
    counts.put("late", summed.sums().late());
    counts.put("inconsistent", summed.sums().inconsistent());
    int matching = counts.get(request.filter());
    int pages = Math.max(1, (matching + request.rowsPerPage() - 1) / request.rowsPerPage());
    int shown = Math.min(request.page(), pages - 1);
    List<AgencyRollupRow> rows =
        snapshot
            .breakdown()
            .table(
                query.coverage(),
                query.year(),
                request.sortKey(),
                request.descending(),
                request.filter(),
                shown * request.rowsPerPage(),
                request.rowsPerPage(),
                matching);
    return new Table(rows, shown, pages, matching, counts);
  }

  private static List<String> warned(RegionRollup rollup) {
    List<RegionRollup.WarnedReports> warnings = rollup.consistency().warnings();
    return warnings == null
        ? List.of()
        : warnings.stream().flatMap(w -> w.agencies().stream()).distinct().toList();
  }

  private static List<DivisionCounts> divisions(
      List<CompletenessReads.DivisionCompleteness> counts, CompletenessReads.Expected expected) {
    Map<String, Integer> missing = new java.util.HashMap<>();
    expected.missingDivisions().forEach(d -> missing.merge(d, 1, Integer::sum));
    List<DivisionCounts> divisions = new ArrayList<>();
    for (CompletenessReads.DivisionCompleteness d : counts) {
      divisions.add(
          new DivisionCounts(
              d.division(),
              d.expected(),
              d.reported(),
              d.late(),
              missing.getOrDefault(d.division(), 0)));
    }
    return divisions;
  }

  private List<Finding> findings(Snapshot snapshot, RollupRequest query) throws SQLException {
    return snapshot.notable().violations(query.coverage(), query.year()).stream()
        .flatMap(
            stored -> {
              try {
                return List.of(json.readValue(stored.violations(), RuleViolation[].class)).stream()
                    .map(v -> new Finding(stored.agency(), stored.agencyName(), v));
              } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored violations are not JSON", e);
              }
            })
        .toList();
  }
}
