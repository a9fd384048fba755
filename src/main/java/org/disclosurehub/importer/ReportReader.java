package org.disclosurehub.importer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a published report from its lines, as a pipeline: the lines (one grid per form: {@link
 * TextLines}, {@link HtmlLines}, {@link PdfText}) become {@link Row}s of label and value cells;
 * {@link Sections} finds the six sections; the table readers ({@link Table2Reader}, {@link
 * Table3Reader}, {@link Table4Reader}) align each table's rows to the national format's rows
 * ({@link RowAlignment}) and read their cells ({@link RowWindow}) into a {@link ReadingSink};
 * {@link Prose} reads the title's year, the date and section 一's total. A row it recognises but
 * cannot read unambiguously is reported, never guessed.
 */
final class ReportReader {
  /** At most this many unparsed lines are listed; a garbage input must not flood the answer. */
  static final int MAX_UNPARSED = Text.MAX_UNPARSED;

  /** Longer lines are not read as table rows (the longest row of the form has some 200). */
  static final int MAX_ROW_LENGTH = Text.MAX_ROW_LENGTH;

  private ReportReader() {}

  static Reading read(List<SourceLine> lines) {
    return read(lines, Pages.NONE);
  }

  /** Reads lines numbered on across the pages of a PDF; messages name the page and its line. */
  static Reading read(List<SourceLine> lines, Pages pages) {
    List<Row> rows = new ArrayList<>();
    for (SourceLine line : lines) {
      Row row = Row.of(rows.size(), line);
      if (row != null) {
        rows.add(row);
      }
    }
    ReadingSink sink = new ReadingSink(pages);
    sink.stated = StatedCounts.of(rows);
    Sections sections = new Sections(rows, sink);
    String format = Table2Reader.read(CellPerLine.rows(sections.sectionRows(1)), sink);
    boolean table2Of2021 =
        sink.cells.keySet().stream().anyMatch(p -> p.startsWith("/activeDisclosure/"));
    String table3Format =
        Table3Reader.read(CellPerLine.rows(sections.sectionRows(2)), sink, table2Of2021);
    if (format == null) {
      format = table3Format;
    }
    Table4Reader.read(sections.sectionRows(3), sink);
    Prose prose = new Prose(rows, sections, sink);
    int[] year = prose.titleYear();
    LocalDate publishedOn = prose.publishedOn();
    Integer publishedItemsTotal = prose.publishedItemsTotal();
    List<String> notes = sink.finish();
    return new Reading(
        format == null ? "2021" : format,
        year == null ? null : year[0],
        year == null ? null : year[1],
        publishedOn,
        publishedItemsTotal,
        sections.section(0),
        sections.section(4),
        sections.section(5),
        sink.cells,
        sink.provenance,
        sink.sources,
        sink.unparsed,
        notes,
        sections.tablesFound());
  }

  /** Headings as printed in the national format, for messages. */
  static String headingTitle(int k) {
    return Sections.headingTitle(k);
  }
}
