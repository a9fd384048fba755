package org.disclosurehub.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The corpus of real published reports (src/test/resources/corpus): one directory per report with
 * its source (source.md), the forms it was found in (report.txt, report.md, report.html,
 * report.pdf), its hand-checked answer key (expected.json, every cell of Tables 二, 三, 四) and the
 * accounting rules the agency's own numbers break (violations.json).
 */
public final class Corpus {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern META = Pattern.compile("(?m)^- (agency|year|province|level): (.+)$");

  /** A form of a report: its file and the {@code Content-Type} it is sent with. */
  public record Form(String name, Path file, String contentType) {
    public byte[] bytes() {
      try {
        return Files.readAllBytes(file);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    public String text() {
      return new String(bytes(), StandardCharsets.UTF_8);
    }
  }

  /** A rule the report's own numbers break, as the service names it. */
  public record Violation(String rule, String path) {}

  /** One real report. */
  public record Entry(
      String id,
      Path dir,
      String agency,
      int year,
      String province,
      String level,
      List<Form> forms,
      JsonNode expected,
      List<Violation> violations) {

    public Form form(String name) {
      return forms.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    /** The text form that holds the prose: report.txt or report.md. */
    public Form text() {
      return forms.stream()
          .filter(f -> f.name().equals("txt") || f.name().equals("md"))
          .findFirst()
          .orElseThrow();
    }

    @Override
    public String toString() {
      return id;
    }
  }

  private Corpus() {}

  public static List<Entry> entries() {
    try (Stream<Path> dirs = Files.list(root())) {
      List<Entry> entries = new ArrayList<>();
      for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
        entries.add(entry(dir));
      }
      return entries;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path root() {
    try {
      return Path.of(Corpus.class.getResource("/corpus").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Entry entry(Path dir) throws IOException {
    String source = Files.readString(dir.resolve("source.md"));
    Map<String, String> meta = new LinkedHashMap<>();
    Matcher m = META.matcher(source);
    while (m.find()) {
      meta.putIfAbsent(m.group(1), m.group(2).strip());
    }
    List<Form> forms = new ArrayList<>();
    for (String[] kind :
        new String[][] {
          {"txt", "text/plain; charset=utf-8"},
          {"md", "text/plain; charset=utf-8"},
          {"html", "text/html; charset=utf-8"},
          {"pdf", "application/pdf"}
        }) {
      Path file = dir.resolve("report." + kind[0]);
      if (Files.exists(file)) {
        forms.add(new Form(kind[0], file, kind[1]));
      }
    }
    List<Violation> violations = new ArrayList<>();
    for (JsonNode v : JSON.readTree(dir.resolve("violations.json").toFile())) {
      violations.add(new Violation(v.get("rule").asText(), v.get("path").asText()));
    }
    return new Entry(
        dir.getFileName().toString(),
        dir,
        meta.get("agency"),
        Integer.parseInt(meta.get("year")),
        meta.get("province"),
        meta.get("level"),
        forms,
        JSON.readTree(dir.resolve("expected.json").toFile()),
        violations);
  }

  /** Every cell of Tables 二, 三 and 四 of a report in the service's JSON, by JSON Pointer. */
  public static Map<String, JsonNode> cells(JsonNode report) {
    Map<String, JsonNode> cells = new LinkedHashMap<>();
    for (String table :
        new String[] {"activeDisclosure", "activeDisclosure2019", "requests", "reviews"}) {
      if (report.has(table) && !report.get(table).isNull()) {
        leaves("/" + table, report.get(table), cells);
      }
    }
    return cells;
  }

  private static void leaves(String pointer, JsonNode node, Map<String, JsonNode> into) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        leaves(pointer + "/" + field.getKey(), field.getValue(), into);
      }
    } else {
      into.put(pointer, node);
    }
  }

  /** How a reading of one report compares with its key, cell by cell. */
  public record Fidelity(List<String> exact, List<String> missing, List<String> wrong) {
    public int total() {
      return exact.size() + missing.size() + wrong.size();
    }
  }

  /** Compares what was read (the {@code report} of an import answer) with the key. */
  public static Fidelity compare(JsonNode expected, JsonNode read) {
    List<String> exact = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, JsonNode> cell : cells(expected).entrySet()) {
      JsonNode value = read == null ? null : read.at(cell.getKey());
      if (value == null || value.isMissingNode() || value.isNull()) {
        missing.add(cell.getKey());
      } else if (same(cell.getValue(), value)) {
        exact.add(cell.getKey());
      } else {
        wrong.add(cell.getKey() + " read " + value + ", printed " + cell.getValue());
      }
    }
    return new Fidelity(exact, missing, wrong);
  }

  /** Cells grouped by their row (the pointer without its last step), to show what is missing. */
  public static java.util.Set<String> rows(List<String> cells) {
    java.util.Set<String> rows = new java.util.LinkedHashSet<>();
    for (String cell : cells) {
      rows.add(cell.substring(0, cell.lastIndexOf('/')));
    }
    return rows;
  }

  /** Counts equal, amounts equal to the fen whatever their scale, a unit as written. */
  static boolean same(JsonNode expected, JsonNode read) {
    if (expected.isTextual() && !expected.asText().matches("-?\\d+(\\.\\d+)?")) {
      return expected.asText().equals(read.asText());
    }
    try {
      return new BigDecimal(expected.asText()).compareTo(new BigDecimal(read.asText())) == 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
