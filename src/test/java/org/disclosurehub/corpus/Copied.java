package org.disclosurehub.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * A page as a person copies it from a browser and pastes it as text: block elements on lines of
 * their own, each table row on one line with its cells joined by tabs (an empty cell an empty
 * field; a spanned cell once, where it starts, as a browser copies it), white space collapsed.
 */
final class Copied {
  private static final Set<String> BLOCKS =
      Set.of(
          "address",
          "article",
          "blockquote",
          "caption",
          "center",
          "dd",
          "div",
          "dl",
          "dt",
          "footer",
          "form",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "header",
          "hr",
          "li",
          "ol",
          "p",
          "pre",
          "section",
          "table",
          "tbody",
          "tfoot",
          "thead",
          "ul");
  private static final Set<String> SKIPPED = Set.of("head", "script", "style", "noscript", "title");

  private Copied() {}

  static String of(String html) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    walk(Jsoup.parse(html).body(), line, lines);
    flush(line, lines);
    return String.join("\n", lines) + "\n";
  }

  private static void walk(Node node, StringBuilder line, List<String> lines) {
    if (node instanceof TextNode text) {
      line.append(text.getWholeText().replaceAll("[ \\t\\n\\r\\f\\u00a0]+", " "));
      return;
    }
    if (!(node instanceof Element element) || SKIPPED.contains(element.normalName())) {
      return;
    }
    String name = element.normalName();
    if (name.equals("br")) {
      flush(line, lines);
      return;
    }
    if (name.equals("tr")) {
      flush(line, lines);
      List<String> cells = new ArrayList<>();
      for (Element cell : element.children()) {
        if (cell.normalName().equals("td") || cell.normalName().equals("th")) {
          cells.add(flat(cell));
        }
      }
      lines.add(String.join("\t", cells));
      return;
    }
    boolean block = BLOCKS.contains(name);
    if (block) {
      flush(line, lines);
    }
    for (Node child : element.childNodes()) {
      walk(child, line, lines);
    }
    if (block) {
      flush(line, lines);
    }
  }

  /** A cell's text on one line: its own lines (paragraphs inside the cell) joined by a space. */
  private static String flat(Element cell) {
    List<String> inner = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (Node child : cell.childNodes()) {
      walk(child, line, inner);
    }
    flush(line, inner);
    return String.join(" ", inner).replace('\t', ' ').strip();
  }

  private static void flush(StringBuilder line, List<String> lines) {
    String text = line.toString().strip();
    if (!text.isEmpty()) {
      lines.add(text);
    }
    line.setLength(0);
  }
}
