package org.disclosurehub.importer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The glyphs of a PDF page as lines of cells: lines by the glyphs' baselines, cells by the gaps
 * between glyphs; {@link PdfColumns} then finds the columns of each section's table.
 */
final class PdfGrid {
  /** A glyph: its text, its x range, its baseline (from the top of the page) and its font size. */
  record Glyph(String text, float left, float right, float baseline, float size) {}

  /** A cell: its text and x range. */
  record Cell(String text, float left, float right) {}

  /** A line of a page: its cells from left to right, its baseline and its glyphs' size. */
  record Line(int page, List<Cell> cells, float baseline, float size) {}

  /** A gap wider than this many ems between two glyphs on a line separates two cells. */
  private static final float CELL_GAP = 0.8f;

  /** Between two digits a narrower gap already does: numbers of adjacent columns are never one. */
  private static final float DIGIT_GAP = 0.3f;

  /** Within a cell, a gap wider than this many ems is a space. */
  private static final float SPACE_GAP = 0.2f;

  private PdfGrid() {}

  /** The lines of one page, top to bottom, each with its cells. */
  static List<Line> lines(int page, List<Glyph> glyphs) {
    List<Glyph> sorted = new ArrayList<>(glyphs);
    sorted.sort(Comparator.comparingDouble(Glyph::baseline));
    List<Line> lines = new ArrayList<>();
    List<Glyph> line = new ArrayList<>();
    float base = 0;
    for (Glyph glyph : sorted) {
      if (!line.isEmpty() && glyph.baseline() - base > 0.5f * Math.min(glyph.size(), size(line))) {
        lines.add(line(page, line));
        line = new ArrayList<>();
      }
      if (line.isEmpty()) {
        base = glyph.baseline();
      }
      line.add(glyph);
    }
    if (!line.isEmpty()) {
      lines.add(line(page, line));
    }
    return lines;
  }

  private static Line line(int page, List<Glyph> glyphs) {
    float size = 0;
    for (Glyph glyph : glyphs) {
      size = Math.max(size, glyph.size());
    }
    return new Line(page, cells(glyphs), glyphs.get(0).baseline(), size);
  }

  private static float size(List<Glyph> line) {
    return line.get(0).size();
  }

  private static List<Cell> cells(List<Glyph> line) {
    line.sort(Comparator.comparingDouble(Glyph::left));
    List<Cell> cells = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    float left = line.get(0).left();
    float right = left;
    Glyph previous = null;
    for (Glyph glyph : line) {
      if (glyph.text().isBlank()) {
        continue;
      }
      if (previous != null) {
        float gap = glyph.left() - right;
        float em = Math.max(1, Math.min(glyph.size(), previous.size()));
        boolean digits = digit(previous.text()) && digit(glyph.text());
        if (gap > CELL_GAP * em || (digits && gap > DIGIT_GAP * em)) {
          cells.add(new Cell(text.toString(), left, right));
          text.setLength(0);
          left = glyph.left();
        } else if (gap > SPACE_GAP * em) {
          text.append(' ');
        }
      }
      text.append(glyph.text());
      right = Math.max(right, glyph.right());
      previous = glyph;
    }
    if (!text.isEmpty()) {
      cells.add(new Cell(text.toString(), left, right));
    }
    return cells;
  }

  private static boolean digit(String text) {
    return !text.isEmpty() && Character.isDigit(text.charAt(text.length() - 1));
  }

  /** Whether a cell prints a value: a number (with its unit or note), a dash, 无. */
  static boolean value(Cell cell) {
    List<String> tokens = Text.tokens(Text.normalize(cell.text()));
    return !tokens.isEmpty() && tokens.stream().allMatch(Text::valueLike);
  }
}
