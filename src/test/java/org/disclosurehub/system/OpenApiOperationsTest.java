package org.disclosurehub.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a client generator needs from the document: a stable, unique name for each operation. */
@QuarkusTest
class OpenApiOperationsTest {

  @Test
  @SuppressWarnings("unchecked")
  void shouldNameEveryOperationOnceAndTypeTheCreatedBodies() {
    Map<String, Object> paths =
        given().accept("application/json").get("/q/openapi").then().extract().path("paths");
    List<String> ids = new ArrayList<>();
    List<String> unnamed = new ArrayList<>();
    paths.forEach(
        (path, item) ->
            ((Map<String, Object>) item)
                .forEach(
                    (method, operation) -> {
                      Object id = ((Map<String, Object>) operation).get("operationId");
                      if (id == null) {
                        unnamed.add(method + " " + path);
                      } else {
                        ids.add(id.toString());
                      }
                    }));
    assertThat(unnamed).isEmpty();
    assertThat(ids)
        .doesNotHaveDuplicates()
        .contains("submitReport", "getRegion", "getReportLayout");

    String created =
        "paths.'/api/v1/agencies'.post.responses.'201'.content.'application/json'.schema.$ref";
    assertThat(
            given()
                .accept("application/json")
                .get("/q/openapi")
                .then()
                .extract()
                .<String>path(created))
        .endsWith("/AgencyView");
    String issued =
        "paths.'/api/v1/agencies/{code}/tokens'.post.responses.'201'.content.'application/json'.schema.$ref";
    assertThat(
            given()
                .accept("application/json")
                .get("/q/openapi")
                .then()
                .extract()
                .<String>path(issued))
        .endsWith("/IssuedToken");
  }
}
