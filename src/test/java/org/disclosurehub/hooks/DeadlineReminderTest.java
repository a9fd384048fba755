package org.disclosurehub.hooks;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.Fixtures.admin;
import static org.disclosurehub.Fixtures.naturalResources2024;
import static org.disclosurehub.Fixtures.newAgencyCode;
import static org.disclosurehub.Fixtures.reportPath;
import static org.disclosurehub.hooks.WebhookDeliveryTest.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.disclosurehub.MovableClock;
import org.junit.jupiter.api.Test;

/**
 * The deadline reminders, with the service's clock replaced (a CDI {@code Clock} producer, mocked
 * per test) so that the test runs the calendar: nothing on an ordinary day, the approaching
 * reminder seven days before 31 January, once, the passed reminder on 1 February, each listing the
 * agencies still missing; the same list as JSON, CSV and a page. In 沈北新区 (210113), which no other
 * test uses.
 */
@QuarkusTest
class DeadlineReminderTest {
  private static final String COUNTY = "210113";
  private final MovableClock clock = new MovableClock();

  @Test
  void shouldRemindTheRegionsSubscribersOfWhoIsMissingBeforeAndAfterTheDeadline() throws Exception {
    String filer = agency("沈北新区民政局");
    String late = agency("沈北新区档案局");
    String silent = agency("沈北新区科技局");
    try (Receiver receiver = new Receiver(Receiver.Mode.OK)) {
      long id = WebhookDeliveryTest.subscribe(COUNTY, receiver.url()).getLong("id");
      QuarkusMock.installMockForType(clock, Clock.class);

      clock.at("2027-01-23T09:00");
      file(filer);
      Thread.sleep(1000); // the check runs every 200 ms in the test profile
      assertThat(reminders(receiver)).isEmpty();

      clock.at("2027-01-24T00:30");
      await(() -> reminders(receiver).size() == 1, "the reminder before the deadline");
      JsonNode approaching = reminders(receiver).get(0).json();
      assertThat(approaching.get("type").textValue()).isEqualTo("deadline.approaching");
      assertThat(approaching.at("/data/region").textValue()).isEqualTo(COUNTY);
      assertThat(approaching.at("/data/year").intValue()).isEqualTo(2026);
      assertThat(approaching.at("/data/deadline").textValue()).isEqualTo("2027-01-31");
      assertThat(codes(approaching)).containsExactlyInAnyOrder(late, silent);
      Thread.sleep(1000);
      assertThat(reminders(receiver)).hasSize(1); // once, however often the clock is read

      clock.at("2027-01-31T23:59");
      file(late);
      clock.at("2027-02-01T00:01");
      await(() -> reminders(receiver).size() == 2, "the reminder after the deadline");
      JsonNode passed = reminders(receiver).get(1).json();
      assertThat(passed.get("type").textValue()).isEqualTo("deadline.passed");
      assertThat(codes(passed)).containsExactly(silent);

      // The same list as JSON, CSV and a page.
      String list = "/api/v1/regions/" + COUNTY + "/missing/2026";
      assertThat(given().get(list).jsonPath().getList("missing.code")).containsExactly(silent);
      assertThat(given().get(list).jsonPath().getString("deadline")).isEqualTo("2027-01-31");
      String csv = given().accept("text/csv").get(list).then().statusCode(200).extract().asString();
      assertThat(csv.lines().toList())
          .containsExactly(
              "\uFEFFagency,name,divisionCode,divisionName", silent + ",沈北新区科技局,210113,沈北新区");
      assertThat(given().get(list + "?format=csv").asString()).isEqualTo(csv);
      String page =
          given().accept("text/html").get(list).then().statusCode(200).extract().asString();
      assertThat(page).contains("沈北新区科技局", "2027-01-31").doesNotContain("沈北新区档案局");
      given().get(list + "?format=xml").then().statusCode(400);
      given().get("/api/v1/regions/999999/missing/2026").then().statusCode(404);
      admin().delete("/api/v1/webhooks/" + id).then().statusCode(204);
    }
  }

  /** The reminders received, each once (a delivery may come again: at least once). */
  private static List<Receiver.Received> reminders(Receiver receiver) {
    Map<String, Receiver.Received> byId = new LinkedHashMap<>();
    for (Receiver.Received r : receiver.received()) {
      if (r.type().startsWith("deadline.")) {
        byId.putIfAbsent(r.id(), r);
      }
    }
    return List.copyOf(byId.values());
  }

  private static List<String> codes(JsonNode reminder) {
    return StreamSupport.stream(reminder.at("/data/missing").spliterator(), false)
        .map(m -> m.get("agency").textValue())
        .toList();
  }

  /** Expected from 2020 on, whenever the test runs. */
  private static String agency(String name) {
    String code = newAgencyCode("remind");
    admin()
        .contentType("application/json")
        .body(Map.of("code", code, "name", name, "divisionCode", COUNTY, "activeFrom", 2020))
        .post("/api/v1/agencies")
        .then()
        .statusCode(201);
    return code;
  }

  private static void file(String agency) {
    admin()
        .contentType("application/json")
        .body(naturalResources2024().put("publishedOn", "2027-01-20").toString())
        .put(reportPath(agency, 2026))
        .then()
        .statusCode(201);
  }
}
