package org.disclosurehub.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.disclosurehub.report.ReportLayout;
import org.junit.jupiter.api.Test;

class PrintedFormTest {

  @Test
  void shouldPrintEveryCellOfTheReportExactlyOnceInTheOrderOfTheLayout() {
    List<String> printed = new ArrayList<>();
    for (PrintedTable table : PrintedForm.NATIONAL_2021.tables()) {
      table
          .rows()
          .forEach(
              row ->
                  row.stream().filter(PrintedCell::isValue).forEach(c -> printed.add(c.pointer())));
    }
    assertThat(printed)
        .containsExactlyElementsOf(
            ReportLayout.CELLS.stream().map(ReportLayout.Cell::pointer).toList());
  }

  @Test
  void shouldFillEveryRowOfEveryTableToItsFullWidth() {
    for (PrintedTable table : PrintedForm.NATIONAL_2021.tables()) {
      Set<Long> taken = new HashSet<>();
      for (int r = 0; r < table.rows().size(); r++) {
        int c = 0;
        for (PrintedCell cell : table.rows().get(r)) {
          while (taken.contains(((long) r << 32) | c)) {
            c++;
          }
          for (int dr = 0; dr < cell.rowspan(); dr++) {
            for (int dc = 0; dc < cell.colspan(); dc++) {
              assertThat(taken.add(((long) (r + dr) << 32) | (c + dc)))
                  .as("%s row %d column %d covered twice", table.heading(), r + dr, c + dc)
                  .isTrue();
            }
          }
          c += cell.colspan();
        }
      }
      assertThat(taken).as(table.heading()).hasSize(table.rows().size() * table.columns());
    }
  }
}
