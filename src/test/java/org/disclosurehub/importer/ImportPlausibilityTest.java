package org.disclosurehub.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.Fixtures.admin;
import static org.disclosurehub.Fixtures.registerAgency;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import org.disclosurehub.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The plausibility warnings of POST /imports: the prose of published reports read against their
 * tables.
 */
@QuarkusTest
class ImportPlausibilityTest {
  private static final String IMPORTS = "/api/v1/imports";
  private static final String TEXT = "text/plain; charset=utf-8";

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "/reports/zhongwei-civil-affairs-2024.txt",
        "/imports/tabs.txt",
        "/imports/spaces.txt",
        "/imports/stray-spaces.txt",
        "/imports/fullwidth.txt",
        "/imports/thousands.txt",
        "/imports/pdf-wrapped.txt",
        "/imports/vertical.txt",
        "/imports/page-markers.txt",
        "/imports/navigation.txt",
        "/imports/trial-2019.txt"
      })
  void shouldFindNothingInProseThatAgreesWithItsTables(String fixture) {
    JsonNode answer = importText(Fixtures.text(fixture), null);

    assertThat(rules(answer.get("warnings"))).doesNotContain("NARRATIVE_MISMATCH");
  }

  @Test
  void shouldWarnOfProseThatDisagreesWhetherOrNotTheAgencyIsGiven() {
    String text = Fixtures.text("/imports/tabs.txt").replace("全年废止行政规范性文件2件", "全年废止行政规范性文件3件");
    String agency = registerAgency("450102");

    JsonNode anonymous = importText(text, null);
    JsonNode withAgency = importText(text, agency);

    for (JsonNode answer : List.of(anonymous, withAgency)) {
      JsonNode finding = answer.get("warnings").get(0);
      assertThat(finding.get("rule").asText()).isEqualTo("NARRATIVE_MISMATCH");
      assertThat(finding.get("path").asText())
          .isEqualTo("/activeDisclosure/normativeDocuments/repealed");
      assertThat(finding.get("expected").asText()).isEqualTo("3");
      assertThat(finding.get("actual").asText()).isEqualTo("2");
      assertThat(finding.get("quote").asText()).contains("全年废止行政规范性文件3件");
    }
  }

  private static JsonNode importText(String text, String agency) {
    var request =
        admin().contentType(TEXT).body(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    if (agency != null) {
      request.queryParam("agency", agency);
    }
    return request.post(IMPORTS).then().statusCode(200).extract().as(JsonNode.class);
  }

  private static List<String> rules(JsonNode warnings) {
    List<String> rules = new ArrayList<>();
    warnings.forEach(w -> rules.add(w.get("rule").asText()));
    return rules;
  }
}
