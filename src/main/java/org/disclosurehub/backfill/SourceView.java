package org.disclosurehub.backfill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.disclosurehub.importer.ImportResult;
import org.disclosurehub.importer.Importer;
import org.disclosurehub.report.ReportLayout;
import org.disclosurehub.system.ProblemException;

/**
 * A file's source next to what was read from it, for a person deciding it: the text as the importer
 * numbered its lines, the lines a value was read from marked, and every value with its cell, the
 * line and column it came from and how it was placed; the cells not read listed apart. The file is
 * read again for the page (its bytes are kept until the job is finished), so it shows what the
 * importer reads now.
 *
 * @param note why nothing was read, when the importer refuses the file
 */
record SourceView(List<Line> lines, List<CellRead> cells, List<String> missing, String note) {

  /** A line of the source; {@code anchor} on the first line of its number, the target of links. */
  record Line(int number, String text, boolean read, boolean anchor) {}

  /** A value read: its cell, where in the source and how. */
  record CellRead(
      String pointer, String label, String value, int line, Integer column, String how) {}

  private static final Map<String, String> LABELS = new HashMap<>();

  static {
    Stream.concat(ReportLayout.CELLS.stream(), ReportLayout.CELLS_2019.stream())
        .forEach(c -> LABELS.putIfAbsent(c.pointer(), c.label()));
  }

  static SourceView of(Importer importer, ObjectMapper json, byte[] content, String mediaType) {
    MediaType type = MediaType.valueOf(mediaType);
    ImportResult result;
    List<Importer.NumberedLine> numbered;
    try {
      numbered = importer.lines(content, type);
      result = importer.importReport(new Importer.Request(content, type, null, null, false, null));
    } catch (ProblemException refused) {
      return new SourceView(List.of(), List.of(), List.of(), refused.problem().detail());
    }
    List<CellRead> cells = new ArrayList<>();
    Set<Integer> read = new HashSet<>();
    JsonNode answer = json.valueToTree(result);
    answer
        .path("cellSources")
        .fields()
        .forEachRemaining(
            entry -> {
              String pointer = entry.getKey();
              JsonNode source = entry.getValue();
              JsonNode value = answer.path("report").at(pointer);
              int line = source.path("line").asInt();
              cells.add(
                  new CellRead(
                      pointer,
                      LABELS.getOrDefault(pointer, pointer),
                      value.isMissingNode() || value.isNull() ? "" : value.asText(),
                      line,
                      source.hasNonNull("column") ? source.get("column").asInt() : null,
                      source.path("how").asText()));
              read.add(line);
            });
    List<Line> lines = new ArrayList<>();
    Set<Integer> anchored = new HashSet<>();
    for (Importer.NumberedLine line : numbered) {
      lines.add(
          new Line(
              line.number(),
              line.text(),
              read.contains(line.number()),
              anchored.add(line.number())));
    }
    return new SourceView(
        lines, cells, result.missing() == null ? List.of() : result.missing(), null);
  }
}
