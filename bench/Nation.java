import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The nation, loaded straight into PostgreSQL: {@code AGENCIES} agencies over the real GB/T 2260
 * tree with a skewed geography, each with the reports of the years its prototype has. Each agency
 * is a clone of one prototype — an agency whose reports were loaded through the API before (by
 * Generate.java) — so every row it gets is the row the service wrote for the same report: its
 * report rows, revisions, report_cells and report_plausibility are copied inside PostgreSQL from
 * the prototype's (same content, same cells, same findings; only ids, agency, division and times
 * differ), and the region_totals rows are added up here from the prototypes' cells exactly as
 * RegionTotals adds them (one row per division, scope, year and shard = agency id % 16). The
 * runner then loads "twins" (the same reports under new agencies in the same divisions) through
 * the API and compares their rows with their clones', and compares maintained totals with SUMs.
 *
 * <p>java -cp postgresql.jar bench/Nation.java JDBC_URL SEED AGENCIES FIRST_CODE:LAST_CODE TWINS_FILE
 * TWINS — the prototypes are the agencies with codes from FIRST_CODE to LAST_CODE (those with
 * every year); TWINS_FILE gets TWINS lines "clone-code division prototype-code" for the twin
 * check.
 *
 * <p>Geography: the 31 provinces of the mainland (香港, 澳门 and 台湾 file no such reports) in
 * PROVINCES order get from 15,600 (广东) down to 1,500 agencies (a power curve whose exponent is
 * chosen so that the total is AGENCIES); 2 % sit at province level, the rest go to its cities by
 * Zipf weights (1 / rank, code order; the four municipalities have districts only), 12 % of a
 * city's at city level and the rest over its counties with random weights 0.5..1.5. 广州市
 * (440100) is left out: it keeps the small scale's 200 agencies, so that its roll-up measures a
 * city that does not grow with the nation; 深圳市 (440300) is 广东's first city, the large one.
 */
public class Nation {
  static final String[] PROVINCES = {
    "44", "37", "41", "51", "32", "13", "43", "34", "42", "33", "45", "53", "36", "21", "35", "61",
    "23", "14", "52", "50", "22", "62", "15", "65", "31", "11", "12", "46", "64", "63", "54"
  };
  static final int LARGEST = 15_600;
  static final int SMALLEST = 1_500;
  static final int SHARDS = 16;
  static final String SMALL_CITY = "440100";
  static final String LARGE_CITY = "440300";

  /**
   * When the clones were registered and filed, as their rows and history say: two days before the
   * load, so that the nation as of yesterday (Beijing) is there to be read (bench/run's
   * asof_city_changed) while the agencies loaded through the API since are not.
   */
  static final String LOADED_AT = java.time.Instant.now().minus(java.time.Duration.ofDays(2)).toString();

  public static void main(String[] args) throws Exception {
    String url = args[0];
    long seed = Long.parseLong(args[1]);
    int agencies = Integer.parseInt(args[2]);
    String[] prototypeCodes = args[3].split(":");
    Path twinsFile = Path.of(args[4]);
    int twins = Integer.parseInt(args[5]);
    long started = System.nanoTime();
    try (Connection db = DriverManager.getConnection(url, "postgres", "")) {
      db.setAutoCommit(false);
      new Nation(db, seed).load(agencies, prototypeCodes, twinsFile, twins);
      db.commit();
    }
    System.out.printf(
        Locale.ROOT, "nation: loaded in %.1f s%n", (System.nanoTime() - started) / 1e9);
  }

  private final Connection db;
  private final SplittableRandom random;

  Nation(Connection db, long seed) {
    this.db = db;
    this.random = new SplittableRandom(seed);
  }

  /** A prototype's report of one year, as the service stored it. */
  record ProtoReport(
      long reportId,
      String cellsText,
      BigDecimal[] cells,
      Long publishedItems,
      boolean late,
      boolean inconsistent,
      boolean carryOverMismatch,
      boolean trialFormat) {}

  record Prototype(String code, Map<Integer, ProtoReport> years) {}

  void load(int agencies, String[] prototypeCodes, Path twinsFile, int twins) throws Exception {
    List<Prototype> prototypes = prototypes(prototypeCodes[0], prototypeCodes[1]);
    if (prototypes.isEmpty()) {
      throw new IllegalStateException("no prototypes " + String.join(":", prototypeCodes));
    }
    Map<String, List<String>> geography = Geography.read();
    List<String> divisions = Geography.assign(geography, agencies, random);
    long firstAgency = nextId("agency");
    long firstReport = nextId("report");
    long firstRevision = nextId("report_revision");

    // 1. The agencies and a map clone report -> prototype report, by COPY.
    int years = prototypes.get(0).years().size();
    StringBuilder agencyRows = new StringBuilder(divisions.size() * 80);
    StringBuilder cloneRows = new StringBuilder(divisions.size() * years * 40);
    long report = firstReport;
    int[] prototypeOf = new int[divisions.size()];
    for (int k = 0; k < divisions.size(); k++) {
      long id = firstAgency + k;
      prototypeOf[k] = random.nextInt(prototypes.size());
      agencyRows
          .append(id)
          .append('\t')
          .append(code(k))
          .append('\t')
          .append("全国基准机关 ")
          .append(k)
          .append('\t')
          .append(divisions.get(k))
          .append('\t')
          .append(LOADED_AT)
          .append('\t')
          .append(LOADED_AT)
          .append('\n');
      for (ProtoReport p : prototypes.get(prototypeOf[k]).years().values()) {
        cloneRows.append(report++).append('\t').append(id).append('\t').append(p.reportId()).append('\n');
      }
    }
    try (Statement s = db.createStatement()) {
      // The V8 triggers (spans, counts and the registry per division, a plausibility row's
      // division) are left out for the load; their rows are written in bulk in step 2.
      s.execute("set local session_replication_role = replica");
      s.execute(
          "create temporary table clone_report (report_id bigint primary key, agency_id bigint,"
              + " prototype_report_id bigint) on commit drop");
    }
    CopyManager copy = db.unwrap(PGConnection.class).getCopyAPI();
    copy.copyIn(
        "copy agency (id, code, name, division_code, created_at, updated_at) from stdin",
        new StringReader(agencyRows.toString()));
    copy.copyIn("copy clone_report from stdin", new StringReader(cloneRows.toString()));
    log("agencies and clone map copied: %d agencies, %d reports", divisions.size(), report - firstReport);

    // 2. Reports, revisions, cells and findings: the prototype's rows, copied inside PostgreSQL.
    try (Statement s = db.createStatement()) {
      s.execute("analyze clone_report");
      s.execute(
          """
          insert into report (id, agency_id, year, current_revision, first_submitted_at)
          overriding system value
          select c.report_id, c.agency_id, p.year, 1, '%s'::timestamptz
          from clone_report c join report p on p.id = c.prototype_report_id"""
              .formatted(LOADED_AT));
      log("report rows");
      s.execute(
          """
          insert into report_revision (id, report_id, revision, content, content_sha256, violations,
                                       violation_count, submitted_at, author, reason, withdrawn,
                                       imported)
          overriding system value
          select %d + c.report_id - %d, c.report_id, 1, v.content, v.content_sha256, v.violations,
                 v.violation_count, '%s'::timestamptz, v.author, v.reason, v.withdrawn,
                 v.imported
          from clone_report c join report p on p.id = c.prototype_report_id
               join report_revision v on v.report_id = p.id and v.revision = p.current_revision"""
              .formatted(firstRevision, firstReport, LOADED_AT));
      log("revisions");
      s.execute(
          """
          insert into report_cells (report_id, agency_id, year, division_code, revision, cells,
                                    published_items, published_on, late, violation_count, rules,
                                    carry_over_mismatch, format_version)
          select c.report_id, c.agency_id, p.year, a.division_code, 1, p.cells, p.published_items,
                 p.published_on, p.late, p.violation_count, p.rules, p.carry_over_mismatch,
                 p.format_version
          from clone_report c join report_cells p on p.report_id = c.prototype_report_id
               join agency a on a.id = c.agency_id""");
      log("report_cells");
      s.execute(
          """
          insert into report_plausibility (agency_id, year, characters, ngrams, previous_year_share,
                                           same_city_share, same_city_agency_id, findings, rules,
                                           division_code)
          select c.agency_id, p.year, p.characters, p.ngrams, p.previous_year_share,
                 p.same_city_share, null, p.findings, p.rules, a.division_code
          from clone_report c join report r on r.id = c.prototype_report_id
               join report_plausibility p on p.agency_id = r.agency_id and p.year = r.year
               join agency a on a.id = c.agency_id""");
      log("report_plausibility");
      s.execute(
          "insert into agency_span select (agency_span_of(a.id)).* from agency a where a.id >= "
              + firstAgency);
      s.execute(
          """
          insert into division_agencies (division_code, first_year, last_year, shard, agencies)
          select division_code, first_year, last_year, mod(agency_id, 16), count(*)
          from agency_span where agency_id >= %d
          group by division_code, first_year, last_year, mod(agency_id, 16)
          on conflict (division_code, first_year, last_year, shard)
          do update set agencies = division_agencies.agencies + excluded.agencies"""
              .formatted(firstAgency));
      s.execute(
          """
          insert into division_registry as r (division_code, agencies, version, changed_at)
          select division_code, count(*), count(*), max(updated_at) from agency
          where id >= %d group by division_code
          on conflict (division_code) do update set
            agencies = r.agencies + excluded.agencies, version = r.version + excluded.version,
            changed_at = greatest(r.changed_at, excluded.changed_at)"""
              .formatted(firstAgency));
      log("agency_span, division_agencies, division_registry");
      // V16's history (its triggers are off during the load too): each clone's registration and
      // its revision's cells, from the instants the rows above carry.
      s.execute(
          """
          insert into agency_history (agency_id, code, name, division_code, active_from, active_to,
                                      created_at, valid_from)
          select id, code, name, division_code, active_from, active_to, created_at, created_at
          from agency where id >= %d"""
              .formatted(firstAgency));
      s.execute(
          """
          insert into revision_cells (report_id, agency_id, revision, at, cells, published_items,
                                      published_on, late, violation_count, rules,
                                      carry_over_mismatch, format_version)
          select c.report_id, c.agency_id, c.revision, v.submitted_at, c.cells, c.published_items,
                 c.published_on, c.late, c.violation_count, c.rules, c.carry_over_mismatch,
                 c.format_version
          from clone_report k join report_cells c on c.report_id = k.report_id
               join report_revision v on v.report_id = c.report_id and v.revision = c.revision""");
      // V26's days of change, as its triggers keep them: each clone's days of registration and
      // revision, under its division.
      s.execute(
          """
          insert into agency_change (division_code, day, agency_id)
          select distinct a.division_code, d.day, a.id
          from agency a
               join (select agency_id, (valid_from at time zone 'Asia/Shanghai')::date as day
                     from agency_history where agency_id >= %d
                     union
                     select c.agency_id, (c.at at time zone 'Asia/Shanghai')::date
                     from revision_cells c join clone_report k on k.report_id = c.report_id) d
                 on d.agency_id = a.id
          on conflict do nothing"""
              .formatted(firstAgency));
      log("agency_history, revision_cells, agency_change");
      s.execute(
          """
          insert into plausibility_version (city, year, version)
          select distinct substr(a.division_code, 1, 4) || '00', y, 1
          from clone_report c join agency a on a.id = c.agency_id
               join report r on r.id = c.report_id, lateral (values (r.year), (r.year + 1)) v(y)
          on conflict (city, year) do update set version = plausibility_version.version + 1""");
      for (String table : List.of("agency", "report", "report_revision")) {
        s.execute(
            "select setval(pg_get_serial_sequence('%1$s', 'id'), (select max(id) from %1$s))"
                .formatted(table));
      }
    }

    // 3. The totals, as RegionTotals adds them, one province at a time.
    Map<String, List<Integer>> byProvince = new TreeMap<>();
    for (int k = 0; k < divisions.size(); k++) {
      byProvince.computeIfAbsent(divisions.get(k).substring(0, 2), x -> new ArrayList<>()).add(k);
    }
    int rows = 0;
    try (Statement s = db.createStatement()) {
      s.execute(
          "create temporary table clone_totals (like region_totals including defaults) on commit drop");
    }
    for (List<Integer> members : byProvince.values()) {
      Map<String, Totals> totals = new HashMap<>();
      for (int k : members) {
        long id = firstAgency + k;
        int shard = (int) Math.floorMod(id, (long) SHARDS);
        for (var year : prototypes.get(prototypeOf[k]).years().entrySet()) {
          for (String[] region : regions(divisions.get(k))) {
            totals
                .computeIfAbsent(
                    region[0] + "\t" + region[1] + "\t" + year.getKey() + "\t" + shard,
                    x -> new Totals(year.getValue().cells().length))
                .add(year.getValue());
          }
        }
      }
      StringBuilder out = new StringBuilder(totals.size() * 1200);
      totals.forEach((key, t) -> t.row(key, out));
      copy.copyIn(
          "copy clone_totals (division_code, scope, year, shard, reports, late, inconsistent,"
              + " carry_over_mismatches, published_items, reports_stating, trial_format_reports,"
              + " cells, version, updated_at) from stdin",
          new StringReader(out.toString()));
      rows += totals.size();
    }
    try (Statement s = db.createStatement()) {
      s.execute(mergeOfClones());
    }
    log("region_totals: %d rows", rows);

    // 4. The sample for the twin check: clones spread over the nation.
    List<String> lines = new ArrayList<>();
    for (int t = 0; t < twins; t++) {
      int k = (int) ((long) t * divisions.size() / twins);
      lines.add(code(k) + " " + divisions.get(k) + " " + prototypes.get(prototypeOf[k]).code());
    }
    Files.write(twinsFile, lines);
  }

  /**
   * The service's merge into region_totals (src/main/resources/sql/region-totals-add.sql, which
   * RegionTotals runs), its rows taken from clone_totals instead of its named parameters: the
   * nation's totals are added exactly as the service adds a report's.
   */
  static String mergeOfClones() throws IOException {
    String merge =
        Files.readAllLines(Path.of("src/main/resources/sql/region-totals-add.sql")).stream()
            .filter(line -> !line.startsWith("--"))
            .collect(Collectors.joining("\n"));
    String fromClones =
        merge.replaceFirst(
            "(?s)select k\\.division_code.*?order by k\\.i\\s*on conflict",
            """
            select division_code, scope, year, shard, reports, late, inconsistent,
                   carry_over_mismatches, published_items, reports_stating, trial_format_reports,
                   cells, version, updated_at
            from clone_totals
            on conflict""");
    if (fromClones.equals(merge) || fromClones.matches("(?s).*[^:]:[a-zA-Z].*")) {
      throw new IllegalStateException("region-totals-add.sql changed its shape:\n" + merge);
    }
    return fromClones;
  }

  static String code(int k) {
    return String.format(Locale.ROOT, "nation-%06d", k);
  }

  private static void log(String format, Object... args) {
    System.out.printf(Locale.ROOT, "nation: " + format + "%n", args);
  }

  private long nextId(String table) throws SQLException {
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("select coalesce(max(id), 0) + 1 from " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** The prototypes: agencies with codes from {@code from} to {@code to}, with all their reports. */
  private List<Prototype> prototypes(String from, String to) throws SQLException {
    Map<String, Map<Integer, ProtoReport>> found = new LinkedHashMap<>();
    try (var s =
        db.prepareStatement(
            """
            select a.code, c.year, c.report_id, c.cells::text, c.cells, c.published_items,
                   c.late, c.violation_count > 0, c.carry_over_mismatch, c.format_version = '2019'
            from agency a join report_cells c on c.agency_id = a.id
            where a.code between ? and ? order by a.code, c.year""")) {
      s.setString(1, from);
      s.setString(2, to);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          long items = rs.getLong(6);
          Long publishedItems = rs.wasNull() ? null : items;
          found
              .computeIfAbsent(rs.getString(1), x -> new TreeMap<>())
              .put(
                  rs.getInt(2),
                  new ProtoReport(
                      rs.getLong(3),
                      rs.getString(4),
                      (BigDecimal[]) rs.getArray(5).getArray(),
                      publishedItems,
                      rs.getBoolean(7),
                      rs.getBoolean(8),
                      rs.getBoolean(9),
                      rs.getBoolean(10)));
        }
      }
    }
    int years = found.values().stream().mapToInt(Map::size).max().orElse(0);
    List<Prototype> prototypes = new ArrayList<>();
    found.forEach(
        (code, reports) -> {
          if (reports.size() == years) {
            prototypes.add(new Prototype(code, reports));
          }
        });
    log("%d prototypes with %d years each", prototypes.size(), years);
    return prototypes;
  }

  /** RegionTotals.regions: own and all of the division, all of its city and of its province. */
  static List<String[]> regions(String division) {
    List<String[]> regions = new ArrayList<>();
    regions.add(new String[] {division, "own"});
    regions.add(new String[] {division, "all"});
    boolean province = division.endsWith("0000");
    boolean city = !province && division.endsWith("00");
    if (!province && !city) {
      regions.add(new String[] {division.substring(0, 4) + "00", "all"});
    }
    if (!province) {
      regions.add(new String[] {division.substring(0, 2) + "0000", "all"});
    }
    return regions;
  }

  /** One region_totals row being added up. */
  static final class Totals {
    int reports;
    int late;
    int inconsistent;
    int carryOverMismatches;
    long publishedItems;
    int reportsStating;
    int trialFormatReports;
    final BigDecimal[] cells;

    Totals(int length) {
      cells = new BigDecimal[length];
      java.util.Arrays.fill(cells, BigDecimal.ZERO);
    }

    void add(ProtoReport p) {
      reports++;
      late += p.late() ? 1 : 0;
      inconsistent += p.inconsistent() ? 1 : 0;
      carryOverMismatches += p.carryOverMismatch() ? 1 : 0;
      trialFormatReports += p.trialFormat() ? 1 : 0;
      if (p.publishedItems() != null) {
        publishedItems += p.publishedItems();
        reportsStating++;
      }
      for (int i = 0; i < cells.length && i < p.cells().length; i++) {
        cells[i] = cells[i].add(p.cells()[i]);
      }
    }

    void row(String key, StringBuilder out) {
      out.append(key)
          .append('\t')
          .append(reports)
          .append('\t')
          .append(late)
          .append('\t')
          .append(inconsistent)
          .append('\t')
          .append(carryOverMismatches)
          .append('\t')
          .append(publishedItems)
          .append('\t')
          .append(reportsStating)
          .append('\t')
          .append(trialFormatReports)
          .append("\t{");
      for (int i = 0; i < cells.length; i++) {
        out.append(i == 0 ? "" : ",").append(cells[i].toPlainString());
      }
      out.append("}\t").append(reports).append("\tnow\n");
    }
  }

  /** The GB/T 2260 tree and how the nation's agencies spread over it. */
  static final class Geography {
    /** Province code -> its cities (for a municipality: the province code itself). */
    static Map<String, List<String>> read() throws IOException {
      Map<String, List<String>> tree = new TreeMap<>();
      List<String> codes =
          Files.readAllLines(Path.of("src/main/resources/regions/gbt2260.tsv")).stream()
              .filter(l -> !l.startsWith("#") && !l.isBlank())
              .map(l -> l.substring(0, 6))
              .toList();
      for (String code : codes) {
        if (code.endsWith("0000")) {
          tree.put(code, new ArrayList<>());
        }
      }
      for (String code : codes) {
        if (code.endsWith("00") && !code.endsWith("0000")) {
          tree.get(code.substring(0, 2) + "0000").add(code);
          tree.put(code, new ArrayList<>());
        }
      }
      for (String code : codes) {
        if (!code.endsWith("00")) {
          List<String> city = tree.get(code.substring(0, 4) + "00");
          (city != null ? city : tree.get(code.substring(0, 2) + "0000")).add(code);
        }
      }
      return tree;
    }

    /** The division of each of {@code total} agencies, province by province. */
    static List<String> assign(Map<String, List<String>> tree, int total, SplittableRandom random) {
      double scale = total / 181_646.0;
      int largest = (int) Math.round(LARGEST * scale);
      int smallest = (int) Math.round(SMALLEST * scale);
      int n = PROVINCES.length;
      double lo = 0.1;
      double hi = 10;
      for (int i = 0; i < 60; i++) {
        double a = (lo + hi) / 2;
        if (sum(a, n, largest, smallest) > total) {
          lo = a;
        } else {
          hi = a;
        }
      }
      double exponent = (lo + hi) / 2;
      int[] sizes = new int[n];
      int assigned = 0;
      for (int k = 0; k < n; k++) {
        sizes[k] = (int) Math.round(size(exponent, k, n, largest, smallest));
        assigned += sizes[k];
      }
      sizes[0] += total - assigned;
      List<String> divisions = new ArrayList<>(total);
      for (int k = 0; k < n; k++) {
        String province = PROVINCES[k] + "0000";
        int size = sizes[k];
        int own = Math.max(1, size / 50);
        repeat(divisions, province, own);
        List<String> cities = new ArrayList<>(tree.get(province));
        boolean municipality = cities.stream().noneMatch(c -> c.endsWith("00"));
        if (municipality) {
          spread(divisions, province, cities, size - own, random, 0.1);
          continue;
        }
        cities.removeIf(c -> !c.endsWith("00") || c.equals(SMALL_CITY));
        if (cities.remove(LARGE_CITY)) {
          cities.add(0, LARGE_CITY);
        }
        double weights = 0;
        for (int j = 0; j < cities.size(); j++) {
          weights += 1.0 / (j + 1);
        }
        int left = size - own;
        for (int j = 0; j < cities.size(); j++) {
          int share = j == cities.size() - 1 ? left : (int) Math.round((size - own) / weights / (j + 1));
          share = Math.min(share, left);
          left -= share;
          String city = cities.get(j);
          spread(divisions, city, tree.get(city), share, random, 0.12);
        }
      }
      return divisions;
    }

    private static void spread(
        List<String> divisions,
        String city,
        List<String> counties,
        int size,
        SplittableRandom random,
        double atCityLevel) {
      if (counties.isEmpty()) {
        repeat(divisions, city, size);
        return;
      }
      int own = (int) Math.round(size * atCityLevel);
      repeat(divisions, city, own);
      double[] weights = new double[counties.size()];
      double sum = 0;
      for (int i = 0; i < weights.length; i++) {
        weights[i] = 0.5 + random.nextDouble();
        sum += weights[i];
      }
      int left = size - own;
      for (int i = 0; i < weights.length; i++) {
        int share = i == weights.length - 1 ? left : (int) Math.round((size - own) * weights[i] / sum);
        share = Math.min(share, left);
        left -= share;
        repeat(divisions, counties.get(i), share);
      }
    }

    private static void repeat(List<String> divisions, String division, int times) {
      for (int i = 0; i < times; i++) {
        divisions.add(division);
      }
    }

    private static double size(double exponent, int k, int n, int largest, int smallest) {
      return smallest + (largest - smallest) * Math.pow((n - 1.0 - k) / (n - 1.0), exponent);
    }

    private static double sum(double exponent, int n, int largest, int smallest) {
      double sum = 0;
      for (int k = 0; k < n; k++) {
        sum += size(exponent, k, n, largest, smallest);
      }
      return sum;
    }
  }
}
