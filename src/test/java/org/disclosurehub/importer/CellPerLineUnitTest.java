package org.disclosurehub.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.importer.ReportReaderTest.text;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The tables as a crawler's text of a page gives them when every cell ends a line (三明市's reports in
 * the archive of www.sm.gov.cn): a row's label on a line, each of its numbers on a line of its own.
 * Read, they are the same cells as the same tables printed one row a line; a table that prints any
 * row with its label and numbers on one line is not joined.
 */
class CellPerLineUnitTest {
  /** tabs.txt with every table row's printed cells one a line, CR LF between lines. */
  private static String oneCellPerLine(String keptOnOneLine) {
    List<String> out = new ArrayList<>();
    for (String line : text("/imports/tabs.txt").split("\n", -1)) {
      if (!keptOnOneLine.isEmpty() && line.startsWith(keptOnOneLine)) {
        out.add(spaced(line));
        continue;
      }
      if (!line.contains("\t")) {
        out.add(line);
        continue;
      }
      for (String field : line.split("\t")) {
        if (!field.isBlank()) {
          out.add(field.strip());
        }
      }
    }
    return String.join("\r\n", out);
  }

  private static String spaced(String line) {
    return String.join(" ", List.of(line.strip().split("\t+")));
  }

  @Test
  void everyLabelWithTheNumbersOnTheLinesUnderItIsOneRow() {
    Reading rows = ReportReader.read(TextLines.of(text("/imports/tabs.txt")));
    String text = oneCellPerLine("");
    assertThat(text).contains("\r\n行政许可\r\n1342\r\n").contains("\r\n(七) 总计\r\n84\r\n12\r\n");

    Reading cells = ReportReader.read(TextLines.of(text));

    assertThat(cells.cells()).hasSize(rows.cells().size()).isEqualTo(rows.cells());
    assertThat(cells.cells())
        .containsEntry("/activeDisclosure/licensing", 1342)
        .containsEntry("/requests/outcomes/total/naturalPerson", 84);
    assertThat(cells.unparsed()).isEmpty();
  }

  @Test
  void aSubRowsItemNumberOnALineOfItsOwnIsItsLabelsNotACell() {
    Reading rows = ReportReader.read(TextLines.of(text("/imports/tabs.txt")));
    String text = oneCellPerLine("").replaceAll("\r\n(\\d)\\. ", "\r\n$1.\r\n");
    assertThat(text).contains("\r\n1.\r\n属于国家秘密\r\n1\r\n0\r\n");

    Reading cells = ReportReader.read(TextLines.of(text));

    assertThat(cells.cells()).isEqualTo(rows.cells());
    assertThat(cells.unparsed()).isEmpty();
  }

  @Test
  void aTableThatPrintsARowOnOneLineIsNotJoined() {
    String text = oneCellPerLine("\t(七) 总计");
    assertThat(text).contains("\r\n(七) 总计 84 12 1 0 3 2 102\r\n");

    Reading reading = ReportReader.read(TextLines.of(text));

    assertThat(reading.cells())
        .containsEntry("/requests/outcomes/total/total", 102)
        .doesNotContainKey("/requests/outcomes/granted/total")
        .containsEntry("/activeDisclosure/licensing", 1342);
  }

  @Test
  void aLabelBrokenOverLinesUpToTheBracketItClosesIsOneLabel() {
    Reading rows = ReportReader.read(TextLines.of(text("/imports/tabs.txt")));
    String text =
        oneCellPerLine("")
            .replace(
                "\r\n(二) 部分公开 (区分处理的, 只计这一情形, 不计其他情形)\r\n",
                "\r\n(\r\n二\r\n)\r\n部分公开\r\n(\r\n区分处理的\r\n,\r\n只计这一情形\r\n,\r\n不计其他情形\r\n)\r\n");
    assertThat(text).contains("\r\n不计其他情形\r\n)\r\n9\r\n2\r\n");

    Reading cells = ReportReader.read(TextLines.of(text));

    assertThat(cells.cells())
        .containsEntry("/requests/outcomes/partiallyGranted/naturalPerson", 9)
        .isEqualTo(rows.cells());
    assertThat(cells.unparsed()).isEmpty();
    // Recognised by its words, not only placed by order between the rows around it.
    assertThat(cells.sources().get("/requests/outcomes/partiallyGranted/naturalPerson").how())
        .doesNotContain("placed by order");
  }

  @Test
  void numbersBrokenOverLinesAreJoinedTheOneWayTheRowTotalHolds() {
    Reading rows = ReportReader.read(TextLines.of(text("/imports/tabs.txt")));
    String text =
        oneCellPerLine("")
            .replace(
                "\r\n(七) 总计\r\n84\r\n12\r\n1\r\n0\r\n3\r\n2\r\n102\r\n",
                "\r\n(七) 总计\r\n8\r\n4\r\n12\r\n1\r\n0\r\n3\r\n2\r\n10\r\n2\r\n");
    assertThat(text).contains("\r\n(七) 总计\r\n8\r\n4\r\n12\r\n");

    Reading cells = ReportReader.read(TextLines.of(text));

    assertThat(cells.cells())
        .containsEntry("/requests/outcomes/total/naturalPerson", 84)
        .containsEntry("/requests/outcomes/total/total", 102)
        .isEqualTo(rows.cells());
    assertThat(cells.sources().get("/requests/outcomes/total/total").how())
        .contains("decided by the rules");
    assertThat(cells.notes()).anyMatch(n -> n.startsWith("numbers broken over lines were joined"));
  }

  @Test
  void numbersThatNoJoiningKeepsTheRowTotalOfAreNotRead() {
    String text =
        oneCellPerLine("")
            .replace(
                "\r\n(七) 总计\r\n84\r\n12\r\n1\r\n0\r\n3\r\n2\r\n102\r\n",
                "\r\n(七) 总计\r\n8\r\n4\r\n12\r\n1\r\n0\r\n3\r\n2\r\n10\r\n3\r\n");
    assertThat(text).contains("\r\n2\r\n10\r\n3\r\n");

    Reading cells = ReportReader.read(TextLines.of(text));

    assertThat(cells.cells())
        .doesNotContainKey("/requests/outcomes/total/total")
        .containsEntry("/requests/outcomes/granted/total", 50);
    assertThat(cells.unparsed()).anyMatch(u -> "/requests/outcomes/total".equals(u.pointer()));
  }
}
