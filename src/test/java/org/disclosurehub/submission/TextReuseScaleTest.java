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
 * TEXT_REUSE in a city of 500 agencies: one report's check reads the index entries of its own
 * n-grams and of the reports that share them, not the other 499 narratives. The work is counted by
 * PostgreSQL (EXPLAIN ANALYZE of the production query: the index rows it reads), not timed.
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
                        insert into narrative_ngram (city, year, ngram, agency_id)
                        select distinct ?4, ?3, (random() * 2147483647)::int, agency_id
                        from kept cross join generate_series(1, 400)
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
    long indexed =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    ((Number)
                            em.createNativeQuery(
                                    "select count(*) from narrative_ngram where city = ?1 and year = ?2")
                                .setParameter(1, CITY)
                                .setParameter(2, YEAR)
                                .getSingleResult())
                        .longValue());
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

    // Its own n-grams (left out by the filter) and the original's: twice its n-grams, of 500 × as
    // many in the city's index.
    assertThat(indexed).isGreaterThan(OTHERS * 390L);
    assertThat(read).isBetween((long) ngrams.length, 2L * ngrams.length + 10);
    assertThat(read * 100).isLessThan(indexed);
    JsonNode view = JSON.readTree(RestAssured.given().get(reportPath(copy, YEAR)).asString());
    assertThat(view.at("/textReuse/sameCityAgency").asText()).isEqualTo(original);
    assertThat(view.at("/textReuse/sameCity").decimalValue()).isEqualByComparingTo("1");
  }

  /** Index rows read by the probes of narrative_ngram: those kept and those the filter removed. */
  private static long rowsReadFromTheIndex(JsonNode node) {
    long rows = 0;
    if (node.path("Relation Name").asText().equals("narrative_ngram")) {
      assertThat(node.get("Node Type").asText()).containsAnyOf("Index", "Bitmap");
      // Both are per loop: one loop per n-gram looked up.
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
