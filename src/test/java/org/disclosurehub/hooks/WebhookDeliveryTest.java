package org.disclosurehub.hooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.Fixtures.admin;
import static org.disclosurehub.Fixtures.naturalResources2024;
import static org.disclosurehub.Fixtures.registerAgency;
import static org.disclosurehub.Fixtures.reportPath;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.disclosurehub.agency.Agency;
import org.disclosurehub.sql.Rows;
import org.disclosurehub.submission.ReportWithdrawn;
import org.junit.jupiter.api.Test;

/**
 * Webhooks against PostgreSQL and receivers on localhost: the outbox written with the change (or
 * not at all), signed deliveries in order per report, retries with backoff, pausing, a slow
 * receiver, and workers stopped in the middle of deliveries. Each test in a district of 沈阳 (2101)
 * of its own, which no other test class uses.
 */
@QuarkusTest
class WebhookDeliveryTest {
  @Inject WebhookWorkers workers;
  @Inject Event<ReportWithdrawn> withdrawals;

  @Test
  void shouldDeliverEveryEventSignedAndInOrderPerReport() throws Exception {
    try (Receiver receiver = new Receiver(Receiver.Mode.OK)) {
      JsonPath created = subscribe("210102", receiver.url());
      String secret = created.getString("secret");
      assertThat(secret).startsWith("whsec_");
      long id = created.getLong("id");
      admin().get("/api/v1/webhooks/" + id).then().statusCode(200);
      assertThat(admin().get("/api/v1/webhooks/" + id).jsonPath().getString("secret")).isNull();

      String first = registerAgency("210102");
      String second = registerAgency("210102");
      file(first);
      file(second);
      correct(first);
      admin().delete(reportPath(first, 2024)).then().statusCode(200);
      correct(second);
      file(first);

      await(() -> delivered(id) == 6, "six deliveries");
      List<Receiver.Received> got = receiver.received();
      for (Receiver.Received r : got) {
        assertThat(Receiver.verified(r, secret)).as("signature of " + r.id()).isTrue();
        assertThat(r.id()).startsWith("evt_");
        assertThat(Math.abs(r.timestamp() - Instant.now().getEpochSecond())).isLessThan(60);
      }
      assertThat(Receiver.verified(got.get(0), Signature.newSecret())).isFalse();
      // At least once: on a loaded machine an answer may come after the timeout, and the same
      // webhook-id again; in the order first received, each report's events are in order.
      assertThat(distinctTypesOf(got, first + "/2024"))
          .containsExactly(
              "report.filed", "report.corrected", "report.withdrawn", "report.refiled");
      assertThat(distinctTypesOf(got, second + "/2024"))
          .containsExactly("report.filed", "report.corrected");
      assertThat(got.get(0).json().at("/data/links/revision").textValue())
          .isEqualTo(reportPath(first, 2024) + "/revisions/1");

      JsonPath deliveries = admin().get("/api/v1/webhooks/" + id + "/deliveries").jsonPath();
      assertThat(deliveries.getInt("total")).isEqualTo(6);
      assertThat(deliveries.getList("items.state")).containsOnly("delivered");
      assertThat(deliveries.getInt("items[0].answers[-1].status")).isEqualTo(204);
      assertThat(deliveries.getString("items[0].eventId")).isEqualTo(got.get(got.size() - 1).id());
      unsubscribe(id);
    }
  }

  @Test
  void shouldBackOffFromAFailingReceiverPauseItAndSendNothingUntilResumed() throws Exception {
    try (Receiver receiver = new Receiver(Receiver.Mode.FAIL)) {
      long id = subscribe("210103", receiver.url()).getLong("id");
      String agency = registerAgency("210103");
      file(agency);

      await(() -> state(id).equals("paused"), "the subscription paused");
      List<Receiver.Received> attempts = receiver.received();
      assertThat(attempts).hasSize(4); // hub.webhooks.pause-after in the test profile
      assertThat(attempts).extracting(Receiver.Received::id).containsOnly(attempts.get(0).id());
      // 100 ms, 200 ms, 400 ms between attempts (the test profile's first-backoff, doubling).
      for (int i = 1; i < attempts.size(); i++) {
        long gap = Duration.between(attempts.get(i - 1).at(), attempts.get(i).at()).toMillis();
        assertThat(gap).as("wait before attempt " + (i + 1)).isGreaterThanOrEqualTo(90L << (i - 1));
      }
      JsonPath paused = admin().get("/api/v1/webhooks/" + id).jsonPath();
      assertThat(paused.getString("pausedReason")).contains("4 failed attempts", "HTTP 500");
      assertThat(paused.getString("pausedAt")).isNotNull();
      JsonPath deliveries = admin().get("/api/v1/webhooks/" + id + "/deliveries").jsonPath();
      assertThat(deliveries.getString("items[0].state")).isEqualTo("pending");
      assertThat(deliveries.getList("items[0].answers.status")).containsOnly(500);
      assertThat(deliveries.getString("items[0].answers[0].body")).isEqualTo("receiver broken");

      // Paused: later events wait, and nothing at all reaches the receiver.
      receiver.answer(Receiver.Mode.OK);
      correct(agency);
      admin().delete(reportPath(agency, 2024)).then().statusCode(200);
      Thread.sleep(1500);
      assertThat(receiver.received()).hasSize(4);

      admin().post("/api/v1/webhooks/" + id + "/resume").then().statusCode(200);
      await(() -> delivered(id) == 3, "everything missed, once resumed");
      List<Receiver.Received> afterResume = receiver.received();
      assertThat(distinctTypesOf(afterResume.subList(4, afterResume.size()), agency + "/2024"))
          .containsExactly("report.filed", "report.corrected", "report.withdrawn");
      assertThat(state(id)).isEqualTo("active");
      unsubscribe(id);
    }
  }

  @Test
  void shouldRetryASlowReceiverWithoutHoldingUpAnother() throws Exception {
    try (Receiver slow = new Receiver(Receiver.Mode.SLOW);
        Receiver fast = new Receiver(Receiver.Mode.OK)) {
      long slowId = subscribe("210104", slow.url()).getLong("id");
      long fastId = subscribe("210104", fast.url()).getLong("id");
      String agency = registerAgency("210104");
      file(agency);

      await(() -> fast.received().size() == 1, "the fast receiver's delivery");
      await(() -> slow.received().size() >= 1, "the slow receiver's first attempt");
      slow.answer(Receiver.Mode.OK);
      await(() -> delivered(slowId) == 1, "the slow receiver's delivery, retried");
      JsonPath answers = admin().get("/api/v1/webhooks/" + slowId + "/deliveries").jsonPath();
      assertThat(answers.getString("items[0].answers[0].error"))
          .isEqualTo("no answer within 2000 ms");
      assertThat(answers.getInt("items[0].answers[-1].status")).isEqualTo(204);
      assertThat(slow.received())
          .extracting(Receiver.Received::id)
          .containsOnly(fast.received().get(0).id());
      unsubscribe(slowId);
      unsubscribe(fastId);
    }
  }

  @Test
  void shouldLoseNothingWhenTheWorkersStopInTheMiddleOfDeliveries() throws Exception {
    try (Receiver receiver = new Receiver(Receiver.Mode.HOLD)) {
      long id = subscribe("210105", receiver.url()).getLong("id");
      List<String> agencies = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        String agency = registerAgency("210105");
        agencies.add(agency);
        file(agency);
        correct(agency);
      }
      assertThat(receiver.awaitHeld()).isTrue();
      // The replica goes down while a receiver holds a delivery: it is interrupted mid-request.
      workers.stop();
      int seenWhileStopped = receiver.received().size();
      for (String agency : agencies) {
        admin().delete(reportPath(agency, 2024)).then().statusCode(200);
      }
      Thread.sleep(1000);
      assertThat(receiver.received()).hasSize(seenWhileStopped);
      assertThat(pending(id)).isEqualTo(9);

      receiver.answer(Receiver.Mode.OK);
      receiver.release();
      workers.start();
      await(() -> delivered(id) == 9, "all nine events delivered after the restart");
      List<Receiver.Received> got = receiver.received();
      for (String agency : agencies) {
        // At least once: the interrupted delivery may come twice, with the same webhook-id.
        assertThat(distinctTypesOf(got, agency + "/2024"))
            .containsExactly("report.filed", "report.corrected", "report.withdrawn");
      }
      assertThat(got.stream().map(Receiver.Received::id).distinct().count()).isEqualTo(9);
      unsubscribe(id);
    }
  }

  @Test
  void shouldWriteTheEventWithTheChangeOrNotAtAll() throws Exception {
    try (Receiver receiver = new Receiver(Receiver.Mode.OK)) {
      long id = subscribe("210106", receiver.url()).getLong("id");
      String agency = registerAgency("210106");
      file(agency);
      await(() -> delivered(id) == 1, "the filing's delivery");
      assertThat(events(agency)).containsExactly("report.filed");

      // The change's transaction fails after its observers ran: neither change nor event stays.
      long agencyId =
          QuarkusTransaction.requiringNew().call(() -> Agency.findByCode(agency).orElseThrow().id);
      Throwable failed =
          org.assertj.core.api.Assertions.catchThrowable(
              () ->
                  QuarkusTransaction.requiringNew()
                      .run(
                          () -> {
                            withdrawals.fire(new ReportWithdrawn(agencyId, 2024, Instant.now()));
                            assertThat(eventsInTransaction(agency))
                                .containsExactly("report.filed", "report.withdrawn");
                            throw new IllegalStateException("the change fails after its events");
                          }));
      assertThat(failed).hasMessageContaining("fails after its events");
      assertThat(events(agency)).containsExactly("report.filed");
      Thread.sleep(800);
      assertThat(receiver.received()).hasSize(1);
      assertThat(admin().get("/api/v1/webhooks/" + id + "/deliveries").jsonPath().getInt("total"))
          .isEqualTo(1);
      unsubscribe(id);
    }
  }

  static JsonPath subscribe(String region, String url) {
    return admin()
        .contentType("application/json")
        .body(Map.of("region", region, "url", url, "description", "test receiver"))
        .post("/api/v1/webhooks")
        .then()
        .statusCode(201)
        .extract()
        .jsonPath();
  }

  private static void unsubscribe(long id) {
    admin().delete("/api/v1/webhooks/" + id).then().statusCode(204);
  }

  private static String state(long id) {
    return admin().get("/api/v1/webhooks/" + id).jsonPath().getString("state");
  }

  private static long delivered(long id) {
    return admin()
        .get("/api/v1/webhooks/" + id + "/deliveries?size=500")
        .jsonPath()
        .getList("items.state")
        .stream()
        .filter("delivered"::equals)
        .count();
  }

  private static long pending(long id) {
    return admin()
        .get("/api/v1/webhooks/" + id + "/deliveries?size=500")
        .jsonPath()
        .getList("items.state")
        .stream()
        .filter("pending"::equals)
        .count();
  }

  private static List<String> events(String agency) {
    return QuarkusTransaction.requiringNew().call(() -> eventsInTransaction(agency));
  }

  private static List<String> eventsInTransaction(String agency) {
    return Rows.select("select type from hub_event where report_key = :key order by id")
        .set("key", agency + "/2024")
        .rows()
        .stream()
        .map(r -> (String) r.get(0))
        .toList();
  }

  /** The types in the order first received (a redelivery repeats an event, never reorders). */
  private static List<String> distinctTypesOf(List<Receiver.Received> got, String report) {
    Map<String, String> byId = new LinkedHashMap<>();
    for (Receiver.Received r : got) {
      if (report.equals(r.report())) {
        byId.putIfAbsent(r.id(), r.type());
      }
    }
    return List.copyOf(byId.values());
  }

  static void file(String agency) {
    admin()
        .contentType("application/json")
        .body(naturalResources2024().toString())
        .put(reportPath(agency, 2024))
        .then()
        .statusCode(201);
  }

  static void correct(String agency) {
    var report = naturalResources2024();
    report.put("publishedOn", "2025-01-22");
    admin()
        .contentType("application/json")
        .header("X-Change-Reason", "date corrected")
        .body(report.toString())
        .put(reportPath(agency, 2024))
        .then()
        .statusCode(200);
  }

  static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("waited 30 s for " + what);
      }
      Thread.sleep(50);
    }
  }
}
