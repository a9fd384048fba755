package org.disclosurehub.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.Fixtures.JSON;
import static org.disclosurehub.Fixtures.naturalResources2024;
import static org.disclosurehub.Fixtures.newAgencyCode;
import static org.disclosurehub.Fixtures.reportPath;
import static org.disclosurehub.Fixtures.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Arrays;
import org.disclosurehub.agency.Agency;
import org.disclosurehub.report.Narrative;
import org.disclosurehub.report.TextFingerprint;
import org.disclosurehub.sql.Sql;
import org.junit.jupiter.api.Test;

/**
 * TEXT_REUSE in a city of 500 agencies: one report's check reads one row per report of its city and
 * year (each report's n-grams as one sorted array, intersected with its own in PostgreSQL), not a
 * row per n-gram they hold. The work is counted by PostgreSQL (EXPLAIN ANALYZE of the production
 * query: the rows it reads), not timed.
 *
 * <p>Two reports are filed through the API, one copying the other; the 498 others of the city are
 * written straight into the index (400 random n-grams each, as a narrative sharing nothing by
 * chance would have), because filing 498 reports through the API would test nothing more.
 */
@QuarkusTest
class TextReuseScaleTest {
  private static final int OTHERS = 498;
  private static final int YEAR = 2022;
  private static final String CITY = "460100";

  @Inject EntityManager em;

  @Test
  void shouldCheckOneReportOfAFiveHundredAgencyCityByItsOwnNgrams() throws Exception {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        """
                        with others as (
                          insert into agency (code, name, division_code, created_at, updated_at)
                          select 'scale-' || ?1 || '-' || i, '海口市某局' || i, '460105', now(), now()
                          from generate_series(1, ?2) i
                          returning id),
                        kept as (
                          insert into report_plausibility (agency_id, year, characters, ngrams,
                              same_city_share, findings, rules)
                          select id, ?3, 400, 400, 0, '[]', '{}' from others returning agency_id)
                        insert into narrative_fingerprint (agency_id, year, city, ngrams)
                        select agency_id, ?3, ?4,
                               array(select distinct (random() * 2147483647)::int
                                     from generate_series(1, 400 + 0 * agency_id) order by 1)
                        from kept
                        """)
                    .setParameter(1, newAgencyCode("x"))
                    .setParameter(2, OTHERS)
                    .setParameter(3, YEAR)
                    .setParameter(4, CITY)
                    .executeUpdate());
    String narrative = text("/narratives/natural-resources-2024-rewritten.txt");
    String original = org.disclosurehub.Fixtures.registerNamed("460106", "海口市自然资源局");
    String copy = org.disclosurehub.Fixtures.registerNamed("460107", "海口市某区自然资源局");
    PlausibilityApiTest.put(
        original,
        YEAR,
        org.disclosurehub.Fixtures.withOverview(naturalResources2024(), narrative),
        201);
    PlausibilityApiTest.put(
        copy,
        YEAR,
        org.disclosurehub.Fixtures.withOverview(naturalResources2024(), narrative),
        201);

    Agency checked = QuarkusTransaction.requiringNew().call(() -> Agency.existing(copy));
    int[] ngrams = TextFingerprint.of(new Narrative(narrative, null, null, null)).ngrams();
    // The city's reports of the year (more than 500 where this test ran before in the database),
    // and the n-grams they hold.
    Object[] city =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    (Object[])
                        em.createNativeQuery(
                                "select count(*), sum(cardinality(ngrams)) from narrative_fingerprint"
                                    + " where city = ?1 and year = ?2")
                            .setParameter(1, CITY)
                            .setParameter(2, YEAR)
                            .getSingleResult());
    long reports = ((Number) city[0]).longValue();
    long indexed = ((Number) city[1]).longValue();
    JsonNode plan =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    JSON.readTree(
                        Sql.<String>inTransaction(
                            connection -> {
                              try (var s =
                                  Sql.of(
                                          "explain (analyze, format json) "
                                              + SameCityLookup.SHARED_WITH)
                                      .prepare(connection)) {
                                s.set("city", CITY)
                                    .set("year", YEAR)
                                    .set("excluded", checked.id)
                                    .set(
                                        "ngrams",
                                        Arrays.stream(ngrams).boxed().toArray(Integer[]::new));
                                try (var rs = s.query()) {
                                  rs.next();
                                  return rs.getString(1);
                                }
                              }
                            })));
    long read = rowsReadFromTheIndex(plan.get(0).get("Plan"));

    // One row per report of the city and year (its own left out by the filter), of 500 × 400
    // n-grams in the city's index: never a row per n-gram.
    assertThat(ngrams.length).isGreaterThan(100);
    assertThat(reports).isGreaterThanOrEqualTo(OTHERS + 2);
    assertThat(indexed).isGreaterThan(reports * 390L);
    assertThat(read).isEqualTo(reports);
    assertThat(read * 100).isLessThan(indexed);
    JsonNode view = JSON.readTree(RestAssured.given().get(reportPath(copy, YEAR)).asString());
    assertThat(view.at("/textReuse/sameCityAgency").asText()).isEqualTo(original);
    assertThat(view.at("/textReuse/sameCity").decimalValue()).isEqualByComparingTo("1");
  }

  /** Rows read from narrative_fingerprint by its index: those kept and those the filter removed. */
  private static long rowsReadFromTheIndex(JsonNode node) {
    long rows = 0;
    if (node.path("Relation Name").asText().equals("narrative_fingerprint")) {
      assertThat(node.get("Node Type").asText()).containsAnyOf("Index", "Bitmap");
      // Both are per loop.
      rows +=
          (node.path("Actual Rows").asLong() + node.path("Rows Removed by Filter").asLong())
              * Math.max(1, node.path("Actual Loops").asLong());
    }
    for (JsonNode child : node.path("Plans")) {
      rows += rowsReadFromTheIndex(child);
    }
    return rows;
  }
}
