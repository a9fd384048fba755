package org.disclosurehub.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.Fixtures.admin;
import static org.disclosurehub.Fixtures.naturalResources2024;
import static org.disclosurehub.Fixtures.registerAgency;
import static org.disclosurehub.Fixtures.reportPath;
import static org.disclosurehub.Fixtures.withOverview;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.disclosurehub.sql.Rows;
import org.junit.jupiter.api.Test;

/**
 * What a filing keeps of its checks, on both of its ways: a report with no narrative indexed,
 * before or now, whose city lock goes with the keep in one round trip; and one whose narrative is
 * indexed or leaves the index. Each change is counted in the city's plausibility versions (the next
 * year's too when the agency has one, re-evaluated), and each row the history appends carries the
 * filing's time, which the filing sets with its first statement of the checks. In 呼和浩特 玉泉区
 * (150104), which no other test uses.
 */
@QuarkusTest
class PlausibilityKeepTest {
  private static final String DIVISION = "150104";
  private static final String CITY = "150100";

  @Test
  void shouldCountKeepAndDateAFilingWithoutNarrative() {
    String agency = registerAgency(DIVISION);
    put(agency, 2024, withoutNarrative(naturalResources2024()), 201);
    long before2024 = version(2024);
    long before2023 = version(2023);

    // A year before with ten times the published items: the 2024 report now jumps.
    ObjectNode earlier = withoutNarrative(naturalResources2024());
    ObjectNode published = earlier.with("publishedItems");
    published.put("total", 12600);
    ObjectNode byCategory = published.with("byCategory");
    List.of("政策文件", "规划计划", "行政许可", "其他信息")
        .forEach(k -> byCategory.put(k, byCategory.get(k).intValue() * 10));
    put(agency, 2023, earlier, 201);

    assertThat(version(2023)).isEqualTo(before2023 + 1);
    assertThat(version(2024)).as("the next year's change counted").isEqualTo(before2024 + 1);
    assertThat(rules(agency, 2024)).isEqualTo("YEAR_JUMP");
    assertThat(rules(agency, 2023)).isEmpty();
    Instant filed2023 = submittedAt(agency, 2023, 1);
    assertThat(lastHistoryAt(agency, 2023)).isEqualTo(filed2023);
    assertThat(lastHistoryAt(agency, 2024))
        .as("re-evaluated by the 2023 filing")
        .isEqualTo(filed2023);
  }

  @Test
  void shouldDateTheKeepOfAnIndexedNarrativeAndItsLeaving() {
    String agency = registerAgency(DIVISION);
    String narrative =
        "本年度本机关认真贯彻落实政府信息公开条例，主动公开各类政府信息，依法办理依申请公开，" + "持续完善公开平台建设，加强政策解读与回应关切，推进重点领域信息公开工作。";
    put(agency, 2024, withOverview(naturalResources2024(), narrative), 201);
    assertThat(indexed(agency)).isTrue();
    assertThat(lastHistoryAt(agency, 2024)).isEqualTo(submittedAt(agency, 2024, 1));
    long before = version(2024);

    put(agency, 2024, withoutNarrative(naturalResources2024()), 200);
    assertThat(indexed(agency)).as("the narrative left the city's index").isFalse();
    assertThat(version(2024)).isEqualTo(before + 1);
    assertThat(lastHistoryAt(agency, 2024)).isEqualTo(submittedAt(agency, 2024, 2));
    assertThat(characters(agency)).isZero();
  }

  private static ObjectNode withoutNarrative(ObjectNode report) {
    report.remove("narrative");
    return report;
  }

  private static void put(String agency, int year, ObjectNode report, int status) {
    admin()
        .contentType("application/json")
        .body(report.toString())
        .put(reportPath(agency, year))
        .then()
        .statusCode(status);
  }

  private static Rows.Row row(String sql, Object... namesAndValues) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Rows select = Rows.select(sql);
              for (int i = 0; i < namesAndValues.length; i += 2) {
                select.set((String) namesAndValues[i], namesAndValues[i + 1]);
              }
              return select.row();
            });
  }

  private static long version(int year) {
    return ((Number)
            row(
                    """
                    select coalesce((select version from plausibility_version
                                     where city = :city and year = :year), 0)""",
                    "city",
                    CITY,
                    "year",
                    year)
                .get(0))
        .longValue();
  }

  private static String rules(String agency, int year) {
    return (String)
        row(
                """
                select array_to_string(p.rules, ',') from report_plausibility p
                join agency a on a.id = p.agency_id where a.code = :agency and p.year = :year""",
                "agency",
                agency,
                "year",
                year)
            .get(0);
  }

  private static Instant submittedAt(String agency, int year, int revision) {
    return ((Timestamp)
            row(
                    """
                    select v.submitted_at from report_revision v
                    join report r on r.id = v.report_id join agency a on a.id = r.agency_id
                    where a.code = :agency and r.year = :year and v.revision = :revision""",
                    "agency",
                    agency,
                    "year",
                    year,
                    "revision",
                    revision)
                .get(0))
        .toInstant();
  }

  private static Instant lastHistoryAt(String agency, int year) {
    return ((Timestamp)
            row(
                    """
                    select h.at from plausibility_history h join agency a on a.id = h.agency_id
                    where a.code = :agency and h.year = :year order by h.id desc limit 1""",
                    "agency",
                    agency,
                    "year",
                    year)
                .get(0))
        .toInstant();
  }

  private static boolean indexed(String agency) {
    return (Boolean)
        row(
                """
                select exists (select 1 from narrative_fingerprint f join agency a
                               on a.id = f.agency_id where a.code = :agency and f.year = 2024)""",
                "agency",
                agency)
            .get(0);
  }

  private static int characters(String agency) {
    return ((Number)
            row(
                    """
                    select p.characters from report_plausibility p join agency a
                    on a.id = p.agency_id where a.code = :agency and p.year = 2024""",
                    "agency",
                    agency)
                .get(0))
        .intValue();
  }
}
