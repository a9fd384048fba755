package org.disclosurehub.deploy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every manifest under k8s/ parsed with fabric8's Kubernetes model, and each kustomization (base,
 * overlays/dev, overlays/prod) built and checked against the application it deploys.
 */
@QuarkusTest
class KubernetesManifestsTest {
  private static final Path K8S = Path.of("k8s");
  private static final String CNPG_API = "postgresql.cnpg.io/v1";

  /** Fields of CloudNativePG's ClusterSpec (API reference, v1), where no typed model exists. */
  private static final Set<String> CNPG_CLUSTER_SPEC =
      Set.of(
          "description",
          "inheritedMetadata",
          "imageName",
          "imageCatalogRef",
          "imagePullPolicy",
          "schedulerName",
          "postgresUID",
          "postgresGID",
          "instances",
          "minSyncReplicas",
          "maxSyncReplicas",
          "postgresql",
          "replicationSlots",
          "bootstrap",
          "replica",
          "superuserSecret",
          "enableSuperuserAccess",
          "certificates",
          "imagePullSecrets",
          "storage",
          "serviceAccountTemplate",
          "walStorage",
          "ephemeralVolumeSource",
          "startDelay",
          "stopDelay",
          "smartShutdownTimeout",
          "switchoverDelay",
          "failoverDelay",
          "livenessProbeTimeout",
          "affinity",
          "topologySpreadConstraints",
          "resources",
          "ephemeralVolumesSizeLimit",
          "priorityClassName",
          "primaryUpdateStrategy",
          "primaryUpdateMethod",
          "backup",
          "nodeMaintenanceWindow",
          "monitoring",
          "externalClusters",
          "logLevel",
          "projectedVolumeTemplate",
          "env",
          "envFrom",
          "managed",
          "seccompProfile",
          "tablespaces",
          "enablePDB",
          "plugins",
          "probes");

  private static final Set<String> CNPG_SYNCHRONOUS =
      Set.of(
          "method",
          "number",
          "maxStandbyNamesFromCluster",
          "standbyNamesPre",
          "standbyNamesPost",
          "dataDurability",
          "failoverQuorum");

  @Test
  void shouldParseEveryManifestWithTheKubernetesModel() throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(K8S)) {
      files = walk.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(12);
    for (Path file : files) {
      List<JsonNode> documents = Kustomize.documents(file);
      assertThat(documents).as(file.toString()).isNotEmpty();
      for (JsonNode document : documents) {
        HasMetadata resource = Kustomize.model(document);
        assertThat(resource.getKind()).as(file.toString()).isNotBlank();
        assertThat(resource.getApiVersion()).as(file.toString()).isNotBlank();
        assertThat(resource.getMetadata() != null || isKustomization(resource))
            .as("%s has metadata", file)
            .isTrue();
        boolean generic = resource instanceof GenericKubernetesResource;
        boolean ours = isKustomization(resource) || CNPG_API.equals(resource.getApiVersion());
        assertThat(generic)
            .as("%s: %s parsed as a typed model class", file, resource.getKind())
            .isEqualTo(ours);
        // Every field is one the model knows: no misspelt or misplaced field, and nothing lost.
        if (!generic) {
          assertThat(unknownFields(resource, resource.getKind()))
              .as("%s: fields unknown to the Kubernetes model", file)
              .isEmpty();
        } else if (resource.getKind().equals("Cluster")) {
          assertThat(fieldNames(document.path("spec")))
              .as("%s: CloudNativePG Cluster spec", file)
              .isSubsetOf(CNPG_CLUSTER_SPEC);
          assertThat(fieldNames(document.at("/spec/postgresql/synchronous")))
              .isSubsetOf(CNPG_SYNCHRONOUS);
        }
        assertThat(Kustomize.YAML.readTree(Kustomize.KUBERNETES.asJson(resource)))
            .as("%s as the model reads it", file)
            .isEqualTo(document);
      }
    }
  }

  @Test
  void shouldCommitNoSecret() throws IOException {
    for (String overlay : List.of("base", "overlays/dev", "overlays/prod")) {
      assertThat(Kustomize.build(K8S.resolve(overlay)))
          .noneMatch(r -> r.getKind().equals("Secret"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
  void shouldProbeTheApplicationsHealthEndpointsOnItsPort(String overlay) {
    Deployment deployment = one(overlay, Deployment.class);
    Container container = container(deployment);
    String health =
        "/"
            + config("quarkus.http.non-application-root-path", "q")
            + "/"
            + config("quarkus.smallrye-health.root-path", "health");

    assertProbe(container, container.getStartupProbe(), health + "/started");
    assertProbe(container, container.getReadinessProbe(), health + "/ready");
    assertProbe(container, container.getLivenessProbe(), health + "/live");
    assertThat(ports(container)).containsValue(productionHttpPort(overlay));
    // The readiness check waits for a database connection at most the acquisition timeout: the
    // probe must wait longer, or a slow database would look like a dead pod.
    Duration acquisition =
        duration(
            ApplicationSettings.productionValue("quarkus.datasource.jdbc.acquisition-timeout")
                .orElseThrow());
    assertThat(Duration.ofSeconds(container.getReadinessProbe().getTimeoutSeconds()))
        .isGreaterThan(acquisition);
  }

  @ParameterizedTest
  @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
  void shouldRunReplicatedRollingAndRestricted(String overlay) throws IOException {
    Deployment deployment = one(overlay, Deployment.class);
    assertThat(deployment.getSpec().getReplicas()).isGreaterThanOrEqualTo(2);
    assertThat(deployment.getSpec().getStrategy().getType()).isEqualTo("RollingUpdate");
    assertThat(deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable())
        .isEqualTo(new IntOrString(0));

    PodSpec pod = deployment.getSpec().getTemplate().getSpec();
    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(DockerImage.user());
    assertThat(pod.getContainers()).hasSize(1);
    Container container = container(deployment);
    assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
    assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
    String tmpVolume =
        container.getVolumeMounts().stream()
            .filter(m -> m.getMountPath().equals("/tmp"))
            .findFirst()
            .orElseThrow()
            .getName();
    assertThat(pod.getVolumes())
        .anySatisfy(
            v -> {
              assertThat(v.getName()).isEqualTo(tmpVolume);
              assertThat(v.getEmptyDir()).isNotNull();
            });

    for (String kind : List.of("requests", "limits")) {
      Map<String, Quantity> resources =
          kind.equals("requests")
              ? container.getResources().getRequests()
              : container.getResources().getLimits();
      assertThat(resources).as(kind).containsKeys("cpu", "memory");
    }
    assertThat(Quantity.getAmountInBytes(container.getResources().getRequests().get("memory")))
        .isLessThanOrEqualTo(
            Quantity.getAmountInBytes(container.getResources().getLimits().get("memory")));

    // Longer than the pre-shutdown delay plus the time in-flight requests get to finish.
    Duration shutdown =
        duration(ApplicationSettings.productionValue("quarkus.shutdown.delay").orElseThrow())
            .plus(
                duration(
                    ApplicationSettings.productionValue("quarkus.shutdown.timeout").orElseThrow()));
    assertThat(Duration.ofSeconds(pod.getTerminationGracePeriodSeconds())).isGreaterThan(shutdown);
  }

  @ParameterizedTest
  @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
  void shouldPinTheImage(String overlay) {
    String image = container(one(overlay, Deployment.class)).getImage();
    Matcher reference =
        Pattern.compile("^(?<name>[^@]+?)(:(?<tag>[^:/@]+))?(@.+)?$").matcher(image);
    assertThat(reference.matches()).as(image).isTrue();
    assertThat(reference.group("tag")).as("tag of %s", image).isNotBlank().isNotEqualTo("latest");
    if (!overlay.equals("base")) {
      assertThat(reference.group("name")).as("a registry in %s", image).contains("/");
    }
    String database = cluster(overlay).get("spec", "imageName").toString();
    assertThat(database).doesNotEndWith(":latest").matches(".+:\\d+(\\.\\d+)?.*");
  }

  @ParameterizedTest
  @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
  void shouldSetOnlyEnvironmentVariablesTheApplicationReadsAndDocuments(String overlay)
      throws IOException {
    Set<String> set = environment(overlay);
    Set<String> read = ApplicationSettings.environmentVariables();
    Set<String> documented = documentedInReadme();

    assertThat(set).contains("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_PASSWORD");
    assertThat(set)
        .as("read by the application (ApplicationSettings): %s", read)
        .allMatch(read::contains);
    assertThat(set)
        .as("documented in README's Configuration table: %s", documented)
        .allMatch(documented::contains);

    // Credentials only ever come from Secrets.
    for (EnvVar variable : container(one(overlay, Deployment.class)).getEnv()) {
      if (variable.getName().matches(".*(PASSWORD|TOKEN|SECRET|USERNAME).*")) {
        assertThat(variable.getValue()).as(variable.getName()).isNull();
        assertThat(variable.getValueFrom().getSecretKeyRef()).as(variable.getName()).isNotNull();
      }
    }
    for (ConfigMap configMap : all(overlay, ConfigMap.class)) {
      assertThat(configMap.getData().keySet()).noneMatch(k -> k.matches(".*(PASSWORD|TOKEN).*"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
  void shouldSelectTheDeploymentsPodsFromServicePdbHpaAndNetworkPolicy(String overlay) {
    Deployment deployment = one(overlay, Deployment.class);
    Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
    assertThat(podLabels).containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
    Map<String, Integer> ports = ports(container(deployment));

    Service service = one(overlay, Service.class);
    assertThat(service.getSpec().getSelector()).isNotEmpty();
    assertThat(podLabels).containsAllEntriesOf(service.getSpec().getSelector());
    assertThat(service.getSpec().getPorts())
        .allSatisfy(p -> assertThat(resolve(p.getTargetPort(), ports)).isNotNull());

    PodDisruptionBudget pdb = one(overlay, PodDisruptionBudget.class);
    assertSelects(pdb.getSpec().getSelector(), podLabels);
    assertThat(pdb.getSpec().getMinAvailable().getIntVal())
        .isLessThan(deployment.getSpec().getReplicas());

    HorizontalPodAutoscaler hpa = one(overlay, HorizontalPodAutoscaler.class);
    assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
    assertThat(hpa.getSpec().getScaleTargetRef().getApiVersion()).isEqualTo("apps/v1");
    assertThat(hpa.getSpec().getScaleTargetRef().getName())
        .isEqualTo(deployment.getMetadata().getName());
    assertThat(hpa.getSpec().getMinReplicas())
        .isGreaterThanOrEqualTo(2)
        .isEqualTo(deployment.getSpec().getReplicas())
        .isLessThan(hpa.getSpec().getMaxReplicas());

    NetworkPolicy policy = one(overlay, NetworkPolicy.class);
    assertSelects(policy.getSpec().getPodSelector(), podLabels);
    assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
    assertThat(policy.getSpec().getIngress())
        .flatMap(rule -> rule.getPorts())
        .allSatisfy(
            p -> assertThat(resolve(p.getPort(), ports)).isEqualTo(productionHttpPort(overlay)));
    assertThat(policy.getSpec().getIngress())
        .allSatisfy(r -> assertThat(r.getPorts()).isNotEmpty());
    String cluster = cluster(overlay).getMetadata().getName();
    for (NetworkPolicyEgressRule rule : policy.getSpec().getEgress()) {
      Set<Integer> egressPorts =
          rule.getPorts().stream()
              .map(NetworkPolicyPort::getPort)
              .map(IntOrString::getIntVal)
              .collect(Collectors.toSet());
      assertThat(rule.getTo()).isNotEmpty();
      if (egressPorts.equals(Set.of(5432))) {
        assertThat(rule.getTo())
            .allSatisfy(
                peer ->
                    assertThat(peer.getPodSelector().getMatchLabels())
                        .containsEntry("cnpg.io/cluster", cluster));
      } else {
        assertThat(egressPorts).as("egress other than PostgreSQL: DNS only").containsExactly(53);
        assertThat(rule.getTo())
            .allSatisfy(
                peer ->
                    assertThat(peer.getPodSelector().getMatchLabels())
                        .containsEntry("k8s-app", "kube-dns"));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
  void shouldWriteThroughTheCloudNativePgPrimaryService(String overlay) {
    GenericKubernetesResource cluster = cluster(overlay);
    String name = cluster.getMetadata().getName();
    Map<String, String> environment = configMapEnvironment(overlay);
    URI url =
        URI.create(environment.get("QUARKUS_DATASOURCE_JDBC_URL").substring("jdbc:".length()));

    assertThat(url.getScheme()).isEqualTo("postgresql");
    assertThat(url.getHost()).isIn(name + "-rw", name + "-rw." + namespace(overlay) + ".svc");
    assertThat(url.getPort()).isIn(-1, 5432);
    assertThat(url.getPath())
        .isEqualTo("/" + cluster.get("spec", "bootstrap", "initdb", "database"));

    // The credentials are those CloudNativePG writes for the database owner.
    for (EnvVar variable : container(one(overlay, Deployment.class)).getEnv()) {
      if (variable.getName().startsWith("QUARKUS_DATASOURCE_")) {
        assertThat(variable.getValueFrom().getSecretKeyRef().getName()).isEqualTo(name + "-app");
      }
    }

    int instances = ((Number) cluster.get("spec", "instances")).intValue();
    assertThat(instances).isGreaterThanOrEqualTo(overlay.equals("overlays/dev") ? 2 : 3);
    if (!overlay.equals("overlays/dev")) {
      assertThat(cluster.<Object>get("spec", "postgresql", "synchronous", "dataDurability"))
          .isEqualTo("required");
    }
    assertThat(((Number) cluster.get("spec", "postgresql", "synchronous", "number")).intValue())
        .isBetween(1, instances - 1);

    // Every replica at the HPA's maximum with a full pool still leaves connections to spare.
    int pool =
        Integer.parseInt(
            environment.getOrDefault(
                "QUARKUS_DATASOURCE_JDBC_MAX_SIZE",
                ApplicationSettings.productionValue("quarkus.datasource.jdbc.max-size")
                    .orElse("20")));
    int maxConnections =
        Integer.parseInt(
            cluster.get("spec", "postgresql", "parameters", "max_connections").toString());
    int maxReplicas = one(overlay, HorizontalPodAutoscaler.class).getSpec().getMaxReplicas();
    assertThat(maxReplicas * pool).isLessThanOrEqualTo(maxConnections - 20);
  }

  @Test
  void shouldAnswerTheProbesAsTheManifestsExpect() {
    for (String path : List.of("/q/health/started", "/q/health/live", "/q/health/ready")) {
      given().get(path).then().statusCode(200).body("status", equalTo("UP"));
    }
    given().get("/q/metrics").then().statusCode(200);
  }

  private static void assertProbe(Container container, Probe probe, String path) {
    assertThat(probe).as("probe for %s", path).isNotNull();
    assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
    assertThat(resolve(probe.getHttpGet().getPort(), ports(container)))
        .as("port of %s", path)
        .isNotNull();
    // The path answers in this very application (RestAssured on the test instance).
    given().get(path).then().statusCode(200);
  }

  private static void assertSelects(LabelSelector selector, Map<String, String> podLabels) {
    assertThat(selector.getMatchExpressions()).isNullOrEmpty();
    assertThat(selector.getMatchLabels()).isNotEmpty();
    assertThat(podLabels).containsAllEntriesOf(selector.getMatchLabels());
  }

  /** Every variable the container gets: its env entries and the ConfigMaps it takes whole. */
  private static Set<String> environment(String overlay) {
    Container container = container(one(overlay, Deployment.class));
    Set<String> names = new TreeSet<>();
    container.getEnv().forEach(v -> names.add(v.getName()));
    names.addAll(configMapEnvironment(overlay).keySet());
    return names;
  }

  private static Map<String, String> configMapEnvironment(String overlay) {
    Container container = container(one(overlay, Deployment.class));
    Map<String, String> environment = new java.util.TreeMap<>();
    for (EnvFromSource source : container.getEnvFrom()) {
      assertThat(source.getSecretRef()).as("whole Secrets as environment").isNull();
      String name = source.getConfigMapRef().getName();
      ConfigMap configMap =
          all(overlay, ConfigMap.class).stream()
              .filter(c -> c.getMetadata().getName().equals(name))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no ConfigMap " + name + " in " + overlay));
      environment.putAll(configMap.getData());
    }
    return environment;
  }

  private static Set<String> documentedInReadme() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    String table = readme.substring(readme.indexOf("\n## Configuration"));
    table = table.substring(0, table.indexOf("\n## ", 1));
    Set<String> documented = new TreeSet<>();
    Matcher row = Pattern.compile("(?m)^\\| ([^|]+) \\|").matcher(table);
    while (row.find()) {
      Matcher name = Pattern.compile("`([A-Z][A-Z0-9_]+)`").matcher(row.group(1));
      while (name.find()) {
        documented.add(name.group(1));
      }
    }
    return documented;
  }

  private static int productionHttpPort(String overlay) {
    return Integer.parseInt(
        configMapEnvironment(overlay)
            .getOrDefault(
                "QUARKUS_HTTP_PORT",
                ApplicationSettings.productionValue("quarkus.http.port").orElse("8080")));
  }

  private static Map<String, Integer> ports(Container container) {
    return container.getPorts().stream()
        .collect(Collectors.toMap(ContainerPort::getName, ContainerPort::getContainerPort));
  }

  private static Integer resolve(IntOrString port, Map<String, Integer> ports) {
    return port.getIntVal() != null ? port.getIntVal() : ports.get(port.getStrVal());
  }

  private static String config(String key, String fallback) {
    return ConfigProvider.getConfig().getOptionalValue(key, String.class).orElse(fallback);
  }

  private static Duration duration(String value) {
    return Duration.parse("PT" + value.toUpperCase(java.util.Locale.ROOT));
  }

  private static String namespace(String overlay) {
    return one(overlay, Deployment.class).getMetadata().getNamespace();
  }

  private static Container container(Deployment deployment) {
    return deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
  }

  private static GenericKubernetesResource cluster(String overlay) {
    List<GenericKubernetesResource> clusters =
        all(overlay, GenericKubernetesResource.class).stream()
            .filter(r -> CNPG_API.equals(r.getApiVersion()) && r.getKind().equals("Cluster"))
            .toList();
    assertThat(clusters).hasSize(1);
    return clusters.get(0);
  }

  private static <T extends HasMetadata> T one(String overlay, Class<T> type) {
    List<T> found = all(overlay, type);
    assertThat(found).as("%s in %s", type.getSimpleName(), overlay).hasSize(1);
    return found.get(0);
  }

  private static <T extends HasMetadata> List<T> all(String overlay, Class<T> type) {
    return Kustomize.build(K8S.resolve(overlay)).stream()
        .filter(type::isInstance)
        .map(type::cast)
        .toList();
  }

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new TreeSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** The fields fabric8 kept aside as unknown, anywhere in a model object, by path. */
  private static List<String> unknownFields(Object model, String path) {
    List<String> unknown = new java.util.ArrayList<>();
    if (model instanceof Iterable<?> items) {
      int i = 0;
      for (Object item : items) {
        unknown.addAll(unknownFields(item, path + "[" + i++ + "]"));
      }
      return unknown;
    }
    if (model instanceof Map<?, ?> map) {
      map.forEach((k, v) -> unknown.addAll(unknownFields(v, path + "." + k)));
      return unknown;
    }
    if (model == null || !model.getClass().getName().startsWith("io.fabric8.kubernetes.api.")) {
      return unknown;
    }
    for (java.lang.reflect.Method getter : model.getClass().getMethods()) {
      if (getter.getParameterCount() != 0
          || !getter.getName().startsWith("get")
          || getter.getDeclaringClass() == Object.class) {
        continue;
      }
      Object value;
      try {
        value = getter.invoke(model);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
      if (getter.getName().equals("getAdditionalProperties")) {
        ((Map<?, ?>) value).keySet().forEach(k -> unknown.add(path + "." + k));
      } else {
        unknown.addAll(unknownFields(value, path + "." + getter.getName().substring(3)));
      }
    }
    return unknown;
  }

  private static boolean isKustomization(HasMetadata resource) {
    return "Kustomization".equals(resource.getKind());
  }
}
