package org.disclosurehub.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.disclosurehub.Fixtures;
import org.disclosurehub.report.ReportLayout;
import org.junit.jupiter.api.Test;

/**
 * The stored cell arrays follow ReportLayout.CELLS, then the 2019 Table 二; V2__rollups.sql
 * backfills the first 200 in the same order and names the CARRY_OVER cells by position. If the
 * layout changes, this fails first.
 */
class RollupLayoutTest {

  @Test
  void shouldStoreCellsInTheOrderOfTheReportAsV2BackfilledThem() {
    List<String> pointers = ReportLayout.CELLS.stream().map(ReportLayout.Cell::pointer).toList();
    List<String> fixtureOrder =
        List.copyOf(
            RollupFixture.sums(
                    List.of(
                        new RollupFixture.Submitted(
                            "x", "640000", Fixtures.naturalResources2024(), false, false)))
                .keySet());

    assertThat(pointers).containsExactlyElementsOf(fixtureOrder);
    assertThat(RollupLayout.CELLS.subList(0, 200)).containsExactlyElementsOf(ReportLayout.CELLS);
    // The 2019 Table 二 follows, in the order of the trial fixture.
    List<String> trialTable2 = new ArrayList<>();
    pointers(
        Fixtures.marketRegulation2020Trial().get("activeDisclosure2019"),
        "/activeDisclosure2019",
        trialTable2);
    trialTable2.remove("/activeDisclosure2019/procurement/unit");
    assertThat(
            RollupLayout.CELLS.subList(200, RollupLayout.SIZE).stream()
                .map(ReportLayout.Cell::pointer))
        .containsExactlyElementsOf(trialTable2);
    // cells[18:24] and cells[179:185] in SQL, counting from 1.
    assertThat(RollupLayout.CARRIED_OVER_COLUMNS)
        .containsExactlyElementsOf(IntStream.rangeClosed(17, 23).boxed().toList());
    assertThat(RollupLayout.CARRIED_FORWARD_COLUMNS)
        .containsExactlyElementsOf(IntStream.rangeClosed(178, 184).boxed().toList());
  }

  private static void pointers(JsonNode node, String pointer, List<String> into) {
    if (!node.isObject()) {
      into.add(pointer);
      return;
    }
    node.fieldNames().forEachRemaining(key -> pointers(node.get(key), pointer + "/" + key, into));
  }
}
