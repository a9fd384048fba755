package org.disclosurehub.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.Fixtures.JSON;
import static org.disclosurehub.Fixtures.naturalResources2024;
import static org.disclosurehub.Fixtures.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Collectors;
import org.disclosurehub.agency.Agency;
import org.disclosurehub.report.Narrative;
import org.disclosurehub.report.TextFingerprint;
import org.junit.jupiter.api.Test;

/**
 * TEXT_REUSE in a city of 500 agencies: one report's check reads the index entries of its own
 * n-grams and of the reports that share them, not the other 499 narratives. The work is counted by
 * PostgreSQL (EXPLAIN ANALYZE: the rows the index scan reads), not timed.
 *
 * <p>The 500 narratives are synthetic, characters drawn at random from realistic prose, so that
 * they share nothing by chance; one agency copies another's.
 */
@QuarkusTest
class TextReuseScaleTest {
  private static final int AGENCIES = 500;
  private static final int YEAR = 2022;
  private static final String CITY = "460100";

  @Inject SubmissionService submissions;
  @Inject EntityManager em;

  @Test
  void shouldCheckOneReportOfAFiveHundredAgencyCityByItsOwnNgrams() throws Exception {
    String pool =
        (text("/narratives/natural-resources-2023.txt")
                + text("/narratives/civil-affairs-2024.txt"))
            .codePoints()
            .filter(c -> Character.isLetter(c) && "〇零一二两三四五六七八九十百千万亿".indexOf(c) < 0)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString();
    Random random = new Random(16);
    String[] codes = new String[AGENCIES];
    String copied = null;
    for (int i = 0; i < AGENCIES; i++) {
      codes[i] = PlausibilityApiTest.register(i % 2 == 0 ? "460105" : "460106", "海口市某局");
      String narrative = i == AGENCIES - 1 ? copied : synthetic(pool, random, 400);
      if (i == 0) {
        copied = narrative;
      }
      ObjectNode report = PlausibilityApiTest.withOverview(naturalResources2024(), narrative);
      submissions.submit(
          ReportWrite.put(
              codes[i],
              YEAR,
              JSON.treeToValue(report, org.disclosurehub.report.Report.class),
              null,
              null,
              false,
              null));
    }

    Agency checked =
        QuarkusTransaction.requiringNew().call(() -> Agency.existing(codes[AGENCIES - 1]));
    int[] ngrams = TextFingerprint.of(new Narrative(copied, null, null, null)).ngrams();
    long indexed =
        count(
            "select count(*) from narrative_ngram where city = '" + CITY + "' and year = " + YEAR);
    JsonNode plan =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    JSON.readTree(
                        (String)
                            em.createNativeQuery(
                                    "explain (analyze, format json) " + Plausibility.SHARED_WITH)
                                .setParameter(1, CITY)
                                .setParameter(2, YEAR)
                                .setParameter(3, checked.id)
                                .setParameter(4, literal(ngrams))
                                .getSingleResult()
                                .toString()));
    long read = rowsReadFromTheIndex(plan.get(0).get("Plan"));

    // Its own n-grams (left out by the filter) and the copy's: about twice its n-grams, of 500 × as
    // many.
    assertThat(indexed).isGreaterThan(AGENCIES * (long) ngrams.length * 9 / 10);
    assertThat(read).isBetween((long) ngrams.length, 2L * ngrams.length + 20);
    assertThat(read * 100).isLessThan(indexed);
    JsonNode copy =
        JSON.readTree(
            io.restassured.RestAssured.given()
                .get(org.disclosurehub.Fixtures.reportPath(codes[AGENCIES - 1], YEAR))
                .asString());
    assertThat(copy.at("/textReuse/sameCityAgency").asText()).isEqualTo(codes[0]);
    assertThat(copy.at("/textReuse/sameCity").decimalValue()).isEqualByComparingTo("1");
  }

  /** Rows read by the scans of narrative_ngram: those kept and those the filter removed. */
  private static long rowsReadFromTheIndex(JsonNode node) {
    long rows = 0;
    if (node.path("Relation Name").asText().equals("narrative_ngram")) {
      rows += node.path("Actual Rows").asLong() * Math.max(1, node.path("Actual Loops").asLong());
      rows += node.path("Rows Removed by Filter").asLong();
      assertThat(node.get("Node Type").asText()).contains("Index");
    }
    for (JsonNode child : node.path("Plans")) {
      rows += rowsReadFromTheIndex(child);
    }
    return rows;
  }

  private long count(String sql) {
    return QuarkusTransaction.requiringNew()
        .call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
  }

  private static String synthetic(String pool, Random random, int length) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      text.append(pool.charAt(random.nextInt(pool.length())));
      if (i % 25 == 24) {
        text.append('。');
      }
    }
    return text.toString();
  }

  private static String literal(int[] values) {
    return Arrays.stream(values)
        .mapToObj(Integer::toString)
        .collect(Collectors.joining(",", "{", "}"));
  }
}
