package org.disclosurehub.hooks;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.Fixtures.admin;
import static org.disclosurehub.Fixtures.as;
import static org.disclosurehub.Fixtures.issueToken;
import static org.disclosurehub.Fixtures.registerAgency;
import static org.disclosurehub.Fixtures.reportPath;
import static org.disclosurehub.hooks.WebhookDeliveryTest.await;
import static org.disclosurehub.hooks.WebhookDeliveryTest.file;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.disclosurehub.review.ReviewFixture;
import org.junit.jupiter.api.Test;

/**
 * Who may subscribe where, which destinations are refused, and the review's decisions as events. In
 * 沈阳 (2101): 苏家屯区 (210111) and 浑南区 (210112), which no other test uses.
 */
@QuarkusTest
class WebhookSubscriptionTest {

  @Test
  void shouldRefuseDestinationsNotAllowedWithAProblemAndStoreNothing() {
    refused("https://hooks.elsewhere.example/x", "not on the allow-list");
    refused("http://hooks.example.org/x", "must be https");
    refused("ftp://127.0.0.1/x", "must be http or https");
    refused("https://user:pw@hooks.example.org/x", "neither user information");
    refused("hooks.example.org/x", "absolute");
    int before = admin().get("/api/v1/webhooks").jsonPath().getList("$").size();

    // On the allow-list (hub.webhooks.allowed-hosts in the test profile): subscribed.
    long allowed =
        WebhookDeliveryTest.subscribe("210112", "https://hooks.example.org/disclosure")
            .getLong("id");
    assertThat(admin().get("/api/v1/webhooks").jsonPath().getList("id", Long.class))
        .hasSize(before + 1)
        .contains(allowed);
    admin().delete("/api/v1/webhooks/" + allowed).then().statusCode(204);
    admin().get("/api/v1/webhooks/" + allowed).then().statusCode(404);
  }

  @Test
  void shouldLetOnlyTheAdminAndTheRegionsReviewersSubscribe() {
    String reviewer = ReviewFixture.reviewer("210100");
    String other = ReviewFixture.reviewer("220100");
    Map<String, String> county = Map.of("region", "210111", "url", "https://hooks.example.org/r");
    long id =
        as(reviewer)
            .contentType("application/json")
            .body(county)
            .post("/api/v1/webhooks")
            .then()
            .statusCode(201)
            .body("createdBy", org.hamcrest.Matchers.startsWith("reviewer:"))
            .extract()
            .jsonPath()
            .getLong("id");
    as(reviewer)
        .contentType("application/json")
        .body(Map.of("region", "210000", "url", "https://hooks.example.org/r"))
        .post("/api/v1/webhooks")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    as(other).get("/api/v1/webhooks/" + id).then().statusCode(403);
    assertThat(as(other).get("/api/v1/webhooks").jsonPath().getList("id", Long.class))
        .doesNotContain(id);
    assertThat(as(reviewer).get("/api/v1/webhooks").jsonPath().getList("id", Long.class))
        .contains(id);
    String agencyToken = issueToken(registerAgency("210111"));
    as(agencyToken)
        .contentType("application/json")
        .body(county)
        .post("/api/v1/webhooks")
        .then()
        .statusCode(403);
    given()
        .contentType("application/json")
        .body(county)
        .post("/api/v1/webhooks")
        .then()
        .statusCode(401);
    admin()
        .contentType("application/json")
        .body(Map.of("region", "999999", "url", "https://hooks.example.org/r"))
        .post("/api/v1/webhooks")
        .then()
        .statusCode(400)
        .body("errors[0].pointer", equalTo("/region"));
    admin().get("/api/v1/webhooks/nope").then().statusCode(404);
    as(reviewer).delete("/api/v1/webhooks/" + id).then().statusCode(204);
  }

  @Test
  void shouldSendTheReviewsDecisionsToo() throws Exception {
    try (Receiver receiver = new Receiver(Receiver.Mode.OK)) {
      String reviewer = ReviewFixture.reviewer("210100");
      long id =
          as(reviewer)
              .contentType("application/json")
              .body(Map.of("region", "210111", "url", receiver.url()))
              .post("/api/v1/webhooks")
              .then()
              .statusCode(201)
              .extract()
              .jsonPath()
              .getLong("id");
      String agency = registerAgency("210111");
      file(agency);
      String review = reportPath(agency, 2024) + "/review";
      as(reviewer)
          .contentType("application/json")
          .header("If-Match", given().get(review).header("ETag"))
          .body(Map.of("decision", "accepted"))
          .post(review + "/decisions")
          .then()
          .statusCode(201);
      await(() -> receiver.received().size() >= 2, "the filing and the acceptance");
      JsonPath accepted = new JsonPath(receiver.received().get(1).body());
      assertThat(receiver.received().get(0).type()).isEqualTo("report.filed");
      assertThat(accepted.getString("type")).isEqualTo("review.accepted");
      assertThat(accepted.getString("data.decision")).isEqualTo("accepted");
      assertThat(accepted.getInt("data.revision")).isEqualTo(1);
      assertThat(accepted.getString("data.links.review")).isEqualTo(review);

      // The agency's feed shows the decision after the filing, with an id of its own.
      String feed = given().get("/api/v1/agencies/" + agency + "/feed").asString();
      assertThat(feed)
          .contains(
              "<id>tag:disclosurehub.org,2026:" + agency + "/2024/review/2</id>",
              "term=\"accepted\"",
              "href=\"" + review + "\"");
      assertThat(feed.indexOf("term=\"accepted\"")).isLessThan(feed.indexOf("term=\"filed\""));
      as(reviewer).delete("/api/v1/webhooks/" + id).then().statusCode(204);
    }
  }

  private static void refused(String url, String why) {
    admin()
        .contentType("application/json")
        .body(Map.of("region", "210112", "url", url))
        .post("/api/v1/webhooks")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/destination-not-allowed"))
        .body("detail", org.hamcrest.Matchers.containsString(why));
  }
}
