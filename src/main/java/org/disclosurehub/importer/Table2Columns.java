package org.disclosurehub.importer;

import java.util.List;

/**
 * Table 二's columns: which count cells each row holds, and the header line above them. Kept apart
 * from {@link Table2Reader} so that the reader and {@link DetachedValues}, which it calls, both use
 * them without depending on each other.
 */
final class Table2Columns {
  private Table2Columns() {}

  /** A header line of Table 二: 信息内容 and its column names, or a 第二十条 line without numbers. */
  static boolean header(Row row) {
    String c = row.compact();
    return c.contains("信息内容") || (c.startsWith("第二十条") && !row.hasValues());
  }

  /**
   * The count cells of a row of Table 二: the last steps of their pointers (empty for a row of one
   * cell) and their column headers.
   */
  record Counts(List<String> steps, List<String> labels) {
    List<String> pointers(String rowPointer) {
      return steps.stream().map(s -> s.isEmpty() ? rowPointer : rowPointer + "/" + s).toList();
    }
  }

  /** The count cells of a row by its key; null for the rows of amounts (收费 2021, 采购). */
  static Counts counts(boolean trial, String key) {
    if (!trial) {
      return switch (key) {
        case "regulations", "normativeDocuments" ->
            new Counts(
                List.of("issued", "repealed", "inForce"), List.of("本年制发件数", "本年废止件数", "现行有效件数"));
        case "feesAmount" -> null;
        default -> new Counts(List.of(""), List.of("本年处理决定数量"));
      };
    }
    return switch (key) {
      case "regulations", "normativeDocuments" ->
          new Counts(
              List.of("newlyMade", "newlyPublished", "publishedTotal"),
              List.of("本年新制作数量", "本年新公开数量", "对外公开总数量"));
      case "fees" ->
          new Counts(List.of("previousYearItems", "change"), List.of("上一年项目数量", "本年增/减"));
      case "procurement" -> null;
      default ->
          new Counts(
              List.of("previousYearItems", "change", "decisions"),
              List.of("上一年项目数量", "本年增/减", "处理决定数量"));
    };
  }
}
