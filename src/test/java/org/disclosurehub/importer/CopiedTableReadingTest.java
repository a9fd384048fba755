package org.disclosurehub.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.importer.ReportReaderTest.text;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Table 三 as a person copies it from a browser: each row one line of tab-separated cells, a spanned
 * group label once (on its first row), no padding, and an agency's empty cells for 0 as empty
 * fields, so that no row prints all seven numbers. When every row of the table shows exactly seven
 * cells after its label, each blank is a cell of the grid, even a 总计 left empty that breaks the
 * row's total (as 上海市人民政府办公厅's 2019 page prints it); a table where a row shows fewer is not read
 * that way.
 */
class CopiedTableReadingTest {
  private static final String GRANTED_TOTAL = "/requests/outcomes/granted/total";

  /** tabs.txt with Table 三 as a browser's copy gives it and its zeros left empty. */
  private static String copied(String grantedRow) {
    List<String> out = new ArrayList<>();
    boolean inTable = false;
    for (String line : text("/imports/tabs.txt").split("\n", -1)) {
      if (line.startsWith("一、本年新收")) {
        inTable = true;
      } else if (line.startsWith("四、政府信息公开行政复议")) {
        inTable = false;
      }
      if (!inTable || !line.contains("\t")) {
        out.add(line);
        continue;
      }
      List<String> fields = new ArrayList<>(List.of(line.split("\t", -1)));
      while (fields.get(0).isEmpty()) {
        fields.remove(0);
      }
      while (fields.size() > 8 && fields.get(fields.size() - 1).isEmpty()) {
        fields.remove(fields.size() - 1);
      }
      // A label spanning the two label columns is one cell: the padding field goes.
      int label = fields.get(0).matches("^[一二四]、.*|3\\. 其他") ? 1 : 0;
      if (label == 1 && fields.get(1).isEmpty()) {
        fields.remove(1);
      }
      List<String> row = fields.stream().map(f -> f.equals("0") ? "" : f).toList();
      String joined = String.join("\t", row);
      out.add(joined.startsWith("三、本年度办理结果") ? grantedRow : joined);
    }
    return String.join("\n", out);
  }

  @Test
  void aBlankTotalOfACopiedTableIsACellOfItsGridReadAsZero() {
    String text = copied("三、本年度办理结果\t(一) 予以公开\t41\t6\t1\t\t1\t1\t");
    assertThat(text).contains("\n(二) 部分公开 (区分处理的, 只计这一情形, 不计其他情形)\t9\t2\t\t\t\t\t11\n");

    Reading reading = ReportReader.read(TextLines.of(text));

    assertThat(reading.cells())
        .containsEntry(GRANTED_TOTAL, 0)
        .containsEntry("/requests/outcomes/granted/naturalPerson", 41)
        .containsEntry("/requests/outcomes/partiallyGranted/total", 11)
        .containsEntry("/requests/outcomes/otherHandling/other/total", 1)
        .containsEntry("/requests/carriedForward/total", 7);
    assertThat(reading.sources().get(GRANTED_TOTAL).how()).isEqualTo("blank read as 0");
    assertThat(reading.unparsed()).isEmpty();
  }

  @Test
  void aTableWithARowShortOfACellDoesNotReadABlankThatBreaksTheRowTotal() {
    String text = copied("三、本年度办理结果\t(一) 予以公开\t41\t6\t1\t\t1\t1\t");
    String shortRow =
        text.replace(
            "\n(二) 部分公开 (区分处理的, 只计这一情形, 不计其他情形)\t9\t2\t\t\t\t\t11\n",
            "\n(二) 部分公开 (区分处理的, 只计这一情形, 不计其他情形)\t9\t2\t\t\t\t11\n");

    Reading reading = ReportReader.read(TextLines.of(shortRow));

    assertThat(reading.cells())
        .doesNotContainKeys(GRANTED_TOTAL, "/requests/outcomes/granted/naturalPerson")
        .containsEntry("/requests/outcomes/denied/stateSecret/total", 1);
    assertThat(reading.unparsed()).anyMatch(u -> "/requests/outcomes/granted".equals(u.pointer()));
  }
}
