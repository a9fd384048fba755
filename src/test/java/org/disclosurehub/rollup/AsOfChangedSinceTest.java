package org.disclosurehub.rollup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.Fixtures.admin;
import static org.disclosurehub.Fixtures.naturalResources2024;
import static org.disclosurehub.Fixtures.reportPath;
import static org.disclosurehub.rollup.AsOfRequests.YEAR;
import static org.disclosurehub.rollup.AsOfRequests.patch;
import static org.disclosurehub.rollup.AsOfRequests.register;
import static org.disclosurehub.rollup.AsOfRequests.rollup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.disclosurehub.MovableClock;
import org.junit.jupiter.api.Test;

/**
 * An as-of read answers from the live tables when nothing its region's answer is made of changed
 * after the day, and rebuilds the day from the history otherwise (AsOfTables). Each county of 松原市
 * (220700) and 白城市 (220800), which no other test uses, gets one kind of change after the day — a
 * move out of it, a move into it, a rename, a withdrawal, a report whose only revision is after the
 * day, a roster change — and one county none: each answer as of the day must equal the live answer
 * kept that day, cell for cell, and (where something changed) differ from today's.
 */
@QuarkusTest
class AsOfChangedSinceTest {
  private static final String SONGYUAN = "220700";
  private static final String NINGJIANG = "220702"; // a move out after the day
  private static final String QIANGUO = "220721"; // a rename after the day
  private static final String CHANGLING = "220722"; // a withdrawal after the day
  private static final String QIANAN = "220723"; // a report whose only revision is after the day
  private static final String FUYU = "220781"; // a move in after the day
  private static final String TAOBEI = "220802"; // a roster change after the day
  private static final String ZHENLAI = "220821"; // nothing after the day
  private static final String DAY = "2025-02-10";
  private static final ObjectMapper JSON = new ObjectMapper();
  private final MovableClock clock = new MovableClock();

  @Test
  void shouldRebuildADayOnlyWhereSomethingChangedAfterIt() throws Exception {
    QuarkusMock.installMockForType(clock, Clock.class);
    clock.at(DAY + "T10:00");
    String movedOut = register("asof-since", "移出局", NINGJIANG);
    file(movedOut);
    register("asof-since", "扶余区留局", FUYU);
    String renamed = register("asof-since", "前郭旧名局", QIANGUO);
    String withdrawn = register("asof-since", "长岭撤回局", CHANGLING);
    file(withdrawn);
    String late = register("asof-since", "乾安后报局", QIANAN);
    file(register("asof-since", "乾安已报局", QIANAN));
    String excluded = register("asof-since", "洮北撤销局", TAOBEI);
    file(register("asof-since", "洮北已报局", TAOBEI));
    file(register("asof-since", "镇赉已报局", ZHENLAI));
    List<String> regions =
        List.of(SONGYUAN, NINGJIANG, QIANGUO, CHANGLING, QIANAN, FUYU, TAOBEI, ZHENLAI);
    Map<String, String> kept = new LinkedHashMap<>();
    for (String region : regions) {
      kept.put(
          rollup(region), given().get(rollup(region)).then().statusCode(200).extract().asString());
      kept.put(
          rollup(region) + "/agencies",
          given().get(rollup(region) + "/agencies").then().statusCode(200).extract().asString());
    }

    clock.at("2025-02-12T10:00");
    patch(movedOut, Map.of("divisionCode", FUYU));
    patch(renamed, Map.of("name", "前郭新名局"));
    admin().delete(reportPath(withdrawn, YEAR)).then().statusCode(200);
    file(late);
    admin()
        .contentType("application/json")
        .body(Map.of("expected", false, "cause", "abolished", "reason", "2025年撤销"))
        .post("/api/v1/agencies/" + excluded + "/roster/" + YEAR)
        .then()
        .statusCode(201);

    for (var answer : kept.entrySet()) {
      String path = answer.getKey();
      String asOf = given().get(path + "?asOf=" + DAY).then().statusCode(200).extract().asString();
      assertThat(comparable(asOf))
          .as(path + " as of " + DAY)
          .isEqualTo(comparable(answer.getValue()));
      // Today's answer (宁江区 has nobody left: 404).
      Response now = given().get(path);
      String today = now.statusCode() == 200 ? comparable(now.asString()) : now.asString();
      if (path.contains(ZHENLAI)) {
        assertThat(today).as(path + " today").isEqualTo(comparable(answer.getValue()));
      } else {
        assertThat(today).as(path + " today").isNotEqualTo(comparable(answer.getValue()));
      }
      // As of today, where nothing can have changed after it: the live answer.
      Response asOfToday = given().get(path + "?asOf=2025-02-12");
      assertThat(asOfToday.statusCode()).as(path + " as of today").isEqualTo(now.statusCode());
      if (now.statusCode() == 200) {
        assertThat(comparable(asOfToday.asString())).as(path + " as of today").isEqualTo(today);
      }
    }
  }

  private static void file(String agency) {
    admin()
        .contentType("application/json")
        .body(naturalResources2024().put("publishedOn", "2025-01-05").toString())
        .put(reportPath(agency, YEAR))
        .then()
        .statusCode(201);
  }

  /** Without the warnings, which are not kept over time, and the links (they carry asOf). */
  private static String comparable(String body) throws Exception {
    JsonNode json = JSON.readTree(body);
    ((ObjectNode) json).remove(List.of("consistency", "links"));
    if (json.has("items")) {
      for (JsonNode row : json.get("items")) {
        ((ObjectNode) row).remove("warnings");
      }
    }
    return json.toPrettyString();
  }
}
