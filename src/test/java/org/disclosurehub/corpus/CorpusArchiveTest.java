package org.disclosurehub.corpus;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.Fixtures.admin;
import static org.disclosurehub.Fixtures.registerNamed;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.disclosurehub.backfill.Archives;
import org.disclosurehub.corpus.Corpus.Entry;
import org.disclosurehub.corpus.Corpus.Form;
import org.junit.jupiter.api.Test;

/**
 * The corpus of real reports as an office would send it: one ZIP per province (pages, texts,
 * Markdown and PDFs; the texts under GBK names as Windows writes them, the PDFs under the corpus'
 * own names) for a region whose agencies are registered. Every report is stored exactly once, with
 * the agency, year and publication date it states; a form the reader does not read exactly yet
 * ({@link NotYetExact}) waits for a person (or is refused when not read as a report at all), and is
 * never stored wrong.
 */
@QuarkusTest
class CorpusArchiveTest {
  private static final Pattern DIVISION = Pattern.compile("(?m)^- division: (\\d{6})");
  private static final Pattern PUBLISHED =
      Pattern.compile("(?m)^- publishedOn: (\\d{4}-\\d{2}-\\d{2}|none|unknown)");

  /** Where source.md does not say it yet: the divisions of the corpus' agencies. */
  private static final Map<String, String> DIVISIONS =
      Map.of(
          "洪泽区人民政府", "320813",
          "淮安市人民政府", "320800",
          "沭阳县人民政府", "321322",
          "上海市人民政府办公厅", "310000",
          "上海市科学技术委员会", "310000");

  /**
   * Where source.md does not say it yet: the publication date the report prints (发布日期 of the page,
   * the date under the signature); the others print none, and are stored without one.
   */
  private static final Map<String, String> PRINTED_DATES =
      Map.of(
          "jiangsu-shuyang-2025", "2026-01-23",
          "shanghai-gov-office-2019", "2020-01-31");

  /** Province 64 belongs to the roll-up tests, whose sums must not see other reports. */
  private static final Set<String> RESERVED_PROVINCES = Set.of("64");

  private static final Set<String> STORED = Set.of("stored", "duplicate", "unchanged");

  @Test
  void shouldStoreEveryReportOfTheCorpusExactlyWithItsAgencyYearAndPublicationDate() {
    Map<String, Map<String, Entry>> byProvince = new LinkedHashMap<>();
    Map<String, String> agencies = new LinkedHashMap<>();
    for (Entry entry : Corpus.entries()) {
      String division = division(entry);
      if (RESERVED_PROVINCES.contains(division.substring(0, 2))) {
        continue;
      }
      agencies.computeIfAbsent(
          entry.agency() + "@" + division, k -> registerNamed(division, entry.agency()));
      byProvince
          .computeIfAbsent(division.substring(0, 2) + "0000", k -> new LinkedHashMap<>())
          .put(entry.id(), entry);
    }
    assertThat(byProvince.values().stream().mapToInt(Map::size).sum()).isGreaterThanOrEqualTo(6);

    int storedForms = 0;
    for (Map.Entry<String, Map<String, Entry>> province : byProvince.entrySet()) {
      Map<String, byte[]> files = Archives.files();
      Map<String, Object[]> formOf = new LinkedHashMap<>();
      for (Entry entry : province.getValue().values()) {
        for (Form form : entry.forms()) {
          // Texts under the name a website gives them, in GBK; PDFs under the corpus' own names.
          String name =
              form.name().equals("pdf")
                  ? entry.id() + "/report.pdf"
                  : entry.year()
                      + "/"
                      + entry.agency()
                      + entry.year()
                      + "年政府信息公开工作年度报告."
                      + form.name();
          files.put(name, form.bytes());
          formOf.put(name, new Object[] {entry, form});
        }
      }
      long job = Archives.post(province.getKey(), Archives.zipInGbk(files));
      JsonPath done = Archives.settled(job);
      assertThat(done.getInt("progress.total")).isEqualTo(files.size());
      List<Map<String, Object>> listed = done.getList("files");
      for (Map<String, Object> file : listed) {
        Object[] source = formOf.get((String) file.get("name"));
        Entry entry = (Entry) source[0];
        Form form = (Form) source[1];
        String what = entry.id() + " " + form.name() + " in " + done.prettify();
        boolean notYetExact = NotYetExact.ALLOWED.containsKey(entry.id() + " " + form.name());
        // The importer's own partial flag: a line it could not place (a stray number) keeps a
        // report whose cells were all read waiting for a person, never stored.
        boolean lineNotRead =
            "partial".equals(file.get("reason"))
                && !done.getList(
                        "files.find { it.file == " + file.get("file") + " }.detail.unparsed")
                    .isEmpty();
        if (!STORED.contains(file.get("state")) && (notYetExact || lineNotRead)) {
          // Partly read: it waits for a person; not read as a report at all: refused. Never stored.
          assertThat(file.get("state")).as(what).isIn("waiting", "refused");
          continue;
        }
        assertThat(file.get("state")).as(what).isIn(STORED);
        String agency = agencies.get(entry.agency() + "@" + division(entry));
        assertThat(file.get("agency")).as(what).isEqualTo(agency);
        assertThat(file.get("year")).as(what).isEqualTo(entry.year());
        assertThat(file.get("publishedOn")).as(what).isEqualTo(publishedOn(entry, form));
        assertThat(file.get("violations")).as(what).isEqualTo(entry.violations().size());
        expectStoredOnceExactly(entry, agency);
        storedForms++;
      }
    }
    assertThat(storedForms).isGreaterThanOrEqualTo(6);
  }

  /** The agency's current report of the year is the key, cell by cell, in its first revision. */
  private static void expectStoredOnceExactly(Entry entry, String agency) {
    String path = "/api/v1/agencies/" + agency + "/reports/" + entry.year();
    JsonNode report;
    try {
      report =
          Corpus.JSON
              .readTree(given().get(path).then().statusCode(200).extract().asString())
              .get("report");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Corpus.Fidelity fidelity = Corpus.compare(entry.expected(), report);
    assertThat(fidelity.wrong()).as(entry.id() + " cells stored wrong").isEmpty();
    assertThat(fidelity.missing()).as(entry.id() + " cells not stored").isEmpty();
    assertThat(
            admin()
                .get(path + "/revisions")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("revision"))
        .as(entry.id() + " stored once")
        .hasSize(1);
  }

  private static String division(Entry entry) {
    Matcher stated = DIVISION.matcher(source(entry));
    return stated.find() ? stated.group(1) : DIVISIONS.getOrDefault(entry.agency(), "640500");
  }

  /**
   * A page's article body kept as its html form (the 平潭 archive's {@code page.html}, see source.md)
   * leaves out the page's header, where the 发布时间 is printed: that form's date is the one under its
   * signature, read off the page by hand (the 管委会's reports and 公安局 2022 and 2024 print none, and
   * are stored without one).
   */
  private static final Map<String, String> SIGNATURE_DATES =
      Map.ofEntries(
          Map.entry("fujian-pingtan-jinjing-2019", "2020-01-06"),
          Map.entry("fujian-pingtan-jinjing-2020", "2021-01-26"),
          Map.entry("fujian-pingtan-jinjing-2021", "2022-01-07"),
          Map.entry("fujian-pingtan-jinjing-2022", "2023-01-04"),
          Map.entry("fujian-pingtan-jinjing-2023", "2024-01-03"),
          Map.entry("fujian-pingtan-natural-resources-2023", "2024-01-05"),
          Map.entry("fujian-pingtan-transport-construction-2023", "2024-01-30"),
          Map.entry("fujian-pingtan-enforcement-emergency-2025", "2026-01-16"),
          Map.entry("fujian-pingtan-finance-2025", "2026-01-14"),
          Map.entry("fujian-pingtan-junshan-2023", "2024-01-12"),
          Map.entry("fujian-pingtan-junshan-2024", "2025-01-23"),
          Map.entry("fujian-pingtan-tourism-culture-sports-2024", "2025-01-26"),
          Map.entry("fujian-pingtan-enforcement-emergency-2023", "2024-01-31"),
          Map.entry("fujian-pingtan-finance-2019", "2020-01-02"),
          Map.entry("fujian-pingtan-market-regulation-2020", "2021-01-25"),
          Map.entry("fujian-pingtan-market-regulation-2021", "2022-01-07"),
          Map.entry("fujian-pingtan-finance-2023", "2024-01-29"),
          Map.entry("fujian-pingtan-transport-construction-2021", "2022-01-07"),
          Map.entry("fujian-pingtan-junshan-2021", "2022-01-07"),
          Map.entry("fujian-pingtan-junshan-2022", "2023-01-09"),
          Map.entry("fujian-pingtan-natural-resources-2022", "2023-01-06"),
          Map.entry("fujian-pingtan-haitan-2022", "2023-01-06"),
          Map.entry("fujian-pingtan-haitan-2021", "2022-01-07"));

  private static String publishedOn(Entry entry, Form form) {
    if (form.name().equals("html")
        && source(entry).contains("- html form: report.html (the report's article body")) {
      return SIGNATURE_DATES.get(entry.id());
    }
    return publishedOn(entry);
  }

  private static String publishedOn(Entry entry) {
    Matcher stated = PUBLISHED.matcher(source(entry));
    if (stated.find()) {
      return stated.group(1).matches("\\d.*") ? stated.group(1) : null;
    }
    return PRINTED_DATES.get(entry.id());
  }

  private static String source(Entry entry) {
    try {
      return Files.readString(entry.dir().resolve("source.md"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
