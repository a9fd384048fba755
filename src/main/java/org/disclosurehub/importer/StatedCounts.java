package org.disclosurehub.importer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts of Table 二's 规范性文件 row that the report's own prose states ("本年度制发的规范性文件88件",
 * "现行有效行政规范性文件698件"), by the cell's JSON Pointer. Used only to choose among the splits of a row
 * whose cells are printed glued together: a split is taken when it is the only one that agrees with
 * every count stated, never by plausibility. A cell stated twice with different counts is not
 * stated.
 */
final class StatedCounts {
  private static final String ROW = "/activeDisclosure/normativeDocuments/";

  /** 制发/废止/现行有效, a few words, 规范性文件, the count, 件 ("规范性文件8855698第二十条" is a table). */
  private static final Pattern STATED =
      Pattern.compile("(制发|废止|现行有效)[^，。；、,;0-9]{0,12}?规范性文件(\\d{1,6})件");

  private StatedCounts() {}

  static Map<String, Integer> of(List<Row> rows) {
    Map<String, Integer> stated = new LinkedHashMap<>();
    Map<String, Boolean> conflicting = new LinkedHashMap<>();
    for (Row row : rows) {
      Matcher m = STATED.matcher(row.compact());
      while (m.find()) {
        String cell =
            ROW
                + switch (m.group(1)) {
                  case "制发" -> "issued";
                  case "废止" -> "repealed";
                  default -> "inForce";
                };
        int count = Integer.parseInt(m.group(2));
        Integer before = stated.putIfAbsent(cell, count);
        if (before != null && before != count) {
          conflicting.put(cell, true);
        }
      }
    }
    conflicting.keySet().forEach(stated::remove);
    return stated;
  }
}
