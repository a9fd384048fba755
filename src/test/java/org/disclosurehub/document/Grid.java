package org.disclosurehub.document;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;

/**
 * A rendered {@code <table>} as the grid a reader sees: every position names the cell covering it.
 */
final class Grid {
  private final Map<Long, Element> cells = new HashMap<>();
  private final int rows;

  Grid(Element table) {
    List<Element> trs = table.select("> thead > tr, > tbody > tr, > tr");
    rows = trs.size();
    for (int r = 0; r < trs.size(); r++) {
      int c = 0;
      for (Element cell : trs.get(r).children()) {
        while (cells.containsKey(key(r, c))) {
          c++;
        }
        int rowspan = span(cell, "rowspan");
        int colspan = span(cell, "colspan");
        for (int dr = 0; dr < rowspan; dr++) {
          for (int dc = 0; dc < colspan; dc++) {
            cells.put(key(r + dr, c + dc), cell);
          }
        }
        c += colspan;
      }
    }
  }

  Element at(int row, int column) {
    return cells.get(key(row, column));
  }

  String text(int row, int column) {
    Element cell = at(row, column);
    return cell == null ? null : cell.text();
  }

  /** The first row whose cell in {@code column} reads {@code text}. */
  int rowOf(int column, String text) {
    for (int r = 0; r < rows; r++) {
      if (text.equals(text(r, column))) {
        return r;
      }
    }
    throw new AssertionError("no row with " + text + " in column " + column);
  }

  List<String> row(int row, int from, int to) {
    List<String> texts = new ArrayList<>();
    for (int c = from; c < to; c++) {
      texts.add(text(row, c));
    }
    return texts;
  }

  private static int span(Element cell, String attribute) {
    String value = cell.attr(attribute);
    return value.isEmpty() ? 1 : Integer.parseInt(value);
  }

  private static long key(int row, int column) {
    return ((long) row << 32) | column;
  }
}
