package org.disclosurehub.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.disclosurehub.Fixtures;
import org.disclosurehub.report.ReportLayout;
import org.junit.jupiter.api.Test;

/**
 * The stored cell arrays follow ReportLayout.CELLS; V2__rollups.sql backfills them in the same
 * order and names the CARRY_OVER cells by position. If the layout changes, this fails first.
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
    assertThat(RollupLayout.SIZE).isEqualTo(200);
    // cells[18:24] and cells[179:185] in SQL, counting from 1.
    assertThat(RollupLayout.CARRIED_OVER_COLUMNS)
        .containsExactlyElementsOf(IntStream.rangeClosed(17, 23).boxed().toList());
    assertThat(RollupLayout.CARRIED_FORWARD_COLUMNS)
        .containsExactlyElementsOf(IntStream.rangeClosed(178, 184).boxed().toList());
  }
}
