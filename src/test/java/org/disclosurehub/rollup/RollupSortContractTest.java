package org.disclosurehub.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The sort keys the contract offers (an enumeration in RollupResource's annotation, which cannot
 * read BreakdownReads.SORTS) are exactly the columns the breakdown sorts by, each ascending and
 * descending: a column added to one and not the other fails here.
 */
class RollupSortContractTest {
  @Test
  void shouldOfferExactlyTheColumnsTheBreakdownSortsBy() throws Exception {
    JsonNode document = new YAMLMapper().readTree(Path.of("openapi", "openapi.yaml").toFile());
    List<String> offered = new ArrayList<>();
    for (JsonNode parameter :
        document.at(
            "/paths/~1api~1v1~1regions~1{code}~1rollups~1{year}~1agencies/get/parameters")) {
      if (parameter.path("name").asString().equals("sort")) {
        parameter.path("schema").path("enum").forEach(key -> offered.add(key.asString()));
      }
    }
    List<String> sorted = new ArrayList<>();
    BreakdownReads.SORTS.keySet().forEach(key -> sorted.addAll(List.of(key, "-" + key)));
    assertThat(offered).containsExactlyElementsOf(sorted);
  }
}
