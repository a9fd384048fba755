package org.disclosurehub.importer;

import java.util.ArrayList;
import java.util.List;
import org.disclosurehub.report.ReportLayout;
import org.disclosurehub.report.ReviewBlock;

/**
 * Table 四: fifteen numbers in the form's order (行政复议, 未经复议直接起诉, 复议后起诉: 维持, 纠正, 其他, 尚未审结, 总计 each),
 * however the header cells above them are laid out. In a grid, blank cells between the numbers are
 * 0; blanks at either end count only when that makes exactly fifteen cells.
 */
final class Table4Reader {
  private Table4Reader() {}

  static void read(List<Row> region, ReadingSink sink) {
    List<Row> numbers = region.stream().filter(Row::hasValues).toList();
    if (numbers.isEmpty()) {
      return;
    }
    List<String> pointers = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (ReportLayout.ReviewRow block : ReportLayout.REVIEW_BLOCKS) {
      for (ReviewBlock.Column column : ReviewBlock.COLUMNS) {
        pointers.add(block.pointer() + "/" + column.key());
        labels.add(block.label() + " " + column.label());
      }
    }
    List<Row.Value> values = numbers.stream().flatMap(r -> r.printed().stream()).toList();
    if (values.size() != pointers.size()) {
      List<Row.Value> withBlanks = withInnerBlanks(numbers);
      if (withBlanks.size() == pointers.size()) {
        values = withBlanks;
      }
    }
    if (values.size() != pointers.size()
        && GluedRows.reviews(numbers, pointers, ReviewBlock.COLUMNS.size(), sink)) {
      return;
    }
    if (values.size() != pointers.size()) {
      // Blanks at the ends too: a row of fifteen cells whose last (or first) ones are empty.
      List<Row.Value> everyCell =
          numbers.stream()
              .flatMap(r -> r.gridded() ? r.values().stream() : r.printed().stream())
              .toList();
      if (everyCell.size() == pointers.size()) {
        values = everyCell;
      }
    }
    if (values.size() != pointers.size()) {
      for (Row row : numbers) {
        sink.unparsed(
            row,
            "Table 四 has "
                + values.size()
                + " numbers in all, not 15 (行政复议, 未经复议直接起诉, 复议后起诉: 维持, 纠正, 其他, 尚未审结, 总计 each)",
            "/reviews");
      }
      return;
    }
    List<Integer> counts = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      Integer count =
          values.get(i).blank() ? Integer.valueOf(0) : Text.countCell(values.get(i).text());
      if (count == null) {
        for (Row row : numbers) {
          sink.unparsed(
              row,
              "'"
                  + values.get(i).text()
                  + "' under "
                  + labels.get(i)
                  + " is not a whole number; Table 四 is not read",
              "/reviews");
        }
        return;
      }
      counts.add(count);
    }
    for (int i = 0; i < values.size(); i++) {
      Row.Value value = values.get(i);
      sink.put(
          pointers.get(i),
          counts.get(i),
          value,
          value.blank() ? "blank read as 0" : "placed by order (Table 四's fixed columns)",
          1.0);
    }
  }

  /** The cells of the rows with numbers, blanks between the first and last number of each kept. */
  private static List<Row.Value> withInnerBlanks(List<Row> rows) {
    List<Row.Value> values = new ArrayList<>();
    for (Row row : rows) {
      if (!row.gridded()) {
        values.addAll(row.printed());
        continue;
      }
      List<Row.Value> cells = row.values();
      int first = 0;
      int last = cells.size() - 1;
      while (cells.get(first).blank()) {
        first++;
      }
      while (cells.get(last).blank()) {
        last--;
      }
      values.addAll(cells.subList(first, last + 1));
    }
    return values;
  }
}
