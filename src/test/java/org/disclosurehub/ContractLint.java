package org.disclosurehub;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import tools.jackson.databind.JsonNode;

/**
 * The rules of Spectral (spectral:oas) and Redocly (recommended) that swagger-parser's validation
 * does not apply, and what the project asks beyond them, as checks of an OpenAPI document without a
 * network. Each rule answers its findings, one line each, starting with the rule's name; none is a
 * clean document. ContractLintTest runs them on the committed document and shows each catching a
 * document broken on purpose.
 */
final class ContractLint {
  static final String PROBLEM_JSON = "application/problem+json";
  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

  /** Query parameters whose values are a closed set: a generated client should offer the set. */
  static final Set<String> CLOSED_SETS = Set.of("format", "scope", "labels", "sort", "state");

  /** Query parameters that are flags. */
  static final Set<String> FLAGS = Set.of("dryRun", "acceptInconsistent", "store");

  private final JsonNode document;

  ContractLint(JsonNode document) {
    this.document = document;
  }

  /** Every finding of every rule. */
  List<String> findings() {
    List<String> all = new ArrayList<>();
    all.addAll(describedOperations());
    all.addAll(problemErrors());
    all.addAll(typedHeaders());
    all.addAll(typedDefaults());
    all.addAll(explicitSecurity());
    all.addAll(servers());
    all.addAll(validExamples());
    all.addAll(enumeratedParameters());
    return all;
  }

  /** operationId, summary, description and a tag of the document's tags on every operation. */
  List<String> describedOperations() {
    List<String> findings = new ArrayList<>();
    Set<String> tags = new java.util.HashSet<>();
    document.path("tags").forEach(tag -> tags.add(tag.path("name").asString("")));
    eachOperation(
        (where, operation) -> {
          for (String field : List.of("operationId", "summary", "description")) {
            if (operation.path(field).asString("").isBlank()) {
              findings.add("operation-" + field + ": " + where + " has none");
            }
          }
          if (operation.path("tags").isEmpty()) {
            findings.add("operation-tags: " + where + " has none");
          }
          operation
              .path("tags")
              .forEach(
                  tag -> {
                    if (!tags.contains(tag.asString(""))) {
                      findings.add(
                          "operation-tag-defined: " + where + " tag " + tag + " is not defined");
                    }
                  });
        });
    return findings;
  }

  /** Every 4xx and 5xx answers a Problem as application/problem+json, and nothing else. */
  List<String> problemErrors() {
    List<String> findings = new ArrayList<>();
    eachOperation(
        (where, operation) ->
            operation
                .path("responses")
                .properties()
                .forEach(
                    answer -> {
                      if (!answer.getKey().matches("[45]..")) {
                        return;
                      }
                      JsonNode content = resolve(answer.getValue()).path("content");
                      String at = "problem-errors: " + where + " " + answer.getKey();
                      if (!content.path(PROBLEM_JSON).path("schema").path("$ref").isString()
                          || !content
                              .path(PROBLEM_JSON)
                              .path("schema")
                              .path("$ref")
                              .asString()
                              .endsWith("/Problem")) {
                        findings.add(at + " does not answer a Problem as " + PROBLEM_JSON);
                      }
                      content
                          .propertyNames()
                          .forEach(
                              media -> {
                                if (!media.equals(PROBLEM_JSON)) {
                                  findings.add(at + " answers " + media + " too");
                                }
                              });
                    }));
    return findings;
  }

  /** Every response header, shared or not, has a schema or content. */
  List<String> typedHeaders() {
    List<String> findings = new ArrayList<>();
    BiConsumer<String, JsonNode> check =
        (where, response) ->
            response
                .path("headers")
                .properties()
                .forEach(
                    header -> {
                      JsonNode value = resolve(header.getValue());
                      if (!value.has("schema") && !value.has("content")) {
                        findings.add(
                            "header-schema: " + where + " header " + header.getKey() + " has none");
                      }
                    });
    document
        .path("components")
        .path("responses")
        .properties()
        .forEach(
            response ->
                check.accept("components.responses." + response.getKey(), response.getValue()));
    eachOperation(
        (where, operation) ->
            operation
                .path("responses")
                .properties()
                .forEach(answer -> check.accept(where + " " + answer.getKey(), answer.getValue())));
    return findings;
  }

  /** A parameter's default is of its type: no "0" for an integer, no "false" for a boolean. */
  List<String> typedDefaults() {
    List<String> findings = new ArrayList<>();
    eachParameter(
        (where, parameter) -> {
          JsonNode schema = parameter.path("schema");
          JsonNode value = schema.path("default");
          if (value.isMissingNode()) {
            return;
          }
          String type = schema.path("type").asString("");
          boolean fits =
              switch (type) {
                case "integer" -> value.isIntegralNumber();
                case "number" -> value.isNumber();
                case "boolean" -> value.isBoolean();
                case "string" -> value.isString();
                default -> true;
              };
          if (!fits) {
            findings.add("typed-default: " + where + " default " + value + " is not " + type);
          }
        });
    return findings;
  }

  /**
   * Every operation says who may call it: a security requirement, or {@code security: []} for an
   * anonymous one (Redocly's security-defined; without it a generated client cannot tell).
   */
  List<String> explicitSecurity() {
    List<String> findings = new ArrayList<>();
    boolean global = !document.path("security").isMissingNode();
    Set<String> schemes =
        Set.copyOf(document.path("components").path("securitySchemes").propertyNames());
    eachOperation(
        (where, operation) -> {
          JsonNode security = operation.path("security");
          if (security.isMissingNode() && !global) {
            findings.add(
                "security-defined: " + where + " has no security (security: [] if anyone)");
          }
          security.forEach(
              requirement ->
                  requirement
                      .propertyNames()
                      .forEach(
                          scheme -> {
                            if (!schemes.contains(scheme)) {
                              findings.add(
                                  "security-defined: " + where + " names no scheme " + scheme);
                            }
                          }));
        });
    return findings;
  }

  /** At least one server, each with a URL that is not an example. */
  List<String> servers() {
    List<String> findings = new ArrayList<>();
    if (document.path("servers").isEmpty()) {
      findings.add("oas3-api-servers: the document names no server");
    }
    document
        .path("servers")
        .forEach(
            server -> {
              String url = server.path("url").asString("");
              if (url.isBlank() || url.contains("example.com")) {
                findings.add("oas3-api-servers: server " + server + " has no real url");
              }
            });
    return findings;
  }

  /**
   * Every example is valid against its schema: of a schema or property, a parameter, a header and a
   * media type ({@code example} and each {@code examples} value).
   */
  List<String> validExamples() {
    ContractValidation.SchemaCheck check = ContractValidation.schemaCheck(document);
    List<String> findings = new ArrayList<>();
    BiConsumer<String, JsonNode> ofSchema =
        new BiConsumer<>() {
          @Override
          public void accept(String where, JsonNode schema) {
            if (!schema.isObject()) {
              return;
            }
            JsonNode alone = schemaOnly(schema);
            if (schema.has("example")) {
              findings.addAll(
                  prefixed(check.validate(where + " example", alone, schema.path("example"))));
            }
            if (schema.path("examples").isArray()) {
              for (JsonNode example : schema.path("examples")) {
                findings.addAll(prefixed(check.validate(where + " examples", alone, example)));
              }
            }
            schema
                .path("properties")
                .properties()
                .forEach(p -> accept(where + "." + p.getKey(), p.getValue()));
            accept(where + "[]", schema.path("items"));
            for (String choice : List.of("allOf", "anyOf", "oneOf")) {
              schema.path(choice).forEach(option -> accept(where + " " + choice, option));
            }
          }
        };
    document
        .path("components")
        .path("schemas")
        .properties()
        .forEach(schema -> ofSchema.accept(schema.getKey(), schema.getValue()));
    BiConsumer<String, JsonNode> ofHolder =
        (where, holder) -> {
          JsonNode schema = holder.path("schema");
          if (holder.has("example")) {
            findings.addAll(
                prefixed(check.validate(where + " example", schema, holder.path("example"))));
          }
          holder
              .path("examples")
              .properties()
              .forEach(
                  example -> {
                    JsonNode value = resolve(example.getValue());
                    if (value.has("value")) {
                      findings.addAll(
                          prefixed(
                              check.validate(
                                  where + " example " + example.getKey(),
                                  schema,
                                  value.path("value"))));
                    }
                  });
          ofSchema.accept(where + " schema", schema);
        };
    eachParameter(ofHolder);
    BiConsumer<String, JsonNode> ofResponse =
        (where, response) -> {
          response
              .path("headers")
              .properties()
              .forEach(
                  h -> ofHolder.accept(where + " header " + h.getKey(), resolve(h.getValue())));
          response
              .path("content")
              .properties()
              .forEach(media -> ofHolder.accept(where + " " + media.getKey(), media.getValue()));
        };
    document
        .path("components")
        .path("responses")
        .properties()
        .forEach(r -> ofResponse.accept("components.responses." + r.getKey(), r.getValue()));
    eachOperation(
        (where, operation) -> {
          operation
              .path("requestBody")
              .path("content")
              .properties()
              .forEach(
                  media -> ofHolder.accept(where + " request " + media.getKey(), media.getValue()));
          operation
              .path("responses")
              .properties()
              .forEach(
                  answer -> {
                    if (!answer.getValue().has("$ref")) {
                      ofResponse.accept(where + " " + answer.getKey(), answer.getValue());
                    }
                  });
        });
    return findings;
  }

  /**
   * The closed sets are enumerations of strings, flags are booleans, and every enumeration's values
   * are of its type (Spectral's typed-enum).
   */
  List<String> enumeratedParameters() {
    List<String> findings = new ArrayList<>();
    eachParameter(
        (where, parameter) -> {
          JsonNode schema = parameter.path("schema");
          String name = parameter.path("name").asString("");
          boolean query = parameter.path("in").asString("").equals("query");
          if (query && CLOSED_SETS.contains(name)) {
            if (!schema.path("enum").isArray() || schema.path("enum").isEmpty()) {
              findings.add("enum-parameter: " + where + " is no enumeration");
            }
            if (!schema.path("type").asString("").equals("string")) {
              findings.add("enum-parameter: " + where + " is not of type string");
            }
          }
          if (query
              && FLAGS.contains(name)
              && !schema.path("type").asString("").equals("boolean")) {
            findings.add("enum-parameter: " + where + " is not a boolean");
          }
          String type = schema.path("type").asString("");
          schema
              .path("enum")
              .forEach(
                  value -> {
                    if (type.equals("string") && !value.isString()
                        || type.equals("integer") && !value.isIntegralNumber()) {
                      findings.add("typed-enum: " + where + " value " + value + " is not " + type);
                    }
                  });
        });
    return findings;
  }

  private static List<String> prefixed(List<String> problems) {
    return problems.stream().map(problem -> "valid-example: " + problem).toList();
  }

  /** A schema without its examples, to check them against. */
  private static JsonNode schemaOnly(JsonNode schema) {
    tools.jackson.databind.node.ObjectNode copy =
        (tools.jackson.databind.node.ObjectNode) schema.deepCopy();
    copy.remove(List.of("example", "examples"));
    return copy;
  }

  private void eachOperation(BiConsumer<String, JsonNode> check) {
    for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
      for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
        if (METHODS.contains(operation.getKey())) {
          check.accept(operation.getKey() + " " + path.getKey(), operation.getValue());
        }
      }
    }
  }

  /** Every parameter of every operation and path, and the shared ones, resolved. */
  private void eachParameter(BiConsumer<String, JsonNode> check) {
    document
        .path("components")
        .path("parameters")
        .properties()
        .forEach(p -> check.accept("components.parameters." + p.getKey(), p.getValue()));
    for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
      path.getValue()
          .path("parameters")
          .forEach(p -> check.accept(path.getKey() + " parameter " + name(p), resolve(p)));
      for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
        if (METHODS.contains(operation.getKey())) {
          operation
              .getValue()
              .path("parameters")
              .forEach(
                  p ->
                      check.accept(
                          operation.getKey() + " " + path.getKey() + " parameter " + name(p),
                          resolve(p)));
        }
      }
    }
  }

  private String name(JsonNode parameter) {
    return resolve(parameter).path("name").asString("?");
  }

  /** A node, its {@code $ref} within the document followed. */
  private JsonNode resolve(JsonNode node) {
    String ref = node.path("$ref").asString(null);
    if (ref == null || !ref.startsWith("#/")) {
      return node;
    }
    JsonNode target = document;
    for (String part : ref.substring(2).split("/")) {
      target = target.path(part.replace("~1", "/").replace("~0", "~"));
    }
    return target;
  }
}
