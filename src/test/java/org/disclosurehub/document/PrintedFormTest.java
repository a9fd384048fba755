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
    assertThat(printed(PrintedForm.NATIONAL_2021))
        .containsExactlyElementsOf(pointers(ReportLayout.CELLS));
    assertThat(printed(PrintedForm.TRIAL_2019))
        .containsExactlyElementsOf(pointers(ReportLayout.CELLS_2019));
    List<String> both = new ArrayList<>(pointers(ReportLayout.TABLE_2));
    both.addAll(pointers(ReportLayout.CELLS_2019).subList(0, ReportLayout.TABLE_2_2019.size()));
    both.addAll(
        pointers(ReportLayout.CELLS)
            .subList(ReportLayout.TABLE_2.size(), ReportLayout.CELLS.size()));
    assertThat(printed(PrintedForm.MIXED)).containsExactlyElementsOf(both);
  }

  @Test
  void shouldChooseTheFormOfTheFormatVersion() {
    assertThat(PrintedForm.of("2019")).isSameAs(PrintedForm.TRIAL_2019);
    assertThat(PrintedForm.of("2021")).isSameAs(PrintedForm.NATIONAL_2021);
  }

  private static List<String> printed(PrintedForm form) {
    List<String> printed = new ArrayList<>();
    for (PrintedTable table : form.tables()) {
      table
          .rows()
          .forEach(
              row ->
                  row.stream().filter(PrintedCell::isValue).forEach(c -> printed.add(c.pointer())));
    }
    return printed;
  }

  private static List<String> pointers(List<ReportLayout.Cell> cells) {
    return cells.stream().map(ReportLayout.Cell::pointer).toList();
  }

  @Test
  void shouldFillEveryRowOfEveryTableToItsFullWidth() {
    for (PrintedTable table :
        java.util.stream.Stream.of(
                PrintedForm.NATIONAL_2021, PrintedForm.TRIAL_2019, PrintedForm.MIXED)
            .flatMap(f -> f.tables().stream())
            .toList()) {
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
