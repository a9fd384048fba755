package org.disclosurehub.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A report whose whole body is one line, as some crawlers save a page ("…二、主动公开政府信息情况第二十条第（一）项…
 * 规章000…一、本年新收政府信息公开申请数量801000081二、上年结转…"), split back into lines: at the six section headings;
 * inside the tables, before every 第二十条 header, every row label of Table 二, Table 三's first row and
 * its group labels ("(七)总计"), and after every run of numbers (a row's cells, glued or not). A
 * single digit followed by "." or "、" and a label is the next row's number ("…00000002.其他法律…"), not
 * a cell. The run of numbers is set apart from its label by a space, so that the row reads as label
 * and values; how glued digits are split is {@link GluedDigits}' and {@link GluedRows}' business.
 */
final class OneLineBody {
  /** Shorter lines are rows or paragraphs, never a whole report. */
  static final int MIN_LENGTH = 400;

  /** A real report's body has some 20,000 characters; a longer line is not taken apart. */
  static final int MAX_LENGTH = 200_000;

  /** A report's tables have some 60 rows; a line that splits into more is no report's body. */
  static final int MAX_LINES = 2000;

  private static final String[] TABLE2_LABELS = {
    "行政规范性文件", "规范性文件", "规章", "行政许可", "其他对外管理服务事项", "行政处罚", "行政强制", "行政事业性收费", "政府集中采购"
  };

  private OneLineBody() {}

  /** The lines of a line that holds a report's tables run together, or null for any other line. */
  static List<String> split(String raw) {
    if (raw.length() < MIN_LENGTH || raw.length() > MAX_LENGTH) {
      return null;
    }
    String text = Text.normalize(raw);
    int[] headings = new int[6];
    int[] headingEnds = new int[6];
    int from = 0;
    for (int k = 0; k < headings.length; k++) {
      String title = Text.normalize(Sections.headingTitle(k));
      headings[k] = text.indexOf(title, from);
      headingEnds[k] = headings[k] + title.length();
      int[] renumbered = headings[k] < 0 ? Sections.renumberedHeading(text, k, from) : null;
      if (renumbered != null) {
        headings[k] = renumbered[0];
        headingEnds[k] = renumbered[1];
      }
      if (headings[k] >= 0) {
        from = headingEnds[k];
      }
    }
    if (headings[2] < 0 || text.indexOf("本年新收", headings[2]) < 0) {
      return null;
    }
    TreeSet<Integer> cuts = new TreeSet<>();
    TreeSet<Integer> spaces = new TreeSet<>();
    for (int k = 0; k < headings.length; k++) {
      if (headings[k] >= 0) {
        cuts.add(headings[k]);
        cuts.add(headingEnds[k]);
      }
    }
    int start = headings[1] >= 0 ? headings[1] : headings[2];
    int end = text.length();
    for (int k = 5; k >= 4; k--) {
      end = headings[k] >= 0 ? headings[k] : end;
    }
    cutBefore(text, "第二十条", start, end, cuts);
    for (String label : TABLE2_LABELS) {
      cutBefore(text, label, start, headings[2], cuts);
    }
    cutBefore(text, "一、本年新收", headings[2], end, cuts);
    // Table 三's group labels "(七)总计" after a row printed without cells ("…3.其他(七)总计5000005").
    for (char numeral : "一二三四五六七".toCharArray()) {
      cutBefore(text, "(" + numeral + ")", headings[2], end, cuts);
    }
    numbers(text, start, end, cuts, spaces);
    if (cuts.size() > MAX_LINES) {
      return null;
    }
    cuts.add(0);
    cuts.add(text.length());
    List<String> lines = new ArrayList<>();
    Integer previous = null;
    for (int cut : cuts) {
      if (previous != null) {
        StringBuilder line = new StringBuilder();
        for (int i = previous; i < cut; i++) {
          if (spaces.contains(i)) {
            line.append(' ');
          }
          line.append(text.charAt(i));
        }
        String stripped = line.toString().strip();
        if (!stripped.isEmpty()) {
          lines.add(stripped);
        }
      }
      previous = cut;
    }
    return lines;
  }

  /** Cuts before every occurrence of a label (行政规范性文件 counts once, not as 规范性文件 too). */
  private static void cutBefore(
      String text, String label, int from, int to, TreeSet<Integer> cuts) {
    for (int i = text.indexOf(label, from); i >= 0 && i < to; i = text.indexOf(label, i + 1)) {
      if (!(label.equals("规范性文件") && text.startsWith("行政", i - 2))) {
        cuts.add(i);
      }
    }
  }

  /** Cuts after every run of numbers, before a row's number ("2."), and spaces a run apart. */
  private static void numbers(
      String text, int from, int to, TreeSet<Integer> cuts, TreeSet<Integer> spaces) {
    int i = from;
    while (i < to && cuts.size() <= MAX_LINES) {
      if (!digit(text, i)) {
        i++;
        continue;
      }
      int runStart = i;
      int j = i;
      while (j < to
          && (digit(text, j)
              || text.charAt(j) == ' '
              || (".,-".indexOf(text.charAt(j)) >= 0 && j > runStart && digit(text, j + 1)))) {
        j++;
      }
      int runEnd = j;
      while (text.charAt(runEnd - 1) == ' ') {
        runEnd--;
      }
      boolean numbering =
          runEnd < to
              && (text.charAt(runEnd) == '.' || text.charAt(runEnd) == '、')
              && runEnd + 1 < to
              && !digit(text, runEnd + 1);
      if (numbering) {
        cuts.add(runEnd - 1);
        if (runEnd - 1 > runStart) {
          spaces.add(runStart);
        }
      } else {
        spaces.add(runStart);
        if (j < to && "元万件".indexOf(text.charAt(j)) < 0) {
          cuts.add(j);
        }
      }
      i = j;
    }
  }

  private static boolean digit(String text, int i) {
    return i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9';
  }
}
