package org.disclosurehub.system;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * What client generators and linters (Spectral's spectral:oas, Redocly's recommended) need from the
 * document, applied once to every operation instead of repeated in each resource's annotations:
 *
 * <ul>
 *   <li>a server, and {@code security: []} on every operation that declares none (reads are
 *       anonymous);
 *   <li>path parameters in the order of the path (SmallRye sorts them by name);
 *   <li>every response header with a schema; every GET whose answer has an ETag answers 304 (the
 *       shared NotModified response) and says so;
 *   <li>pages and text as strings; workbooks, PDFs and CSV as binary strings (a CSV is a file, with
 *       a BOM for Excel, and openapi-generator's Java client JSON-parses any other string body); an
 *       operation that answers no JSON lists its binary representation first, so generated clients
 *       return bytes;
 *   <li>{@code format} enumerated from the media types the operation answers, {@code scope} and
 *       {@code labels} from the values they take; an enumeration without a type as strings; integer
 *       defaults as integers;
 *   <li>names for the enumerations with Chinese values and for the descending sort keys ({@code
 *       x-enum-varnames}), which generated clients cannot name otherwise.
 * </ul>
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ClientContract implements OASFilter {
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  static final String NOT_MODIFIED = "NotModified";

  /** What ?format= names, by the media type it selects. */
  private static final Map<String, String> FORMATS =
      Map.of("application/json", "json", "text/csv", "csv", "text/html", "html", XLSX, "xlsx");

  private static final Map<String, List<String>> ENUM_VARNAMES =
      Map.of(
          "Table",
          List.of("TWO", "THREE", "FOUR"),
          "Procurement2019.unit",
          List.of("TEN_THOUSAND_YUAN", "YUAN"),
          "Row.timeliness",
          List.of("ON_TIME", "LATE", "MISSING"),
          "Row.state",
          List.of(
              "NOT_FILED",
              "TO_REVIEW",
              "CHANGED_SINCE_ACCEPTED",
              "RETURNED",
              "ACCEPTED",
              "WITHDRAWN"));

  /**
   * Properties of the roll-up's answers that are null where there is nothing to count: the ratios
   * of zero applications, the cells of an agency that has not reported, a year without reports.
   * ContractValidation found them in real answers.
   */
  private static final Map<String, List<String>> NULLABLE =
      Map.of(
          "Indicators", List.of("disclosureRate", "denialRate"),
          "Correction", List.of("correctionRate"),
          "Year",
              List.of(
                  "newlyReceived",
                  "totalHandled",
                  "granted",
                  "partiallyGranted",
                  "denied",
                  "carriedForward",
                  "reviewTotal",
                  "litigationTotal",
                  "feesAmount"),
          "ImportJobProgress", List.of("secondsLeft"),
          "AgencyRollupRow",
              List.of(
                  "late",
                  "revision",
                  "formatVersion",
                  "newlyReceived",
                  "totalHandled",
                  "granted",
                  "partiallyGranted",
                  "denied",
                  "reviewTotal",
                  "litigationTotal",
                  "corrected",
                  "violationCount",
                  "warnings"));

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    openAPI.setServers(
        List.of(
            OASFactory.createServer()
                .url("/")
                .description("This service (the document is served at /q/openapi)")));
    Components components = openAPI.getComponents();
    components.addResponse(
        NOT_MODIFIED,
        OASFactory.createAPIResponse()
            .description(
                "If-None-Match names the current ETag, or is * (the resource exists); no body"));
    if (components.getResponses() != null) {
      components.getResponses().values().forEach(ClientContract::typeHeaders);
    }
    nameChineseEnumerations(components);
    enumerateRefusals(components);
    allowNulls(components);
    if (components.getSchemas() != null) {
      // A JsonNode field is any JSON value: SmallRye gives it a "JsonNode" schema (and "type:
      // array" without items), which a generated Java client cannot tell from Jackson's JsonNode.
      components.removeSchema("JsonNode");
      components.removeSchema("JsonNodeType");
      // The generic Page<T> itself, which no operation answers (each answers its PageX); the
      // linters call it unused and generated clients would carry an empty model.
      components.removeSchema("Page");
      for (Schema schema : List.copyOf(components.getSchemas().values())) {
        if (schema.getProperties() == null) {
          continue;
        }
        Map.copyOf(schema.getProperties())
            .forEach(
                (name, property) -> {
                  if ("#/components/schemas/JsonNode".equals(property.getRef())) {
                    schema.addProperty(
                        name, OASFactory.createSchema().description(property.getDescription()));
                  }
                });
      }
    }
    if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
      return;
    }
    openAPI
        .getPaths()
        .getPathItems()
        .forEach(
            (path, item) ->
                item.getOperations()
                    .forEach((method, operation) -> filter(path, method, operation)));
  }

  private static void filter(String path, PathItem.HttpMethod method, Operation operation) {
    if (operation.getSecurity() == null) {
      operation.setSecurity(new ArrayList<>());
    }
    if (operation.getParameters() != null) {
      List<Parameter> parameters = new ArrayList<>(operation.getParameters());
      parameters.sort(Comparator.comparingInt(parameter -> position(path, parameter)));
      operation.setParameters(parameters);
    }
    if (operation.getResponses() == null) {
      return;
    }
    Map<String, APIResponse> responses = operation.getResponses().getAPIResponses();
    responses.values().forEach(ClientContract::typeHeaders);
    responses.values().forEach(response -> typeBodies(response.getContent()));
    if (path.startsWith("/api/")) {
      // What the HTTP gate answers on any operation: a malformed request (a NUL or a bad escape
      // in a path segment, an unknown parameter), a cross-origin request from an origin not
      // allowed (CORS), an Accept that names nothing answered here.
      documentOnce(operation, "400", "BadRequest");
      documentOnce(operation, "403", "Forbidden");
      documentOnce(operation, "406", "NotAcceptable");
    }
    APIResponse ok = responses.get("200");
    if (ok == null) {
      return;
    }
    // If-Match and If-Unmodified-Since hold reads too (RFC 9110 13.1.1, 13.1.4).
    if (method == PathItem.HttpMethod.GET && path.startsWith("/api/")) {
      documentOnce(operation, "412", "PreconditionFailed");
    }
    // If-None-Match: * answers 304 on any resource that exists (RFC 9110 13.1.2).
    if (method == PathItem.HttpMethod.GET
        && path.startsWith("/api/")
        && !responses.containsKey("304")) {
      operation
          .getResponses()
          .addAPIResponse("304", OASFactory.createAPIResponse().ref(NOT_MODIFIED));
    }
    if (operation.getParameters() != null && ok.getContent() != null) {
      enumerate(operation.getParameters(), ok.getContent());
    }
  }

  private static void documentOnce(Operation operation, String status, String response) {
    if (!operation.getResponses().getAPIResponses().containsKey(status)) {
      operation.getResponses().addAPIResponse(status, OASFactory.createAPIResponse().ref(response));
    }
  }

  /** Path parameters by their place in the path, then the others as they were. */
  private static int position(String path, Parameter parameter) {
    if (parameter.getIn() != Parameter.In.PATH) {
      return Integer.MAX_VALUE;
    }
    int at = path.indexOf("{" + parameter.getName() + "}");
    return at < 0 ? Integer.MAX_VALUE - 1 : at;
  }

  private static void typeHeaders(APIResponse response) {
    if (response.getHeaders() == null) {
      return;
    }
    for (Map.Entry<String, Header> header : response.getHeaders().entrySet()) {
      Header value = header.getValue();
      if (value.getRef() == null && value.getSchema() == null && value.getContent() == null) {
        Schema schema = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        if (header.getKey().equals("Location")) {
          schema.format("uri-reference");
        }
        value.setSchema(schema);
      }
    }
  }

  /** Text as strings, files as binary; binary first when no JSON is answered. */
  private static void typeBodies(Content content) {
    if (content == null || content.getMediaTypes() == null) {
      return;
    }
    Map<String, MediaType> mediaTypes = new LinkedHashMap<>();
    content.getMediaTypes().forEach(mediaTypes::put);
    for (Map.Entry<String, MediaType> media : mediaTypes.entrySet()) {
      if (binary(media.getKey())) {
        media
            .getValue()
            .setSchema(
                OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("binary"));
      } else if (media.getKey().startsWith("text/") && media.getValue().getSchema() == null) {
        media.getValue().setSchema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
      }
    }
    if (mediaTypes.keySet().stream().noneMatch(type -> type.contains("json"))
        && mediaTypes.keySet().stream().anyMatch(ClientContract::binary)) {
      Map<String, MediaType> binaryFirst = new LinkedHashMap<>();
      mediaTypes.entrySet().stream()
          .filter(media -> binary(media.getKey()))
          .forEach(media -> binaryFirst.put(media.getKey(), media.getValue()));
      mediaTypes.forEach(binaryFirst::putIfAbsent);
      content.setMediaTypes(binaryFirst);
    }
  }

  private static boolean binary(String mediaType) {
    return mediaType.equals(XLSX)
        || mediaType.equals("application/pdf")
        || mediaType.equals("text/csv");
  }

  private static void enumerate(List<Parameter> parameters, Content answered) {
    for (Parameter parameter : parameters) {
      Schema schema = parameter.getSchema();
      if (parameter.getIn() != Parameter.In.QUERY || schema == null) {
        continue;
      }
      switch (parameter.getName()) {
        case "format" ->
            schema.setEnumeration(
                answered.getMediaTypes().keySet().stream()
                    .map(FORMATS::get)
                    .filter(format -> format != null)
                    .map(format -> (Object) format)
                    .toList());
        case "scope" -> schema.setEnumeration(List.of("all", "own"));
        case "labels" -> schema.setEnumeration(List.of("zh"));
        case "sort" -> {
          if (schema.getEnumeration() != null) {
            schema.addExtension("x-enum-varnames", sortNames(schema.getEnumeration()));
          }
        }
        default -> {}
      }
      if (schema.getType() == null
          && schema.getEnumeration() != null
          && schema.getEnumeration().stream().allMatch(String.class::isInstance)) {
        schema.addType(Schema.SchemaType.STRING);
      }
      if (schema.getDefaultValue() instanceof String text
          && schema.getType() != null
          && schema.getType().contains(Schema.SchemaType.INTEGER)) {
        schema.setDefaultValue(new BigDecimal(text));
      }
    }
  }

  /**
   * Names for sort keys, which are no identifiers when descending: newlyReceived → NEWLY_RECEIVED,
   * -newlyReceived → NEWLY_RECEIVED_DESCENDING.
   */
  private static List<String> sortNames(List<Object> keys) {
    return keys.stream()
        .map(String::valueOf)
        .map(
            key -> {
              String column = key.startsWith("-") ? key.substring(1) : key;
              String name =
                  column.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
              return key.startsWith("-") ? name + "_DESCENDING" : name;
            })
        .toList();
  }

  private static void allowNulls(Components components) {
    if (components.getSchemas() == null) {
      return;
    }
    NULLABLE.forEach(
        (name, properties) -> {
          Schema schema = components.getSchemas().get(name);
          if (schema == null || schema.getProperties() == null) {
            return;
          }
          schema
              .getProperties()
              .forEach(
                  (property, type) -> {
                    if (properties.contains(property)
                        && type.getType() != null
                        && !type.getType().contains(Schema.SchemaType.NULL)) {
                      type.addType(Schema.SchemaType.NULL);
                      if (type.getEnumeration() != null) {
                        List<Object> values = new ArrayList<>(type.getEnumeration());
                        values.add(null);
                        type.setEnumeration(values);
                      }
                    }
                  });
        });
  }

  /**
   * A refused import job file gives as its reason the problem's type (its last segment): every
   * {@link ProblemType} is added to the reasons the job names itself.
   */
  private static void enumerateRefusals(Components components) {
    Schema file =
        components.getSchemas() == null ? null : components.getSchemas().get("ImportJobFile");
    Schema reason =
        file == null || file.getProperties() == null ? null : file.getProperties().get("reason");
    if (reason == null || reason.getEnumeration() == null) {
      return;
    }
    List<Object> reasons = new ArrayList<>(reason.getEnumeration());
    for (ProblemType type : ProblemType.values()) {
      String slug = type.uri().substring(type.uri().lastIndexOf('/') + 1);
      if (!reasons.contains(slug)) {
        reasons.add(slug);
      }
    }
    reason.setEnumeration(reasons);
  }

  private static void nameChineseEnumerations(Components components) {
    if (components.getSchemas() == null) {
      return;
    }
    ENUM_VARNAMES.forEach(
        (where, names) -> {
          String[] parts = where.split("\\.");
          Schema schema = components.getSchemas().get(parts[0]);
          if (schema != null && parts.length == 2 && schema.getProperties() != null) {
            schema = schema.getProperties().get(parts[1]);
          }
          if (schema != null) {
            schema.addExtension("x-enum-varnames", names);
          }
        });
  }
}
