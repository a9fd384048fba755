package org.disclosurehub.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.zjsonpatch.JsonPatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The part of {@code kustomize build} that k8s/ uses, for tests on a machine without kustomize:
 * resources (files and directories), {@code namespace}, {@code images} and JSON 6902 {@code
 * patches} with a kind/name target. Anything else in a kustomization.yaml fails the test rather
 * than being silently ignored, and a patch or an image that matches nothing fails too.
 */
final class Kustomize {
  static final YAMLMapper YAML = new YAMLMapper();
  static final KubernetesSerialization KUBERNETES = new KubernetesSerialization();
  private static final Set<String> UNDERSTOOD =
      Set.of("apiVersion", "kind", "resources", "namespace", "images", "patches");

  private Kustomize() {}

  /** Every document of a YAML file, as trees. */
  static List<JsonNode> documents(Path file) {
    try (var parser = YAML.getFactory().createParser(file.toFile())) {
      List<JsonNode> documents = new ArrayList<>();
      YAML.readValues(parser, JsonNode.class).forEachRemaining(documents::add);
      return documents.stream()
          .filter(d -> d != null && !d.isNull() && !d.isMissingNode())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A tree parsed by fabric8's model: typed for the kinds it knows, generic for the others. */
  static HasMetadata model(JsonNode resource) {
    return KUBERNETES.unmarshal(resource.toString());
  }

  /** The resources a kustomization directory builds, as fabric8 model objects. */
  static List<HasMetadata> build(Path directory) {
    return trees(directory).stream().map(Kustomize::model).toList();
  }

  static List<ObjectNode> trees(Path directory) {
    JsonNode kustomization = documents(directory.resolve("kustomization.yaml")).get(0);
    assertThat(kustomization.path("kind").asText()).isEqualTo("Kustomization");
    kustomization
        .fieldNames()
        .forEachRemaining(
            field ->
                assertThat(UNDERSTOOD)
                    .as("%s/kustomization.yaml: %s is not checked by the tests", directory, field)
                    .contains(field));

    List<ObjectNode> resources = new ArrayList<>();
    for (JsonNode entry : kustomization.path("resources")) {
      Path resource = directory.resolve(entry.asText()).normalize();
      assertThat(resource).as("%s: resource %s", directory, entry.asText()).exists();
      if (Files.isDirectory(resource)) {
        resources.addAll(trees(resource));
      } else {
        documents(resource).forEach(d -> resources.add((ObjectNode) d));
      }
    }

    for (JsonNode patch : kustomization.path("patches")) {
      String kind = patch.path("target").path("kind").asText();
      String name = patch.path("target").path("name").asText();
      List<ObjectNode> targets =
          resources.stream()
              .filter(r -> r.path("kind").asText().equals(kind))
              .filter(r -> r.path("metadata").path("name").asText().equals(name))
              .toList();
      assertThat(targets).as("%s: patch target %s/%s", directory, kind, name).hasSize(1);
      JsonNode operations = parse(patch.path("patch").asText());
      ObjectNode patched = (ObjectNode) JsonPatch.apply(operations, targets.get(0));
      resources.set(resources.indexOf(targets.get(0)), patched);
    }

    for (JsonNode image : kustomization.path("images")) {
      String name = image.path("name").asText();
      int replaced = 0;
      for (ObjectNode resource : resources) {
        for (JsonNode container : containers(resource)) {
          String current = container.path("image").asText();
          String currentName = current.replaceFirst("[:@].*$", "");
          if (currentName.equals(name)) {
            String tag = current.substring(currentName.length());
            String newName = image.path("newName").asText(currentName);
            String newTag = image.has("newTag") ? ":" + image.path("newTag").asText() : tag;
            ((ObjectNode) container).put("image", newName + newTag);
            replaced++;
          }
        }
      }
      assertThat(replaced)
          .as("%s: images entry %s matches no container", directory, name)
          .isPositive();
    }

    if (kustomization.has("namespace")) {
      String namespace = kustomization.path("namespace").asText();
      resources.stream()
          .filter(r -> !r.path("kind").asText().equals("Namespace"))
          .forEach(r -> ((ObjectNode) r.path("metadata")).put("namespace", namespace));
    }
    return resources;
  }

  private static ArrayNode containers(ObjectNode resource) {
    JsonNode containers = resource.at("/spec/template/spec/containers");
    return containers.isArray() ? (ArrayNode) containers : YAML.createArrayNode();
  }

  private static JsonNode parse(String yaml) {
    try {
      return YAML.readTree(yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
