package org.disclosurehub.importer;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;
import org.disclosurehub.report.Amounts;
import org.disclosurehub.report.Procurement2019;
import org.disclosurehub.report.ReportLayout;

/**
 * Table 二, in the 2021 format (documents issued, repealed, in force; decisions; fees in 万元) or the
 * 2019 trial format (documents made, published, in force; items and their change; procurement with
 * its unit as printed). Rows are aligned to the form's rows as in Table 三.
 */
final class Table2Reader {
  /** Header cells of Table 二 (2021 and 2019 formats), on the line of 信息内容. */
  static final String[] HEADER = {
    "本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额", "本年新制作数量", "上一年项目数量"
  };

  /** Table 二 of the 2019 trial format has these columns, which the 2021 cells do not have. */
  private static final String[] HEADER_2019 = {
    "新制作", "新公开数量", "对外公开总数量", "上一年项目数量", "本年增/减", "采购项目数量"
  };

  static final List<RowAlignment.Target> ROWS_2021 =
      List.of(
          target("regulations", "规章"),
          target("normativeDocuments", "规范性文件", "行政规范性文件"),
          target("licensing", "行政许可"),
          target("penalties", "行政处罚"),
          target("compulsoryMeasures", "行政强制"),
          target("feesAmount", "收费", "行政事业性收费"));

  private static final List<RowAlignment.Target> ROWS_2019 =
      List.of(
          target("regulations", "规章"),
          target("normativeDocuments", "规范性文件"),
          target("licensing", "行政许可"),
          target("otherManagementServices", "对外管理服务", "其他对外管理服务事项"),
          target("penalties", "行政处罚"),
          target("compulsoryMeasures", "行政强制"),
          target("fees", "收费", "行政事业性收费"),
          target("procurement", "采购", "政府集中采购"));

  private Table2Reader() {}

  private static RowAlignment.Target target(String key, String... refs) {
    return new RowAlignment.Target(key, List.of(refs));
  }

  /** A line that is only a unit, as a header broken over lines prints it: "(元)", "(单位:万元)". */
  private static final Pattern UNIT_LINE = Pattern.compile("\\(?(单位:)?万?元\\)?");

  /** Reads Table 二; answers the format it is in. */
  static String read(List<Row> region, ReadingSink sink) {
    boolean trial = region.stream().anyMatch(r -> Text.containsAny(r.compact(), HEADER_2019));
    if (trial) {
      sink.notes.add(
          "Table 二 is in the 2019 trial format (本年新制作数量, 本年新公开数量, 对外公开总数量; 上一年项目数量, 本年增/减,"
              + " 处理决定数量; 采购项目数量, 采购总金额): read as /activeDisclosure2019");
    }
    List<RowAlignment.Target> targets = trial ? ROWS_2019 : ROWS_2021;
    List<Row> rest = DetachedValues.read(region, trial, targets, sink);
    List<RowAlignment.Placed> placed = RowAlignment.align(rest, targets, 1, Table2Columns::header);
    String amountHeader = "";
    for (int i = 0; i < region.size(); i++) {
      Row row = region.get(i);
      if (!row.hasValues() && row.compact().contains("采购总金额")) {
        amountHeader = row.compact();
        // A header printed one cell per line may put its unit on the next line: "(元)".
        if (i + 1 < region.size()
            && !region.get(i + 1).hasValues()
            && UNIT_LINE.matcher(region.get(i + 1).compact()).matches()) {
          amountHeader += region.get(i + 1).compact();
        }
      }
    }
    for (RowAlignment.Placed p : placed) {
      Row row = p.row();
      if (p.match() == null && (p.target() < 0 || !sink.hasRow(pointer(trial, targets, p)))) {
        if (row.hasValues()) {
          sink.unparsed(
              row,
              trial
                  ? "numbers under a label that is no row of Table 二 (2019 trial format)"
                  : "numbers under a label that is no row of Table 二",
              null);
        }
        continue;
      }
      ReadingSink.Match how = p.match() == null ? ReadingSink.Match.EXACT : p.match();
      String key = targets.get(p.target()).key();
      String pointer = pointer(trial, targets, p);
      if (trial) {
        read2019(row, key, pointer, how, amountHeader, sink);
      } else {
        if (key.equals("feesAmount")) {
          readFees(row, pointer, how, sink);
        } else {
          readCounts(row, false, key, pointer, how, sink);
        }
      }
    }
    return trial ? "2019" : null;
  }

  private static String pointer(
      boolean trial, List<RowAlignment.Target> targets, RowAlignment.Placed p) {
    return (trial ? "/activeDisclosure2019/" : "/activeDisclosure/")
        + targets.get(p.target()).key();
  }

  private static void read2019(
      Row row,
      String key,
      String pointer,
      ReadingSink.Match how,
      String amountHeader,
      ReadingSink sink) {
    if (key.equals("procurement")) {
      readProcurement(row, pointer, how, amountHeader, sink);
      return;
    }
    readCounts(row, true, key, pointer, how, sink);
  }

  /** The row's count cells, by their column headers. */
  private static void readCounts(
      Row row, boolean trial, String key, String pointer, ReadingSink.Match how, ReadingSink sink) {
    Table2Columns.Counts counts = Table2Columns.counts(trial, key);
    sink.readCounts(
        row,
        pointer,
        counts.pointers(pointer),
        counts.labels(),
        how,
        RowWindow.Columns.UNKNOWN,
        null);
  }

  /** 本年收费金额 in 万元; a cell printing 元 is converted, exactly. */
  private static void readFees(Row row, String pointer, ReadingSink.Match how, ReadingSink sink) {
    List<Row.Value> values = row.printed();
    if (values.size() != 1) {
      sink.unparsed(row, "found " + values.size() + " numbers, expected 1 (本年收费金额, 万元)", pointer);
      return;
    }
    Row.Value cell = values.get(0);
    String unit = Text.unitOf(cell.text());
    BigDecimal amount = Text.amount(Text.withoutUnit(cell.text()));
    if (amount != null && "元".equals(unit)) {
      amount = amount.movePointLeft(4).stripTrailingZeros();
      sink.notes.add("本年收费金额 is printed in 元 (" + cell.text() + "): read as " + amount + " 万元");
    }
    if (amount == null || amount.stripTrailingZeros().scale() > Amounts.MAX_DECIMALS) {
      sink.unparsed(
          row,
          "'"
              + cell.text()
              + "' is not an amount in 万元 with at most "
              + Amounts.MAX_DECIMALS
              + " decimals",
          pointer);
      return;
    }
    amount = amount.signum() == 0 ? BigDecimal.ZERO : amount;
    if (sink.firstTime(row, pointer, List.of(pointer), List.of(amount))) {
      sink.put(pointer, amount, cell, how.how(), how.score());
    }
  }

  /** 政府集中采购: 采购项目数量 and 采购总金额, with the unit printed in the cell, the row or its header. */
  private static void readProcurement(
      Row row, String pointer, ReadingSink.Match how, String amountHeader, ReadingSink sink) {
    List<Row.Value> values = row.printed();
    String glued = null;
    if (values.size() == 1 && !row.gridded()) {
      List<Row.Value> split = gluedProcurement(values.get(0));
      if (split == null) {
        sink.unparsed(
            row,
            "'"
                + values.get(0).text()
                + "' holds 采购项目数量 and 采购总金额 glued together and splits more than one way"
                + " (or none)",
            pointer);
        return;
      }
      values = split;
      glued = "; " + GluedDigits.ONLY_SPLIT;
    }
    if (values.size() != 2) {
      sink.unparsed(
          row, "found " + values.size() + " number(s), expected 2 (采购项目数量, 采购总金额)", pointer);
      return;
    }
    if (glued != null) {
      how = new ReadingSink.Match(how.how() + glued, how.score());
      sink.notes.add(
          pointer
              + " ("
              + sink.where(values.get(0).line())
              + ") is printed with its cells glued together ('"
              + values.get(0).text()
              + values.get(1).text()
              + "'); "
              + GluedDigits.ONLY_SPLIT);
    }
    Row.Value projectsText = values.get(0);
    Row.Value amountText = values.get(1);
    Integer projects = Text.countCell(projectsText.text());
    BigDecimal amount = Text.amount(Text.withoutUnit(amountText.text()));
    if (projects == null || amount == null) {
      sink.unparsed(
          row,
          "'"
              + (projects == null ? projectsText : amountText).text()
              + "' under "
              + (projects == null ? "采购项目数量 is not a whole number" : "采购总金额 is not an amount")
              + "; the row is not read",
          pointer);
      return;
    }
    String unit = Text.unitOf(amountText.text());
    if (unit == null) {
      unit = unitOf(row.label());
    }
    if (unit == null) {
      unit = unitOf(amountHeader);
    }
    if (Procurement2019.YUAN.equals(unit) && amount.stripTrailingZeros().scale() > 2) {
      sink.unparsed(
          row, "'" + amountText.text() + "' 元 has more than 2 decimals (one fen)", pointer);
      return;
    }
    String amountPointer = pointer + "/totalAmount";
    if (!sink.firstTime(
        row, pointer, List.of(pointer + "/projects", amountPointer), List.of(projects, amount))) {
      return;
    }
    sink.put(pointer + "/projects", projects, projectsText, how.how(), how.score());
    sink.put(amountPointer, amount, amountText, how.how(), how.score());
    if (unit == null) {
      sink.unparsed(
          row,
          "the unit of 采购总金额 (元 or 万元) is printed neither in its column header nor in the row",
          ReportLayout.PROCUREMENT_UNIT);
    } else {
      sink.put(ReportLayout.PROCUREMENT_UNIT, unit, amountText, how.how(), how.score());
    }
  }

  /**
   * 采购项目数量 and 采购总金额 printed as one token, as a crawler's text glues them ("00元" for 0 | 0元): the
   * two cells when the digits split one way only, else null. As for the other glued rows, a number
   * of several digits never starts with 0 and a count has at most {@link GluedDigits#MAX_DIGITS}
   * digits; the amount keeps its decimals and its unit.
   */
  static List<Row.Value> gluedProcurement(Row.Value cell) {
    String text = cell.text();
    String unit = Text.unitOf(text);
    String number = Text.withoutUnit(text);
    if (!number.matches("[0-9]+(\\.[0-9]+)?")) {
      return null;
    }
    int dot = number.indexOf('.');
    int digits = dot < 0 ? number.length() : dot;
    List<Row.Value> only = null;
    for (int length = 1; length < digits && length <= GluedDigits.MAX_DIGITS; length++) {
      boolean projectsFit = length == 1 || number.charAt(0) != '0';
      boolean amountFits = digits - length == 1 || number.charAt(length) != '0';
      if (projectsFit && amountFits) {
        if (only != null) {
          return null;
        }
        only =
            List.of(
                new Row.Value(number.substring(0, length), cell.line(), cell.column(), false),
                new Row.Value(
                    number.substring(length) + (unit == null ? "" : unit),
                    cell.line(),
                    cell.column(),
                    false));
      }
    }
    return only;
  }

  /** 万元 or 元 when the text names one ("采购总金额(万元)", "单位:元"), else null. */
  private static String unitOf(String compact) {
    if (compact.contains("万元")) {
      return "万元";
    }
    return compact.contains("元") ? Procurement2019.YUAN : null;
  }
}
