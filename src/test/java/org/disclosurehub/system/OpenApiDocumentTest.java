package org.disclosurehub.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The committed openapi/openapi.yaml is the API's contract: it must equal what the service serves.
 * After changing the API, run {@code ./mvnw verify -Dopenapi.write=true} (which writes the file and
 * checks nothing), then {@code ./mvnw verify} (which checks it), and commit the file. Writing and
 * checking are separate runs, so the document is never compared with itself.
 */
@QuarkusTest
class OpenApiDocumentTest {
  private static final Path COMMITTED = Path.of("openapi", "openapi.yaml");

  @Test
  void shouldServeExactlyTheCommittedDocument() throws Exception {
    String served =
        given()
            .queryParam("format", "yaml")
            .get("/q/openapi")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    Files.writeString(Path.of("target", "openapi.yaml"), served, StandardCharsets.UTF_8);
    if (Boolean.getBoolean("openapi.write")) {
      Files.createDirectories(COMMITTED.getParent());
      Files.writeString(COMMITTED, served, StandardCharsets.UTF_8);
      Assumptions.abort(
          "openapi/openapi.yaml written; run the tests again without -Dopenapi.write to check it");
    }
    assertThat(COMMITTED).exists();
    assertThat(Files.readString(COMMITTED, StandardCharsets.UTF_8))
        .as(
            "openapi/openapi.yaml differs from /q/openapi (see target/openapi.yaml);"
                + " run ./mvnw verify -Dopenapi.write=true, then ./mvnw verify, and commit it")
        .isEqualTo(served);
  }
}
