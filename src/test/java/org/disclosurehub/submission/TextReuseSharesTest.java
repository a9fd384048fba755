package org.disclosurehub.submission;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.Fixtures.JSON;
import static org.disclosurehub.Fixtures.naturalResources2024;
import static org.disclosurehub.Fixtures.registerNamed;
import static org.disclosurehub.Fixtures.reportPath;
import static org.disclosurehub.Fixtures.withOverview;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.disclosurehub.report.Narrative;
import org.disclosurehub.report.PlausibilityChecks;
import org.disclosurehub.report.TextFingerprint;
import org.disclosurehub.text.ChineseText;
import org.junit.jupiter.api.Test;

/**
 * TEXT_REUSE's same-city shares where reports share part of their text with several others: each
 * report's {@code sameCity} is exactly the highest share of its n-grams found in another report of
 * the city and year, and {@code sameCityAgency} that report, as TextFingerprint computes them in
 * Java, for the report filed last and for those its filing raised. Pins what the same-city lookup
 * finds whatever the index behind it (V6's n-gram rows, V25's arrays).
 *
 * <p>The sentences are random characters drawn for each run, so that reports that earlier runs left
 * in the database's city share nothing with these.
 */
@QuarkusTest
class TextReuseSharesTest {
  private static final int YEAR = 2024;

  @Test
  void shouldFindTheExactClosestShareOfEveryReportOfTheCity() throws Exception {
    Random random = new Random();
    String[] s = new String[9];
    for (int i = 0; i < s.length; i++) {
      s[i] = sentence(random, 40 + 7 * i);
    }
    // Filed in this order; the last shares most with b, less with c, a sentence with d.
    Map<String, String> narratives = new LinkedHashMap<>();
    narratives.put(registerNamed("360102", "南昌市东湖区某局"), s[1] + s[2] + s[5] + s[6]);
    narratives.put(registerNamed("360103", "南昌市西湖区某局"), s[3] + s[4] + s[6]);
    narratives.put(registerNamed("360104", "南昌市青云谱区某局"), s[1] + s[7]);
    narratives.put(registerNamed("360111", "南昌市青山湖区某局"), s[1] + s[2] + s[3] + s[4] + s[8]);
    // Another city's identical text is not compared.
    PlausibilityApiTest.put(
        registerNamed("360202", "景德镇市某局"),
        YEAR,
        withOverview(naturalResources2024(), s[1] + s[2] + s[3] + s[4] + s[8]),
        201);

    for (Map.Entry<String, String> filed : narratives.entrySet()) {
      PlausibilityApiTest.put(
          filed.getKey(), YEAR, withOverview(naturalResources2024(), filed.getValue()), 201);
    }

    for (Map.Entry<String, String> report : narratives.entrySet()) {
      TextFingerprint own = fingerprint(report.getValue());
      String closest = null;
      double best = 0;
      for (Map.Entry<String, String> other : narratives.entrySet()) {
        double share = own.shareFoundIn(fingerprint(other.getValue()));
        if (!other.getKey().equals(report.getKey()) && share > best) {
          best = share;
          closest = other.getKey();
        }
      }
      JsonNode read = JSON.readTree(given().get(reportPath(report.getKey(), YEAR)).asString());
      assertThat(best).as("every report shares a sentence with another").isGreaterThan(0.1);
      assertThat(read.at("/textReuse/sameCityAgency").asText())
          .as("closest to %s", report.getKey())
          .isEqualTo(closest);
      assertThat(read.at("/textReuse/sameCity").decimalValue())
          .as("share of %s", report.getKey())
          .isEqualByComparingTo(PlausibilityChecks.share(best));
    }
    // The shares differ enough that no rounding decides which is the closest.
    BigDecimal last =
        JSON.readTree(given().get(reportPath(lastOf(narratives), YEAR)).asString())
            .at("/textReuse/sameCity")
            .decimalValue();
    assertThat(last).isBetween(new BigDecimal("0.3"), new BigDecimal("0.7"));
  }

  private static String lastOf(Map<String, String> narratives) {
    return narratives.keySet().stream().reduce((a, b) -> b).orElseThrow();
  }

  private static TextFingerprint fingerprint(String overview) {
    return TextFingerprint.of(new Narrative(overview, null, null, null));
  }

  /** Random common characters (no numerals), ending with a full stop. */
  private static String sentence(Random random, int length) {
    StringBuilder sentence = new StringBuilder();
    while (sentence.length() < length) {
      int c = 0x4E00 + random.nextInt(0x9FA5 - 0x4E00);
      if (!ChineseText.isNumeral(c)) {
        sentence.appendCodePoint(c);
      }
    }
    return sentence.append('。').toString();
  }
}
