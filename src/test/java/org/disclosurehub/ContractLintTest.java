package org.disclosurehub;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The lint of the committed openapi/openapi.yaml in the build, without a network
 * (OpenApiDocumentTest holds it equal to what the service serves): swagger-parser, as
 * openapi-generator reads it, reports nothing, and ContractLint's rules (those of Spectral and
 * Redocly that swagger-parser does not apply) find nothing. Each rule is shown to catch a copy of
 * the document broken on purpose.
 */
class ContractLintTest {
  private static final Path COMMITTED = Path.of("openapi", "openapi.yaml");
  private static final String REPORT = "/api/v1/agencies/{code}/reports/{year}";
  private static final String AGENCIES = "/api/v1/regions/{code}/rollups/{year}/agencies";

  private static String text;
  private static JsonNode committed;

  @BeforeAll
  static void read() throws Exception {
    text = Files.readString(COMMITTED, StandardCharsets.UTF_8);
    committed = new YAMLMapper().readTree(text);
  }

  @Test
  void shouldParseWithoutAMessageFromSwaggerParser() {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, options);
    assertThat(result.getMessages()).as("swagger-parser's messages").isEmpty();
    assertThat(result.getOpenAPI().getPaths()).containsKey(REPORT);
    assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
  }

  @Test
  void shouldShowSwaggerParsersMessagesOnABrokenDocument() {
    ObjectNode broken = (ObjectNode) committed.deepCopy();
    ((ObjectNode)
            operation(broken, REPORT, "get")
                .path("responses")
                .path("200")
                .path("content")
                .path("application/json")
                .path("schema"))
        .put("$ref", "#/components/schemas/NoSuchView");
    ((ObjectNode) operation(broken, "/api/v1/reports", "get").path("parameters").get(0))
        .put("in", "querystring");
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result =
        new OpenAPIV3Parser().readContents(broken.toString(), null, options);
    assertThat(result.getMessages())
        .anySatisfy(message -> assertThat(message).contains("NoSuchView"))
        .anySatisfy(message -> assertThat(message).contains(".in is not of type"));
  }

  @Test
  void shouldFindNothingOfTheLintersRules() {
    assertThat(new ContractLint(committed).findings()).isEmpty();
  }

  @Test
  void shouldWantEveryOperationNamedSummedUpDescribedAndTagged() {
    assertFinds(
        ContractLint::describedOperations,
        document -> operation(document, REPORT, "get").remove("description"),
        "operation-description: get " + REPORT + " has none");
    assertFinds(
        ContractLint::describedOperations,
        document -> operation(document, REPORT, "get").remove("operationId"),
        "operation-operationId: get " + REPORT + " has none");
    assertFinds(
        ContractLint::describedOperations,
        document -> operation(document, REPORT, "get").putArray("tags").add("Nowhere"),
        "operation-tag-defined: get " + REPORT + " tag \"Nowhere\" is not defined");
  }

  @Test
  void shouldWantAProblemInEveryError() {
    assertFinds(
        ContractLint::problemErrors,
        document ->
            ((ObjectNode) operation(document, REPORT, "get").path("responses"))
                .putObject("418")
                .put("description", "a teapot")
                .putObject("content")
                .putObject("application/json")
                .putObject("schema")
                .put("type", "string"),
        "problem-errors: get "
            + REPORT
            + " 418 does not answer a Problem as application/problem+json",
        "problem-errors: get " + REPORT + " 418 answers application/json too");
  }

  @Test
  void shouldWantASchemaOnEveryHeader() {
    assertFinds(
        ContractLint::typedHeaders,
        document ->
            ((ObjectNode) operation(document, REPORT, "get").path("responses").path("200"))
                .putObject("headers")
                .putObject("X-Untyped")
                .put("description", "no schema"),
        "header-schema: get " + REPORT + " 200 header X-Untyped has none");
  }

  @Test
  void shouldWantDefaultsOfTheParametersType() {
    assertFinds(
        ContractLint::typedDefaults,
        document -> {
          for (JsonNode parameter :
              operation(document, "/api/v1/reports", "get").path("parameters")) {
            if (parameter.path("name").asString().equals("page")) {
              ((ObjectNode) parameter.path("schema")).put("default", "0");
            }
          }
        },
        "typed-default: get /api/v1/reports parameter page default \"0\" is not integer");
  }

  @Test
  void shouldWantSecurityOnEveryOperation() {
    assertFinds(
        ContractLint::explicitSecurity,
        document -> operation(document, REPORT, "get").remove("security"),
        "security-defined: get " + REPORT + " has no security (security: [] if anyone)");
  }

  @Test
  void shouldWantAServer() {
    assertFinds(
        ContractLint::servers,
        document -> document.remove("servers"),
        "oas3-api-servers: the document names no server");
  }

  @Test
  void shouldWantExamplesValidAgainstTheirSchemas() {
    assertFinds(
        ContractLint::validExamples,
        document ->
            ((ObjectNode)
                    document
                        .path("components")
                        .path("schemas")
                        .path("RevisionSummary")
                        .path("properties")
                        .path("revision"))
                .put("example", "two"),
        "valid-example: RevisionSummary.revision example: ");
    assertFinds(
        ContractLint::validExamples,
        document ->
            ((ObjectNode)
                    operation(document, REPORT, "put")
                        .path("requestBody")
                        .path("content")
                        .path("application/json")
                        .path("examples")
                        .path("zhongwei-civil-affairs-2024")
                        .path("value")
                        .path("activeDisclosure"))
                .put("licensing", "eleven"),
        "valid-example: put "
            + REPORT
            + " request application/json example zhongwei-civil-affairs-2024:"
            + " /activeDisclosure/licensing ");
  }

  @Test
  void shouldWantClosedSetsAsEnumerationsAndFlagsAsBooleans() {
    assertFinds(
        ContractLint::enumeratedParameters,
        document -> {
          for (JsonNode parameter : operation(document, AGENCIES, "get").path("parameters")) {
            if (parameter.path("name").asString().equals("sort")) {
              ((ObjectNode) parameter.path("schema")).remove("enum");
            }
          }
          for (JsonNode parameter : operation(document, REPORT, "put").path("parameters")) {
            if (parameter.path("name").asString().equals("dryRun")) {
              ((ObjectNode) parameter.path("schema")).put("type", "string");
            }
          }
        },
        "enum-parameter: put " + REPORT + " parameter dryRun is not a boolean",
        "enum-parameter: get " + AGENCIES + " parameter sort is no enumeration");
  }

  @Test
  void shouldOfferEverySortKeyAscendingAndDescending() {
    JsonNode sort =
        operation(committed, AGENCIES, "get").path("parameters").values().stream()
            .filter(parameter -> parameter.path("name").asString().equals("sort"))
            .findFirst()
            .orElseThrow()
            .path("schema");
    List<String> keys = sort.path("enum").values().stream().map(JsonNode::asString).toList();
    assertThat(keys).contains("code", "-code", "newlyReceived", "-newlyReceived");
    assertThat(sort.path("x-enum-varnames").values())
        .extracting(JsonNode::asString)
        .contains("CODE", "NEWLY_RECEIVED", "NEWLY_RECEIVED_DESCENDING")
        .hasSize(keys.size());
  }

  /**
   * The committed document broken by {@code breaking} gives exactly the findings that start with
   * {@code expected} (in order) under the rule, where the committed one gives none.
   */
  private static void assertFinds(
      Function<ContractLint, List<String>> rule,
      Consumer<ObjectNode> breaking,
      String... expected) {
    assertThat(rule.apply(new ContractLint(committed))).isEmpty();
    ObjectNode broken = (ObjectNode) committed.deepCopy();
    breaking.accept(broken);
    List<String> findings = rule.apply(new ContractLint(broken));
    assertThat(findings).hasSize(expected.length);
    for (int i = 0; i < expected.length; i++) {
      assertThat(findings.get(i)).startsWith(expected[i]);
    }
  }

  private static ObjectNode operation(JsonNode document, String path, String method) {
    return (ObjectNode) document.path("paths").path(path).path(method);
  }
}
