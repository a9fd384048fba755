package org.disclosurehub.rollup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.Fixtures.admin;
import static org.disclosurehub.Fixtures.naturalResources2024;
import static org.disclosurehub.Fixtures.newAgencyCode;
import static org.disclosurehub.Fixtures.reportPath;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.disclosurehub.MovableClock;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * Whether the missing are late is judged on the day a document is read as of, not today (黄州区,
 * 421102, which no other test uses): an agency still missing on 15 January 2025 was not yet late
 * for 2024; on 5 February, and today (10 February), it was.
 */
@QuarkusTest
class AsOfOverdueTest {
  private static final String REGION = "421102";
  private static final String DOCUMENT = "/api/v1/regions/" + REGION + "/annual-report/2024";
  private final MovableClock clock = new MovableClock();

  @Test
  void shouldJudgeTheMissingOnTheDayAskedFor() throws Exception {
    QuarkusMock.installMockForType(clock, Clock.class);
    String filed = newAgencyCode("due-a");
    String missing = newAgencyCode("due-b");
    clock.at("2025-01-10T10:00");
    register(filed, "黄州区甲局");
    register(missing, "黄州区乙局");
    admin()
        .contentType("application/json")
        .body(naturalResources2024().put("publishedOn", "2025-01-05").toString())
        .put(reportPath(filed, 2024))
        .then()
        .statusCode(201);
    clock.at("2025-02-10T10:00");

    Document before = html("?asOf=2025-01-15");
    assertThat(before.select("dl.meta").text()).contains("2025年1月31日；截至2025年1月15日尚未到期，未报送的机关不计逾期");
    assertThat(before.text()).contains("未报送的机关（1 个，尚未到报送期限）");
    assertThat(sheetText("&asOf=2025-01-15")).contains("未报送（尚未到报送期限） 1");

    for (String query : new String[] {"?asOf=2025-02-05", ""}) {
      Document after = html(query);
      String day = query.isEmpty() ? "2月10" : "2月5";
      assertThat(after.select("dl.meta").text())
          .as(query)
          .contains("2025年1月31日；截至2025年" + day + "日已过期限，未报送的机关已逾期");
      assertThat(after.text()).as(query).contains("未报送的机关（1 个）");
      assertThat(sheetText(query.replace('?', '&'))).as(query).contains("未报送 1");
    }
  }

  private static Document html(String query) {
    return Jsoup.parse(
        given()
            .accept("text/html")
            .get(DOCUMENT + query)
            .then()
            .statusCode(200)
            .extract()
            .asString());
  }

  /** The workbook's completeness sheet, a line per row, cells separated by a space. */
  private static String sheetText(String query) throws Exception {
    byte[] xlsx =
        given()
            .get(DOCUMENT + "?format=xlsx" + query)
            .then()
            .statusCode(200)
            .extract()
            .asByteArray();
    StringBuilder text = new StringBuilder();
    DataFormatter format = new DataFormatter();
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      for (Sheet sheet : workbook) {
        for (Row row : sheet) {
          row.forEach(cell -> text.append(format.formatCellValue(cell)).append(' '));
          text.setLength(Math.max(0, text.length() - 1));
          text.append('\n');
        }
      }
    }
    return text.toString();
  }

  private static void register(String code, String name) {
    admin()
        .contentType("application/json")
        .body(Map.of("code", code, "name", name, "divisionCode", REGION, "activeFrom", 2024))
        .post("/api/v1/agencies")
        .then()
        .statusCode(201);
  }
}
