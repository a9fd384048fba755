package org.disclosurehub.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.importer.ReportReaderTest.json;
import static org.disclosurehub.importer.ReportReaderTest.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.disclosurehub.system.ProblemException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The reader on the shapes real reports take that the first reader lost: blank cells for 0, typos
 * in labels, labels wrapped across a page break or printed away from their numbers, Markdown pipe
 * tables, HTML spans. Each reads the natural-resources fixture cell for cell.
 */
class GridReadingTest {
  private static final JsonNode EXPECTED = json("/reports/natural-resources-2024.json");

  @Test
  void shouldReadBlankTabCellsAsZeroAndSaySo() {
    String text = blankZeros(text("/imports/tabs.txt"));
    assertThat(text).contains("一、本年新收政府信息公开申请数量\t\t86\t12\t1\t\t3\t2\t104");

    Reading reading = ReportReader.read(TextLines.of(text));

    assertExact(reading);
    assertThat(reading.notes()).anyMatch(n -> n.matches("\\d+ blank cell\\(s\\) read as 0: .*"));
    assertThat(reading.sources().get("/requests/newlyReceived/socialWelfareOrganization").how())
        .isEqualTo("blank read as 0");
    assertThat(reading.sources().get("/requests/newlyReceived/naturalPerson").how())
        .isEqualTo("exact label");
  }

  @Test
  void shouldReportAnUnreadableValueMissingAndNotShiftTheNextRowIntoIt() {
    String text = text("/imports/tabs.txt");
    String line = text.lines().filter(l -> l.startsWith("行政处罚")).findFirst().orElseThrow();

    Reading reading = ReportReader.read(TextLines.of(text.replace(line, "行政处罚\t很多")));

    assertThat(ImportedJson.missing(reading)).containsExactly("/activeDisclosure/penalties");
    assertThat(reading.sources()).doesNotContainKey("/activeDisclosure/penalties");
  }

  @Test
  void shouldNotFillARowThatLacksCells() {
    String text =
        text("/imports/tabs.txt")
            .replace("二、上年结转政府信息公开申请数量\t\t4\t1\t0\t0\t0\t0\t5", "二、上年结转政府信息公开申请数量\t\t4\t1");

    Reading reading = ReportReader.read(TextLines.of(text));

    assertThat(ImportedJson.missing(reading))
        .containsExactlyElementsOf(EXPECTED_ROW("/requests/carriedOver"));
  }

  @Test
  void shouldPlaceLabelsWithTyposOnTheirRows() {
    String text =
        text("/imports/tabs.txt")
            .replace("1. 属于国家秘密", "1. 属于国家秘")
            .replace("4. 保护第三方合法权益", "4. 保护第三方合法权")
            .replace("2. 没有现成信息需要另行制作", "2. 没有现成信息需要另外制作")
            .replace("3. 要求提供公开出版物", "3. 要求提供公开出板物")
            .replace("3. 其他", "3. 其它");

    Reading reading = ReportReader.read(TextLines.of(text));

    assertExact(reading);
    assertThat(reading.sources().get("/requests/outcomes/denied/stateSecret/total").how())
        .startsWith("similar label");
  }

  @Test
  void shouldReadALabelWrappedAcrossAPageBreak() {
    String text =
        text("/imports/pdf-wrapped.txt")
            .replace(
                "5. 要求行政机关确认或重新出具\n已获取信息 0 1 0 0 0 0 1",
                "5. 要求行政机关确认或重新出具\n\n- 4 -\n\n已获取信息 0 1 0 0 0 0 1");
    assertThat(text).contains("- 4 -\n\n已获取信息");

    Reading reading = ReportReader.read(TextLines.of(text));

    assertExact(reading);
  }

  @Test
  void shouldReadMarkdownPipeTablesWithDetachedLabelsAndNotes() {
    List<String> out = new ArrayList<>();
    for (String line : blankZeros(text("/imports/tabs.txt")).split("\n", -1)) {
      out.add(line.contains("\t") ? "| " + line.replace("\t", " | ") + " |" : line);
    }
    String markdown =
        String.join("\n", out)
            .replace("| 行政许可 | 1342 |", "| 行政许可 | 1342（含依申请公开 12 件） |")
            .replace("|  |  | 7. 属于行政执法案卷 | 1 |", "|  |  | 7. 属于行政执法案卷 |  |\n|  |  |  | 1 |");
    assertThat(markdown).contains("| 信息内容 | 本年制发件数 |").contains("|  |  |  | 1 |");

    Reading reading = ReportReader.read(TextLines.of(markdown));

    assertExact(reading);
  }

  @Test
  void shouldReadHtmlSpansAndEmptyCells() {
    String html =
        text("/imports/report.html")
            .replaceAll("<td>0</td>", "<td></td>")
            .replace("<td> 0 </td>", "<td></td>");
    assertThat(html).contains("<td></td>");

    Reading reading = ReportReader.read(HtmlLines.of(html));

    assertExact(reading);
  }

  @Test
  void shouldReadTheUnitPrintedInTheCell() {
    String text =
        text("/imports/trial-2019.txt").replace("政府集中采购\t6\t356.4821", "政府集中采购\t6\t3564821.00元");

    Reading reading = ReportReader.read(TextLines.of(text));

    assertThat(ImportedJson.missing(reading)).isEmpty();
    ObjectNode report = ImportedJson.of(reading);
    assertThat(report.at("/activeDisclosure2019/procurement/unit").textValue()).isEqualTo("元");
    assertThat(report.at("/activeDisclosure2019/procurement/totalAmount").textValue())
        .isEqualTo("3564821");
  }

  @Test
  @Tag("timing")
  void shouldReadOrRefuseEveryWorstShapeWithinASecond() {
    String wideRow = "<table><tr>" + "<td>1</td>".repeat(100_000) + "</tr></table>";
    String deep = "<div>".repeat(10_000) + "二、主动公开政府信息情况" + "</div>".repeat(10_000);
    String line = "一".repeat(5_000_000 / 3);
    String tabs = "三、收到和处理政府信息公开申请情况\n" + "1\t".repeat(1_000_000);
    ReportReader.read(HtmlLines.of(deep)); // the parser's classes loaded and compiled
    for (String shape : new String[] {wideRow, deep, line, tabs}) {
      // The best of three: eight services share this machine's two cores while the tests run.
      long best = Long.MAX_VALUE;
      for (int run = 0; run < 3; run++) {
        long start = System.nanoTime();
        try {
          if (shape.startsWith("<")) {
            HtmlLines.requireReadableSize(shape);
          }
          ReportReader.read(shape.startsWith("<") ? HtmlLines.of(shape) : TextLines.of(shape));
        } catch (ProblemException refused) {
          assertThat(refused.problem().type()).endsWith("not-a-report");
        }
        best = Math.min(best, (System.nanoTime() - start) / 1_000_000);
      }
      assertThat(best).as(shape.substring(0, 12) + " ms").isLessThan(1000);
    }
  }

  private static List<String> EXPECTED_ROW(String row) {
    return org.disclosurehub.report.ApplicantRow.COLUMNS.stream()
        .map(c -> row + "/" + c.key())
        .toList();
  }

  /** Every 0 in a tab-separated cell of Tables 三 and 四 left blank, as many agencies print them. */
  static String blankZeros(String text) {
    StringBuilder out = new StringBuilder();
    boolean inTables = false;
    for (String line : text.split("\n", -1)) {
      if (line.startsWith("三、收到和处理")) {
        inTables = true;
      } else if (line.startsWith("五、")) {
        inTables = false;
      }
      if (inTables && line.contains("\t")) {
        String[] fields = line.split("\t", -1);
        for (int i = 0; i < fields.length; i++) {
          fields[i] = fields[i].equals("0") ? "" : fields[i];
        }
        line = String.join("\t", fields);
      }
      out.append(line).append('\n');
    }
    return out.toString();
  }

  private static void assertExact(Reading reading) {
    ObjectNode report = ImportedJson.of(reading);
    assertThat(reading.unparsed()).as("unparsed").isEmpty();
    assertThat(ImportedJson.missing(reading)).as("missing").isEmpty();
    for (String part : new String[] {"activeDisclosure", "requests", "reviews"}) {
      assertThat(report.get(part)).as(part).isEqualTo(EXPECTED.get(part));
    }
  }
}
