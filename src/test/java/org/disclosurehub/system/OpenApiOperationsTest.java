package org.disclosurehub.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.disclosurehub.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a client generator (and a person in Swagger UI) needs from the document: a stable, unique
 * name for each operation, a typed schema for every JSON body, the body of every 201, a real report
 * as the PUT example, and error examples that fit their status.
 */
@QuarkusTest
class OpenApiOperationsTest {
  private static final String REPORT = "/api/v1/agencies/{code}/reports/{year}";
  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "patch", "head", "options");

  private JsonNode document;

  @BeforeEach
  void read() throws Exception {
    document =
        Fixtures.JSON.readTree(
            given().accept("application/json").get("/q/openapi").then().extract().asString());
  }

  @Test
  void shouldNameEveryOperationOnce() {
    List<String> ids = new ArrayList<>();
    List<String> unnamed = new ArrayList<>();
    eachOperation(
        (where, operation) -> {
          if (operation.hasNonNull("operationId")) {
            ids.add(operation.path("operationId").asText());
          } else {
            unnamed.add(where);
          }
        });
    assertThat(unnamed).isEmpty();
    assertThat(ids)
        .doesNotHaveDuplicates()
        .contains("submitReport", "getRegion", "getReportLayout", "getRegionAnnualReport");
  }

  @Test
  void shouldTypeEveryJsonBody() {
    List<String> untyped = new ArrayList<>();
    eachOperation(
        (where, operation) -> {
          operation
              .path("requestBody")
              .path("content")
              .fields()
              .forEachRemaining(
                  media -> {
                    if (!typed(media.getValue().path("schema"))) {
                      untyped.add(where + " request " + media.getKey());
                    }
                  });
          operation
              .path("responses")
              .fields()
              .forEachRemaining(
                  response ->
                      response(response.getValue())
                          .path("content")
                          .fields()
                          .forEachRemaining(
                              media -> {
                                if (media.getKey().contains("json")
                                    && !typed(media.getValue().path("schema"))) {
                                  untyped.add(
                                      where + " " + response.getKey() + " " + media.getKey());
                                }
                              }));
        });
    assertThat(untyped).isEmpty();
  }

  @Test
  void shouldDocumentTheBodyOfEveryCreatedAnswer() {
    List<String> bodiless = new ArrayList<>();
    eachOperation(
        (where, operation) -> {
          JsonNode created = operation.path("responses").path("201");
          if (!created.isMissingNode() && !typed(jsonSchema(response(created)))) {
            bodiless.add(where);
          }
        });
    assertThat(bodiless).isEmpty();
    assertThat(ref(jsonSchema(response("/api/v1/agencies", "post", "201"))))
        .endsWith("/AgencyView");
    assertThat(ref(jsonSchema(response("/api/v1/agencies/{code}/tokens", "post", "201"))))
        .endsWith("/IssuedToken");
    assertThat(ref(jsonSchema(response(REPORT, "put", "201")))).endsWith("/ReportView");
  }

  @Test
  void shouldTypeTheReportAnswers() {
    assertThat(ref(jsonSchema(response(REPORT, "get", "200")))).endsWith("/ReportView");
    // A dry run never competes with a stored revision for one body: its own operation, and the
    // deprecated PUT ?dryRun=true answers a media type of its own.
    assertThat(ref(jsonSchema(response(REPORT, "put", "200")))).endsWith("/ReportView");
    assertThat(
            ref(
                response(REPORT, "put", "200")
                    .path("content")
                    .path("application/vnd.disclosurehub.dry-run+json")
                    .path("schema")))
        .endsWith("/DryRunView");
    assertThat(ref(jsonSchema(response(REPORT + "/checks", "post", "200"))))
        .endsWith("/DryRunView");
    assertThat(ref(jsonSchema(response(REPORT + "/revisions/{revision}", "get", "200"))))
        .endsWith("/ReportView");
    JsonNode history = jsonSchema(response(REPORT + "/revisions", "get", "200"));
    assertThat(history.path("type").asText()).isEqualTo("array");
    assertThat(ref(history.path("items"))).endsWith("/RevisionSummary");
    assertThat(ref(jsonSchema(response(REPORT + "/revisions/{revision}/content", "get", "200"))))
        .endsWith("/Report");
    JsonNode dryRun = document.path("components").path("schemas").path("DryRunView");
    assertThat(dryRun.path("properties").path("wouldBecomeRevision").isMissingNode()).isFalse();
    assertThat(ref(dryRun.path("properties").path("report"))).endsWith("/Report");
  }

  @Test
  void shouldShowAWholeReportFromExamplesAsThePutRequest() throws Exception {
    JsonNode examples =
        document
            .path("paths")
            .path(REPORT)
            .path("put")
            .path("requestBody")
            .path("content")
            .path("application/json")
            .path("examples");
    JsonNode published =
        Fixtures.JSON.readTree(
            Files.readString(Path.of("examples", "zhongwei-civil-affairs-2024.json")));
    assertThat(examples.path("zhongwei-civil-affairs-2024").path("value")).isEqualTo(published);
  }

  @Test
  void shouldGiveEveryErrorExamplesOfItsOwnStatus() {
    List<String> wrong = new ArrayList<>();
    eachOperation(
        (where, operation) ->
            operation
                .path("responses")
                .fields()
                .forEachRemaining(
                    answer -> {
                      int status = Integer.parseInt(answer.getKey());
                      if (status < 400) {
                        return;
                      }
                      String at = where + " " + status;
                      JsonNode problem =
                          response(answer.getValue())
                              .path("content")
                              .path(ProblemMappers.PROBLEM_JSON);
                      if (problem.path("examples").isEmpty()) {
                        wrong.add(at + ": no example");
                      }
                      problem
                          .path("examples")
                          .fields()
                          .forEachRemaining(example -> wrong.addAll(misfits(at, status, example)));
                    }));
    assertThat(wrong).isEmpty();
    assertThat(examplesOf(REPORT, "get", "404")).containsExactly("/problems/not-found");
    assertThat(examplesOf(REPORT, "put", "412")).containsExactly("/problems/precondition-failed");
    assertThat(examplesOf("/api/v1/agencies", "post", "409")).containsExactly("/problems/conflict");
    assertThat(examplesOf(REPORT, "put", "413")).containsExactly("/problems/payload-too-large");
    assertThat(examplesOf(REPORT, "put", "415")).containsOnly("/problems/unsupported-media-type");
    assertThat(examplesOf(REPORT, "put", "400"))
        .contains("/problems/invalid-field", "/problems/malformed-json");
    assertThat(examplesOf(REPORT, "put", "422")).contains("/problems/report-inconsistent");
  }

  /** What is wrong with one error example: a status, type or title the service never answers. */
  private static List<String> misfits(String at, int status, Map.Entry<String, JsonNode> example) {
    JsonNode value = example.getValue().path("value");
    String name = at + " example " + example.getKey();
    if (!value.isObject()) {
      return List.of(name + ": not a JSON object");
    }
    List<String> wrong = new ArrayList<>();
    if (value.path("status").asInt() != status) {
      wrong.add(name + ": status " + value.path("status"));
    }
    ProblemType type = null;
    for (ProblemType candidate : ProblemType.values()) {
      if (candidate.uri().equals(value.path("type").asText())) {
        type = candidate;
      }
    }
    if (type == null
        || type.status() != status
        || !type.title().equals(value.path("title").asText())) {
      wrong.add(name + ": type " + value.path("type") + " with title " + value.path("title"));
    }
    if (value.path("detail").asText().isBlank()) {
      wrong.add(name + ": no detail");
    }
    return wrong;
  }

  private List<String> examplesOf(String path, String method, String status) {
    List<String> types = new ArrayList<>();
    response(path, method, status)
        .path("content")
        .path(ProblemMappers.PROBLEM_JSON)
        .path("examples")
        .forEach(example -> types.add(example.path("value").path("type").asText()));
    return types;
  }

  private void eachOperation(BiConsumer<String, JsonNode> check) {
    document
        .path("paths")
        .fields()
        .forEachRemaining(
            path ->
                path.getValue()
                    .fields()
                    .forEachRemaining(
                        operation -> {
                          if (METHODS.contains(operation.getKey())) {
                            check.accept(
                                operation.getKey() + " " + path.getKey(), operation.getValue());
                          }
                        }));
  }

  private JsonNode response(String path, String method, String status) {
    return response(document.path("paths").path(path).path(method).path("responses").path(status));
  }

  /** A response, its {@code $ref} to the shared responses followed. */
  private JsonNode response(JsonNode response) {
    String ref = response.path("$ref").asText(null);
    if (ref == null) {
      return response;
    }
    return document
        .path("components")
        .path("responses")
        .path(ref.substring(ref.lastIndexOf('/') + 1));
  }

  private static JsonNode jsonSchema(JsonNode response) {
    return response.path("content").path("application/json").path("schema");
  }

  private static String ref(JsonNode schema) {
    return schema.path("$ref").asText("(no $ref: " + schema + ")");
  }

  /** Not {@code {}}: a reference, a type or a choice of schemas. */
  private static boolean typed(JsonNode schema) {
    return schema.has("$ref")
        || schema.has("type")
        || schema.has("oneOf")
        || schema.has("anyOf")
        || schema.has("allOf");
  }
}
