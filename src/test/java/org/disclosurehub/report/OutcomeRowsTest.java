package org.disclosurehub.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * 三(七) is computed from the rows {@link Outcomes} lists itself (so that the records need not know
 * the layout); those must be exactly the rows of {@link ReportLayout#OUTCOME_ROWS}.
 */
class OutcomeRowsTest {

  @Test
  void shouldListTheRowsOfTheLayoutAndSumThemAsTheTotal() {
    for (Report report :
        new Report[] {
          ReportFixtures.naturalResources2024(), ReportFixtures.zhongweiCivilAffairs2024()
        }) {
      Outcomes outcomes = report.requests().outcomes();
      assertThat(outcomes.rows())
          .containsExactlyElementsOf(
              ReportLayout.OUTCOME_ROWS.stream().map(row -> row.of(report)).toList());
      assertThat(outcomes.sumOfRows()).isEqualTo(outcomes.total());
    }
  }
}
