package org.disclosurehub.submission;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.Fixtures.JSON;
import static org.disclosurehub.Fixtures.admin;
import static org.disclosurehub.Fixtures.naturalResources2024;
import static org.disclosurehub.Fixtures.registerNamed;
import static org.disclosurehub.Fixtures.reportPath;
import static org.disclosurehub.Fixtures.text;
import static org.disclosurehub.Fixtures.withOverview;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A filing's answer is built from what its transaction kept, after the commit, without reading
 * anything back: it must be what a GET of the report answers right after it. Every part a read adds
 * is exercised: the cross-year rules against the previous year (CARRY_OVER), the plausibility
 * findings (YEAR_JUMP, NARRATIVE_MISMATCH), TEXT_REUSE's shares against the previous year and the
 * same city (stored with 4 decimals), with and without a next year re-evaluated. Works in 巴彦淖尔市
 * (1508xx), which no other test uses.
 */
@QuarkusTest
class FilingAnswerTest {

  @Test
  void shouldAnswerAFilingExactlyAsItReadsBack() throws Exception {
    String agency = registerNamed("150802", "临河区自然资源局");
    String neighbour = registerNamed("150821", "五原县自然资源局");
    ObjectNode lastYear =
        withOverview(naturalResources2024(), text("/narratives/natural-resources-2023.txt"));
    lastYear.with("activeDisclosure").put("licensing", 134);
    ObjectNode repeated =
        withOverview(
            naturalResources2024(), text("/narratives/natural-resources-2024-repeated.txt"));

    // The first filing of 2024: nothing before it, nothing in the city.
    String first = put(agency, 2024, repeated, 201);
    assertSameAnswer(first, get(agency, 2024));
    // 2023 filed after it: a next year re-evaluated, its prose repeated there.
    assertSameAnswer(put(agency, 2023, lastYear, 201), get(agency, 2023));
    // 2024 corrected: YEAR_JUMP, CARRY_OVER and the share repeated from 2023.
    withOverview(
        repeated, text("/narratives/natural-resources-2024-repeated.txt") + "本年度无其他需要报告的事项。");
    String corrected = put(agency, 2024, repeated, 200);
    assertThat(corrected)
        .contains("\"YEAR_JUMP\"", "\"CARRY_OVER\"", "\"TEXT_REUSE\"", "\"previousYear\":0.");
    assertSameAnswer(corrected, get(agency, 2024));
    // The same prose in another county of the city: a same-city share of 1.
    String copied = put(neighbour, 2024, repeated, 201);
    assertThat(copied).contains("\"sameCity\":1.0000", "\"sameCityAgency\":\"" + agency + "\"");
    assertSameAnswer(copied, get(neighbour, 2024));
    // Prose stating another count than the tables: NARRATIVE_MISMATCH.
    ObjectNode mismatched = withOverview(naturalResources2024(), "全年共收到政府信息公开申请75件。");
    String mismatch = put(neighbour, 2024, mismatched, 200);
    assertThat(mismatch).contains("\"NARRATIVE_MISMATCH\"");
    assertSameAnswer(mismatch, get(neighbour, 2024));
  }

  /**
   * A filing's answer copies in the canonical JSON it stored (FilingAnswer): byte for byte what a
   * GET answers, with the one map in an order both agree on (keys sorted, the shorter first); and
   * with the map as it came where that is not sorted, as before.
   */
  @Test
  void shouldAnswerAFilingInTheBytesItReadsBack() throws Exception {
    String agency = registerNamed("150822", "磴口县自然资源局");
    ObjectNode report =
        withOverview(naturalResources2024(), text("/narratives/natural-resources-2023.txt"));
    report.putObject("publishedItems").put("total", 30);
    String first = put(agency, 2024, report, 201);
    assertThat(first).isEqualTo(get(agency, 2024));

    ObjectNode byCategory = report.with("publishedItems").putObject("byCategory");
    byCategory.put("其他", 5).put("工作动态", 14).put("部门公告", 11);
    String sorted = put(agency, 2024, report, 200);
    assertThat(sorted).contains("\"byCategory\":{\"其他\":5,\"工作动态\":14,\"部门公告\":11}");
    assertThat(sorted).isEqualTo(get(agency, 2024));

    report.with("publishedItems").remove("byCategory");
    report.with("publishedItems").putObject("byCategory").put("部门公告", 12).put("其他", 5);
    String unsorted = put(agency, 2024, report, 200);
    assertThat(unsorted).contains("\"byCategory\":{\"部门公告\":12,\"其他\":5}");
    assertSameAnswer(unsorted, get(agency, 2024));
  }

  /**
   * The same answer: equal as JSON (the report's maps keep the order they came in, as before), and
   * TEXT_REUSE's shares in the same digits (a share reads back from the database with 4 decimals).
   */
  private static void assertSameAnswer(String answered, String read) throws Exception {
    assertThat(JSON.readTree(answered)).isEqualTo(JSON.readTree(read));
    assertThat(textReuse(answered)).isEqualTo(textReuse(read));
  }

  private static String textReuse(String body) {
    Matcher m = Pattern.compile("\"textReuse\":\\{[^}]*}").matcher(body);
    return m.find() ? m.group() : "";
  }

  private static String put(String agency, int year, ObjectNode report, int status) {
    return admin()
        .contentType("application/json")
        .body(report.toString())
        .put(reportPath(agency, year))
        .then()
        .statusCode(status)
        .extract()
        .asString();
  }

  private static String get(String agency, int year) {
    return given().get(reportPath(agency, year)).then().statusCode(200).extract().asString();
  }
}
