package org.disclosurehub;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Every answer a test receives through REST Assured is checked against the committed
 * openapi/openapi.yaml: its path and method are documented, its status is one the operation
 * documents, its media type is one of that status, its JSON body is valid against that schema (JSON
 * Schema 2020-12, as OpenAPI 3.1 uses it) and its documented headers against theirs. A response the
 * document does not describe fails the test that received it.
 *
 * <p>Installed before every {@code @QuarkusTest} method as a global REST Assured filter (a Quarkus
 * test callback, META-INF/services/io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback: it
 * runs in the class loader the tests' REST Assured lives in). Only the API ({@code /api/}) is
 * checked: pages and {@code /q/} are not part of the contract.
 */
public final class ContractValidation implements Filter, QuarkusTestBeforeEachCallback {
  private static final Path COMMITTED = Path.of("openapi", "openapi.yaml");
  private static final String DOCUMENT = "https://disclosure-hub.test/openapi.json";
  private static final String REGENERATE =
      " If the API changed on purpose, regenerate the contract: ./mvnw verify"
          + " -Dopenapi.write=true -Dtest=OpenApiDocumentTest -DskipITs, and commit"
          + " openapi/openapi.yaml.";

  private static volatile Contract contract;

  @Override
  public void beforeEach(QuarkusTestMethodContext context) {
    install();
  }

  /** Adds the filter to REST Assured's global filters, once. */
  public static synchronized void install() {
    if (contract == null) {
      contract = new Contract(read());
    }
    if (RestAssured.filters().stream().noneMatch(ContractValidation.class::isInstance)) {
      RestAssured.filters(new ContractValidation());
    }
  }

  @Override
  public Response filter(
      FilterableRequestSpecification request,
      FilterableResponseSpecification responseSpecification,
      FilterContext context) {
    Response response = context.next(request, responseSpecification);
    String path = URI.create(request.getURI()).getRawPath();
    if (path != null && path.startsWith("/api/")) {
      List<String> problems = contract.check(request.getMethod(), path, response);
      if (!problems.isEmpty()) {
        throw new AssertionError(
            "The answer to "
                + request.getMethod()
                + " "
                + path
                + " ("
                + response.getStatusCode()
                + " "
                + response.getContentType()
                + ") does not match openapi/openapi.yaml:\n  "
                + String.join("\n  ", problems)
                + "\n"
                + REGENERATE);
      }
    }
    return response;
  }

  private static JsonNode read() {
    try {
      return new YAMLMapper().readTree(Files.readString(COMMITTED, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What is wrong with a value against a schema, each as "where: location message". */
  interface SchemaCheck {
    List<String> validate(String where, JsonNode schema, JsonNode value);
  }

  /**
   * Checks values against the schemas of a document, their {@code $ref}s resolved in it, as the
   * answers are checked: ContractLint checks the document's examples with it.
   */
  static SchemaCheck schemaCheck(JsonNode document) {
    return new Contract(document)::validate;
  }

  /** The document, its paths as patterns, and the schemas compiled so far. */
  private static final class Contract {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private final JsonNode document;
    private final Map<Pattern, String> templates = new java.util.LinkedHashMap<>();
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();
    private final SchemaRegistry registry;

    Contract(JsonNode document) {
      this.document = document;
      String text = JSON.writeValueAsString(document);
      this.registry =
          SchemaRegistry.withDefaultDialect(
              SpecificationVersion.DRAFT_2020_12,
              builder -> builder.schemas(Map.of(DOCUMENT, text)));
      // Literal segments before templated ones: /reports.csv is not /reports/{year}.
      List<String> paths = new ArrayList<>();
      document.path("paths").propertyNames().forEach(paths::add);
      paths.sort(
          (a, b) ->
              Long.compare(
                  a.chars().filter(c -> c == '{').count(),
                  b.chars().filter(c -> c == '{').count()));
      for (String template : paths) {
        templates.put(
            Pattern.compile(Pattern.quote(template).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q")),
            template);
      }
    }

    List<String> check(String method, String path, Response response) {
      List<String> problems = new ArrayList<>();
      String template =
          templates.entrySet().stream()
              .filter(entry -> entry.getKey().matcher(path).matches())
              .map(Map.Entry::getValue)
              .findFirst()
              .orElse(null);
      int status = response.getStatusCode();
      if (template == null) {
        // No such resource is what a path outside the API must answer; anything else is an
        // endpoint the document does not know.
        if (status != 404) {
          problems.add("no path of the document matches " + path);
        }
        return problems;
      }
      JsonNode operation =
          document.path("paths").path(template).path(method.toLowerCase(Locale.ROOT));
      if (operation.isMissingNode()) {
        if (status != 405 && !method.equals("HEAD") && !method.equals("OPTIONS")) {
          problems.add(method + " is not an operation of " + template);
        }
        return problems;
      }
      String operationId = operation.path("operationId").asString();
      JsonNode documented = resolve(operation.path("responses").path(String.valueOf(status)));
      if (documented.isMissingNode()) {
        problems.add(operationId + " does not document status " + status);
        return problems;
      }
      String mediaType = mediaType(response.getContentType());
      byte[] body = response.asByteArray();
      JsonNode content = documented.path("content");
      if (body.length > 0 || !mediaType.isEmpty()) {
        if (content.isMissingNode() || content.isEmpty()) {
          if (body.length > 0) {
            problems.add(operationId + " " + status + " documents no body, but one came");
          }
        } else {
          JsonNode media = media(content, mediaType);
          if (media == null) {
            problems.add(
                operationId
                    + " "
                    + status
                    + " documents "
                    + content.propertyNames()
                    + ", not "
                    + mediaType);
          } else if (mediaType.contains("json") && media.has("schema")) {
            problems.addAll(validate(operationId + " " + status, media.path("schema"), body));
          }
        }
      }
      for (Map.Entry<String, JsonNode> header : documented.path("headers").properties()) {
        String value = response.getHeader(header.getKey());
        JsonNode schema = resolve(header.getValue()).path("schema");
        if (value != null
            && schema.path("type").asString("").equals("integer")
            && !value.matches("\\d+")) {
          problems.add(header.getKey() + ": " + value + " is not an integer");
        }
      }
      return problems;
    }

    /** The documented media type that the answer's matches (a charset aside). */
    private static JsonNode media(JsonNode content, String mediaType) {
      for (Iterator<Map.Entry<String, JsonNode>> it = content.properties().iterator();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        if (mediaType(entry.getKey()).equals(mediaType)) {
          return entry.getValue();
        }
      }
      return null;
    }

    private static String mediaType(String contentType) {
      if (contentType == null) {
        return "";
      }
      int parameters = contentType.indexOf(';');
      return (parameters < 0 ? contentType : contentType.substring(0, parameters))
          .strip()
          .toLowerCase(Locale.ROOT);
    }

    private List<String> validate(String where, JsonNode schema, byte[] body) {
      JsonNode instance;
      try {
        instance = JSON.readTree(new String(body, StandardCharsets.UTF_8));
      } catch (RuntimeException notJson) {
        return List.of(where + ": the body is not JSON: " + notJson.getMessage());
      }
      return validate(where, schema, instance);
    }

    List<String> validate(String where, JsonNode schema, JsonNode instance) {
      String text = JSON.writeValueAsString(schema).replace("\"#/", "\"" + DOCUMENT + "#/");
      Schema compiled = schemas.computeIfAbsent(text, registry::getSchema);
      List<String> problems = new ArrayList<>();
      for (Error error : compiled.validate(instance)) {
        problems.add(where + ": " + error.getInstanceLocation() + " " + error.getMessage());
        if (problems.size() == 10) {
          break;
        }
      }
      return problems;
    }

    /** A response or header, its {@code $ref} followed. */
    private JsonNode resolve(JsonNode node) {
      String ref = node.path("$ref").asString(null);
      if (ref == null) {
        return node;
      }
      JsonNode target = document;
      for (String part : ref.substring(2).split("/")) {
        target = target.path(part.replace("~1", "/").replace("~0", "~"));
      }
      return target;
    }
  }
}
