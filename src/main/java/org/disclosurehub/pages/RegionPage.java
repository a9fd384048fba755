package org.disclosurehub.pages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
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

  /** A cell that breaks a rule, with the cell's label as the form prints it. */
  record FindingRow(
      String agency,
      String agencyName,
      String rule,
      String cell,
      String expected,
      String actual,
      String message) {}

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

  static final int ROWS_PER_PAGE = 200;

  /** The columns the table sorts by, with how a row is read for each. */
  static final Map<String, Comparator<AgencyRollupRow>> SORTS = sorts();

  static final List<String> FILTERS = List.of("all", "missing", "late", "inconsistent");

  static RegionPage of(RegionYearReads.RegionYear data, String sort, String filter, int page) {
    RegionRollup rollup = data.rollup();
    List<AgencyLink> late = new ArrayList<>();
    for (AgencyRollupRow row : data.agencies()) {
      if (Boolean.TRUE.equals(row.late())) {
        late.add(new AgencyLink(row.code(), row.name()));
      }
    }
    List<FindingRow> findings =
        data.findings().stream()
            .map(
                f ->
                    new FindingRow(
                        f.agency(),
                        f.agencyName(),
                        f.violation().rule().name(),
                        cellLabel(f.violation().path()),
                        f.violation().expected(),
                        f.violation().actual(),
                        f.violation().message()))
            .toList();
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
            : subRegions(rollup.region().code(), data.agencies()),
        table(data.agencies(), sort, filter, page),
        TrendChart.svg(data.trend()),
        data.trend().years(),
        rollup.consistency().warnings() == null ? List.of() : rollup.consistency().warnings(),
        names(data.agencies()));
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

  public String warningName(String rule) {
    return switch (rule) {
      case "NARRATIVE_MISMATCH" -> "正文所述数字与表格不一致";
      case "TEXT_REUSE" -> "正文大量重复上年或其他机关的文字";
      case "YEAR_JUMP" -> "主要数据较上年变化超过5倍";
      default -> rule;
    };
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

  private static Map<String, String> names(List<AgencyRollupRow> rows) {
    Map<String, String> names = new java.util.HashMap<>();
    rows.forEach(row -> names.put(row.code(), row.name()));
    return names;
  }

  private static List<SubRegion> subRegions(String code, List<AgencyRollupRow> rows) {
    if (!Regions.contains(code)) {
      return List.of();
    }
    Map<String, int[]> counts = new LinkedHashMap<>();
    Map<String, String> names = new LinkedHashMap<>();
    for (Regions.Region child : Regions.children(code)) {
      counts.put(child.code(), new int[4]);
      names.put(child.code(), child.name());
    }
    for (AgencyRollupRow row : rows) {
      int[] c = counts.get(row.division());
      if (c == null) {
        c = counts.get(row.division().substring(0, 4) + "00");
      }
      if (c == null) {
        continue; // registered at the region's own code
      }
      c[0]++;
      if (row.reported()) {
        c[1]++;
      } else {
        c[3]++;
      }
      if (Boolean.TRUE.equals(row.late())) {
        c[2]++;
      }
    }
    List<SubRegion> subRegions = new ArrayList<>();
    counts.forEach(
        (child, c) -> {
          if (c[0] > 0) {
            subRegions.add(new SubRegion(child, names.get(child), c[0], c[1], c[2], c[3]));
          }
        });
    return subRegions;
  }

  private static Table table(List<AgencyRollupRow> all, String sort, String filter, int page) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String f : FILTERS) {
      counts.put(f, (int) all.stream().filter(filter(f)::apply).count());
    }
    boolean descending = sort.startsWith("-");
    Comparator<AgencyRollupRow> order = SORTS.get(descending ? sort.substring(1) : sort);
    if (descending) {
      order = order.reversed();
    }
    List<AgencyRollupRow> matching =
        all.stream().filter(filter(filter)::apply).sorted(order).toList();
    int pages = Math.max(1, (matching.size() + ROWS_PER_PAGE - 1) / ROWS_PER_PAGE);
    int shown = Math.min(page, pages - 1);
    List<AgencyRollupRow> rows =
        matching.subList(
            shown * ROWS_PER_PAGE, Math.min(matching.size(), (shown + 1) * ROWS_PER_PAGE));
    return new Table(rows, sort, filter, shown, pages, matching.size(), counts);
  }

  private static Function<AgencyRollupRow, Boolean> filter(String filter) {
    return switch (filter) {
      case "missing" -> row -> !row.reported();
      case "late" -> row -> Boolean.TRUE.equals(row.late());
      case "inconsistent" -> row -> row.violationCount() != null && row.violationCount() > 0;
      default -> row -> true;
    };
  }

  private static Map<String, Comparator<AgencyRollupRow>> sorts() {
    Map<String, Comparator<AgencyRollupRow>> sorts = new LinkedHashMap<>();
    sorts.put("code", Comparator.comparing(AgencyRollupRow::code));
    sorts.put(
        "name", Comparator.comparing(AgencyRollupRow::name).thenComparing(AgencyRollupRow::code));
    sorts.put("division", byThenCode(AgencyRollupRow::division));
    sorts.put("reported", byThenCode(AgencyRollupRow::reported));
    sorts.put("late", byThenCode(r -> Boolean.TRUE.equals(r.late())));
    sorts.put("newlyReceived", byNumber(AgencyRollupRow::newlyReceived));
    sorts.put("totalHandled", byNumber(AgencyRollupRow::totalHandled));
    sorts.put("granted", byNumber(AgencyRollupRow::granted));
    sorts.put("reviewTotal", byNumber(AgencyRollupRow::reviewTotal));
    sorts.put("litigationTotal", byNumber(AgencyRollupRow::litigationTotal));
    sorts.put(
        "violationCount",
        byNumber(r -> r.violationCount() == null ? null : (long) r.violationCount()));
    return sorts;
  }

  private static <T extends Comparable<T>> Comparator<AgencyRollupRow> byThenCode(
      Function<AgencyRollupRow, T> key) {
    return Comparator.comparing(key).thenComparing(AgencyRollupRow::code);
  }

  /** Agencies without a report sort below every number, whichever the direction. */
  private static Comparator<AgencyRollupRow> byNumber(Function<AgencyRollupRow, Long> key) {
    return Comparator.comparing(
            (AgencyRollupRow r) -> key.apply(r) == null ? Long.MIN_VALUE : key.apply(r))
        .thenComparing(AgencyRollupRow::code);
  }
}
