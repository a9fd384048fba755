package org.disclosurehub.pages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.disclosurehub.document.RuleNames;
import org.disclosurehub.region.Division;
import org.disclosurehub.region.Regions;
import org.disclosurehub.report.ReportLayout;
import org.disclosurehub.rollup.AgencyRollupRow;
import org.disclosurehub.rollup.RegionRollup;
import org.disclosurehub.rollup.RegionYearReads;
import org.disclosurehub.rollup.Trend;

/** What the page of a region's year shows, ready to print: the template only lays it out. */
record RegionPage(
    Place place,
    int year,
    boolean own,
    List<Figures.Figure> figures,
    RegionRollup.Completeness completeness,
    List<AgencyLink> late,
    List<FindingRow> findings,
    List<AgencyLink> carryOverMismatches,
    List<SubRegion> subRegions,
    Table table,
    String chartSvg,
    List<Trend.Year> trend,
    List<RegionRollup.WarnedReports> rollupWarnings,
    RegionRollup.Consistency consistency,
    List<RosterNote> rosterMoves,
    Map<String, String> names) {

  /** The region: code, name, level, and the regions it lies in. */
  record Place(String code, String name, String level, List<Regions.Region> parents) {
    static Place of(String code) {
      Division division = new Division(code);
      String name = Regions.name(code);
      return new Place(
          code,
          name == null ? code : name,
          switch (division.level()) {
            case province -> "省级";
            case city -> "地级";
            case county -> "县级";
          },
          Regions.contains(code) ? Regions.parents(code) : List.of());
    }
  }

  record AgencyLink(String code, String name) {}

  /**
   * An agency that joined or left this year's roster, compared with last year's, and why: the
   * roster change's cause and reason, or its span of registered years.
   */
  record RosterNote(String code, String name, boolean joined, String why) {
    static RosterNote of(org.disclosurehub.rollup.RosterMove move) {
      String why;
      if (move.cause() == null) {
        why = move.joined() ? "按登记的起始报送年度" : "按登记的终止报送年度";
      } else {
        String cause =
            switch (move.cause()) {
              case "merged" -> "已合并" + (move.mergedInto() == null ? "" : "至" + move.mergedInto());
              case "abolished" -> "已撤销";
              case "vertical" -> "垂直管理，另行报送";
              case "not_reporting" -> "非报告主体";
              default -> "列入应报送名单";
            };
        why = move.decidedFor() + "年度名单：" + cause + "（" + move.reason() + "）";
      }
      return new RosterNote(move.code(), move.name(), move.joined(), why);
    }
  }

  /** A cell that breaks a rule, with the cell's label as the form prints it. */
  record FindingRow(
      String agency,
      String agencyName,
      String ruleId,
      String rule,
      String cell,
      String expected,
      String actual) {}

  /** A region within this one, with how its agencies reported. */
  record SubRegion(String code, String name, int expected, int reported, int late, int missing) {}

  /** The per-agency table: the rows shown, how they are sorted and filtered, and its pages. */
  record Table(
      List<AgencyRollupRow> rows,
      String sort,
      String filter,
      int page,
      int pages,
      int matching,
      Map<String, Integer> filterCounts) {}

  /** Rows of the table a page shows: rendering one costs about 0.1 ms. */
  static final int ROWS_PER_PAGE = 50;

  /** The columns the table sorts by (rollup/BreakdownReads sorts the rows in SQL). */
  static final List<String> SORTS =
      List.of(
          "code",
          "name",
          "division",
          "reported",
          "late",
          "newlyReceived",
          "totalHandled",
          "granted",
          "reviewTotal",
          "litigationTotal",
          "violationCount");

  static final List<String> FILTERS = List.of("all", "missing", "late", "inconsistent");

  /** Which page of the table to read for {@code sort}, {@code filter} and {@code page}. */
  static RegionYearReads.TableRequest tableRequest(String sort, String filter, int page) {
    boolean descending = sort.startsWith("-");
    return new RegionYearReads.TableRequest(
        descending ? sort.substring(1) : sort, descending, filter, page, ROWS_PER_PAGE);
  }

  static RegionPage of(RegionYearReads.RegionYear data, String sort, String filter) {
    RegionRollup rollup = data.rollup();
    List<AgencyLink> late =
        data.late().stream().map(a -> new AgencyLink(a.code(), a.name())).toList();
    List<FindingRow> findings =
        data.findings().stream()
            .map(
                f ->
                    new FindingRow(
                        f.agency(),
                        f.agencyName(),
                        f.violation().rule().name(),
                        RuleNames.of(f.violation().rule()),
                        cellLabel(f.violation().path()),
                        f.violation().expected(),
                        f.violation().actual()))
            .toList();
    RegionYearReads.Table table = data.table();
    Map<String, String> names = new java.util.HashMap<>(data.names());
    table.rows().forEach(row -> names.put(row.code(), row.name()));
    return new RegionPage(
        Place.of(rollup.region().code()),
        rollup.year(),
        "own".equals(rollup.scope()),
        Figures.of(rollup, data.previous()),
        rollup.completeness(),
        late,
        findings,
        data.carryOverMismatches().stream().map(a -> new AgencyLink(a.code(), a.name())).toList(),
        "own".equals(rollup.scope())
            ? List.of()
            : subRegions(rollup.region().code(), data.divisions()),
        new Table(
            table.rows(),
            sort,
            filter,
            table.page(),
            table.pages(),
            table.matching(),
            table.filterCounts()),
        TrendChart.svg(data.trend()),
        sinceFirstExpected(data.trend().years()),
        rollup.consistency().warnings() == null ? List.of() : rollup.consistency().warnings(),
        rollup.consistency(),
        hadRoster(data.trend().years(), rollup.year() - 1)
            ? data.rosterMoves().stream().map(RosterNote::of).toList()
            : List.of(),
        names);
  }

  /** Whether anyone was expected in {@code year}: before the first roster, nothing changed. */
  private static boolean hadRoster(List<Trend.Year> years, int year) {
    return years.stream().anyMatch(y -> y.year() == year && (y.expected() > 0 || y.reported() > 0));
  }

  /** The agencies that joined this year's roster. */
  public List<RosterNote> rosterJoined() {
    return rosterMoves.stream().filter(RosterNote::joined).toList();
  }

  /** The agencies that left this year's roster. */
  public List<RosterNote> rosterLeft() {
    return rosterMoves.stream().filter(m -> !m.joined()).toList();
  }

  /** This page with another sort, filter or page of the table (the scope kept). */
  public String link(String sort, String filter, int page) {
    StringBuilder link = new StringBuilder("/regions/" + place.code() + "/" + year + "?");
    if (own) {
      link.append("scope=own&");
    }
    if (!sort.equals("code")) {
      link.append("sort=").append(sort).append('&');
    }
    if (!filter.equals("all")) {
      link.append("filter=").append(filter).append('&');
    }
    if (page > 0) {
      link.append("page=").append(page).append('&');
    }
    return link.substring(0, link.length() - 1) + "#agencies";
  }

  /** The table sorted by {@code column}: ascending first, descending when already ascending. */
  public String sortLink(String column) {
    return link(table.sort().equals(column) ? "-" + column : column, table.filter(), 0);
  }

  /** How the table is sorted by {@code column}, for aria-sort. */
  public String ariaSort(String column) {
    if (table.sort().equals(column)) {
      return "ascending";
    }
    return table.sort().equals("-" + column) ? "descending" : "none";
  }

  public String filterLink(String filter) {
    return link(table.sort(), filter, 0);
  }

  public String pageLink(int page) {
    return link(table.sort(), table.filter(), page);
  }

  /** The next page of the table, or null on the last. */
  public String nextPageLink() {
    return table.page() + 1 < table.pages() ? pageLink(table.page() + 1) : null;
  }

  /** The previous page of the table, or null on the first. */
  public String previousPageLink() {
    return table.page() > 0 ? pageLink(table.page() - 1) : null;
  }

  /** The table's rows as HTML ({@link TableRows}). */
  public String tableRows() {
    return TableRows.html(table.rows(), year);
  }

  /** The page number as people count (from 1). */
  public int pageNumber() {
    return table.page() + 1;
  }

  /** The same year at the other scope. */
  public String scopeLink(boolean ownScope) {
    return "/regions/" + place.code() + "/" + year + (ownScope ? "?scope=own" : "");
  }

  public String api() {
    return "/api/v1/regions/" + place.code();
  }

  public String scopeQuery() {
    return own ? "?scope=own" : "";
  }

  /** 本级 or 本行政区域, as the format names the two scopes. */
  public String scopeName() {
    return own ? "本级" : "本行政区域";
  }

  public String filterName(String filter) {
    return switch (filter) {
      case "missing" -> "未报送";
      case "late" -> "逾期报送";
      case "inconsistent" -> "数据不符勾稽关系";
      default -> "全部";
    };
  }

  /** The plausibility checks that warn about at least one report of the year. */
  public List<RegionRollup.WarnedReports> warned() {
    return rollupWarnings.stream().filter(w -> w.reports() > 0).toList();
  }

  public String ruleName(String rule) {
    return RuleNames.of(rule);
  }

  /**
   * The trend's years from the first in which any agency of the region was expected to report or
   * did: before it there is nothing to count, not 0 of 0.
   */
  static List<Trend.Year> sinceFirstExpected(List<Trend.Year> years) {
    int first = 0;
    while (first < years.size()
        && years.get(first).expected() == 0
        && years.get(first).reported() == 0) {
      first++;
    }
    return years.subList(first, years.size());
  }

  /** An agency's name from the table, by code (its code when it is not in the table). */
  public String agencyName(String code) {
    return names.getOrDefault(code, code);
  }

  /** The form's label of a cell by its JSON Pointer ("三(一) 予以公开 · 自然人"). */
  static String cellLabel(String pointer) {
    for (ReportLayout.Cell cell : ReportLayout.CELLS) {
      if (cell.pointer().equals(pointer)) {
        return cell.label();
      }
    }
    return pointer;
  }

  /**
   * The region's children (GB/T 2260) with how their agencies reported, from the counts of the
   * divisions within each; agencies registered at the region's own code are in none.
   */
  private static List<SubRegion> subRegions(
      String code, List<RegionYearReads.DivisionCounts> divisions) {
    if (!Regions.contains(code)) {
      return List.of();
    }
    Map<String, int[]> counts = new LinkedHashMap<>();
    Map<String, String> names = new LinkedHashMap<>();
    for (Regions.Region child : Regions.children(code)) {
      counts.put(child.code(), new int[4]);
      names.put(child.code(), child.name());
    }
    for (RegionYearReads.DivisionCounts d : divisions) {
      int[] c = counts.get(d.division());
      if (c == null) {
        c = counts.get(Division.cityOf(d.division()));
      }
      if (c == null) {
        continue; // registered at the region's own code
      }
      c[0] += d.expected();
      c[1] += d.reported();
      c[2] += d.late();
      c[3] += d.missing();
    }
    List<SubRegion> subRegions = new ArrayList<>();
    counts.forEach(
        (child, c) -> {
          if (c[0] > 0 || c[1] > 0) {
            subRegions.add(new SubRegion(child, names.get(child), c[0], c[1], c[2], c[3]));
          }
        });
    return subRegions;
  }
}
