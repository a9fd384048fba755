package org.disclosurehub.corpus;

import java.util.List;
import java.util.Map;

/**
 * The (report, form) pairs of the corpus that the reader does not yet read in full, each with the
 * cells (JSON Pointers, or the pointer of a row or table and everything under it) it may still
 * report as missing. A cell read wrong is never allowed. The list shrinks as the reader improves;
 * {@code -Dcorpus.strict=true} ignores it.
 */
final class NotYetExact {
  private static final boolean STRICT = Boolean.getBoolean("corpus.strict");

  /** Every cell: the text is not read as a report at all, or not one cell of it. */
  static final String ALL = "";

  /** "report form" → pointers that may be missing. */
  static final Map<String, List<String>> ALLOWED =
      Map.of(
          // "2.其他法律行政止公开": the label as printed lacks 法规禁.
          "jiangsu-hongze-2023 txt",
          List.of("/requests/outcomes/denied/prohibitedByLaw"),
          "jiangsu-hongze-2023 pdf",
          List.of("/requests/outcomes/denied/prohibitedByLaw"),
          "jiangsu-hongze-2024 txt",
          List.of("/requests/outcomes/denied/prohibitedByLaw"),
          "jiangsu-hongze-2024 pdf",
          List.of("/requests/outcomes/denied/prohibitedByLaw"),
          // "5.要求行政机关确认或重新出" / numbers / "具已获取信息": a label wrapped around its numbers.
          "jiangsu-huaian-2024 txt",
          List.of("/requests/outcomes/notProcessed/confirmation"),
          "jiangsu-huaian-2024 pdf",
          List.of("/requests/outcomes/notProcessed/confirmation"),
          // Blank cells (&nbsp;) under spanned headers; 采购总金额 "251000元" with its unit in the cell.
          "shanghai-gov-office-2019 html",
          List.of("/activeDisclosure2019/procurement", "/requests", "/reviews"),
          // Markdown from converters: one pipe table per row, detached labels.
          "jiangsu-shuyang-2025 md",
          List.of(ALL),
          "shanghai-stcsm-2024 md",
          List.of(ALL));

  private NotYetExact() {}

  /** The missing cells that the list does not allow for this report and form. */
  static List<String> unexpected(String report, String form, List<String> missing) {
    List<String> allowed =
        STRICT ? List.of() : ALLOWED.getOrDefault(report + " " + form, List.of());
    return missing.stream()
        .filter(cell -> allowed.stream().noneMatch(a -> cell.equals(a) || cell.startsWith(a + "/")))
        .toList();
  }
}
