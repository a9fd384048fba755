package org.disclosurehub.submission;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.Fixtures.admin;
import static org.disclosurehub.Fixtures.naturalResources2024;
import static org.disclosurehub.Fixtures.registerAgency;
import static org.disclosurehub.Fixtures.reportPath;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Pins the canonical JSON of one fixture by its SHA-256. contentSha256, Repr-Digest, receipts and
 * "the same content stores nothing" all rest on these bytes never changing for the same report: if
 * a library upgrade or a change to the model alters them, this fails, and every stored hash would
 * no longer match what the service computes.
 */
@QuarkusTest
class CanonicalJsonGoldenTest {
  /** SHA-256 of the canonical JSON of src/test/resources/reports/natural-resources-2024.json. */
  static final String GOLDEN = "a3c234205730d8101a120d49e175edd2ab7f62b5003e6e223bb0a11cb004c158";

  @Test
  void shouldHashTheFixtureExactlyAsEver() throws Exception {
    String agency = registerAgency("320302");
    String path = reportPath(agency, 2024);
    admin()
        .contentType("application/json")
        .body(naturalResources2024().toString())
        .put(path)
        .then()
        .statusCode(201)
        .body("contentSha256", equalTo(GOLDEN))
        .header(
            "Repr-Digest",
            "sha-256=:"
                + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(GOLDEN))
                + ":");

    byte[] content = given().get(path + "/revisions/1/content").then().extract().asByteArray();
    assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)))
        .isEqualTo(GOLDEN);

    // The same report, spaced and ordered differently, is the same content: nothing is stored.
    admin()
        .contentType("application/json")
        .body(naturalResources2024().toPrettyString())
        .put(path)
        .then()
        .statusCode(200)
        .body("revision", equalTo(1))
        .body("contentSha256", equalTo(GOLDEN));
  }
}
