package org.disclosurehub.importer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

/**
 * An HTML page as lines: every paragraph-like element is a line, and every row of a data table (a
 * {@code <table>} without tables inside it) is a line with one cell per column. Merged cells are
 * laid out as in the published plain text: the text in the first cell of the span, the other cells
 * of the span empty. Line numbers are those of the HTML source, so provenance points into the page
 * as it was sent.
 */
final class HtmlLines {
  private static final Set<String> BLOCKS =
      Set.of(
          "p",
          "div",
          "br",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "li",
          "ul",
          "ol",
          "dl",
          "dt",
          "dd",
          "tr",
          "td",
          "th",
          "table",
          "thead",
          "tbody",
          "tfoot",
          "caption",
          "section",
          "article",
          "header",
          "footer",
          "nav",
          "aside",
          "main",
          "pre",
          "blockquote",
          "hr",
          "center",
          "form",
          "title",
          "body");
  private static final Set<String> SKIPPED =
      Set.of("script", "style", "noscript", "template", "select", "option", "iframe", "object");

  /** Spans beyond this are not layout but mistakes or attacks; they are cut to it. */
  private static final int MAX_SPAN = 64;

  private final List<SourceLine> lines = new ArrayList<>();

  /**
   * Grid cells that spans may still fill across the page. A real report's tables span a few
   * hundred; a page of nothing but huge spans must not grow the grid beyond its own size.
   */
  private long spanBudget = 200_000;

  private final Set<Element> layoutTables = Collections.newSetFromMap(new IdentityHashMap<>());
  private final StringBuilder current = new StringBuilder();
  private int currentLine = -1;

  private HtmlLines() {}

  /**
   * A report's page has a few thousand elements; the HTML parser takes some 20 µs an element on a
   * busy machine, so a page of many more is refused before it is parsed, to answer within a second.
   */
  static final int MAX_ELEMENTS = 30_000;

  /**
   * Refuses a page of more than {@link #MAX_ELEMENTS} elements, counted in one pass before any
   * parsing.
   */
  static void requireReadableSize(String html) {
    int elements = 0;
    for (int i = 0; i + 1 < html.length(); i++) {
      if (html.charAt(i) == '<'
          && Character.isLetter(html.charAt(i + 1))
          && ++elements > MAX_ELEMENTS) {
        throw new org.disclosurehub.system.ProblemException(
            org.disclosurehub.system.ProblemType.NOT_A_REPORT,
            "The page has more than "
                + MAX_ELEMENTS
                + " elements (the "
                + (MAX_ELEMENTS + 1)
                + "th starts at character "
                + i
                + "); a report's page has a few thousand, so it is not read");
      }
    }
  }

  static List<SourceLine> of(String html) {
    return of(parser().parseInput(html, ""));
  }

  private static Parser parser() {
    return Parser.htmlParser().setTrackPosition(true);
  }

  private static List<SourceLine> of(Document document) {
    HtmlLines out = new HtmlLines();
    out.markLayoutTables(document);
    Element title = document.head().selectFirst("title");
    if (title != null) {
      out.visit(title);
      out.flush();
    }
    out.visit(document.body());
    out.flush();
    return out.lines;
  }

  /** Walks the tree without recursion, so that deeply nested markup cannot exhaust the stack. */
  private void visit(Element root) {
    List<Object> stack = new ArrayList<>();
    stack.add(root);
    while (!stack.isEmpty()) {
      Object item = stack.remove(stack.size() - 1);
      if (item instanceof BlockEnd) {
        flush();
        continue;
      }
      Node node = (Node) item;
      if (node instanceof TextNode text) {
        append(text.text(), lineOf(text));
      } else if (node instanceof Element element) {
        String tag = element.normalName();
        if (SKIPPED.contains(tag)) {
          continue;
        }
        if (tag.equals("pre")) {
          flush();
          preformatted(element);
          continue;
        }
        if (tag.equals("table") && !layoutTables.contains(element)) {
          flush();
          table(element);
          continue;
        }
        boolean block = BLOCKS.contains(tag);
        if (block) {
          flush();
          stack.add(new BlockEnd());
        }
        List<Node> children = element.childNodes();
        for (int i = children.size() - 1; i >= 0; i--) {
          stack.add(children.get(i));
        }
      }
    }
  }

  private record BlockEnd() {}

  /** Text pasted into a page as it was: its own lines, tabs and runs of spaces kept. */
  private void preformatted(Element pre) {
    String text = pre.wholeText();
    int first = lineOf(pre);
    if (pre.endSourceRange().isTracked()) {
      // The parser drops a newline right after <pre>; counting back from </pre> is exact.
      first =
          pre.endSourceRange().start().lineNumber()
              - (int) text.chars().filter(c -> c == '\n').count();
    }
    for (SourceLine line : TextLines.of(text)) {
      lines.add(line.renumbered(first + line.number() - 1));
    }
  }

  /** Tables holding tables only lay out the page; the innermost tables hold the data. */
  private void markLayoutTables(Document document) {
    for (Element table : document.getElementsByTag("table")) {
      Element parent = table.parent();
      while (parent != null && !parent.normalName().equals("table")) {
        parent = parent.parent();
      }
      if (parent != null) {
        layoutTables.add(parent);
      }
    }
  }

  private void append(String text, int line) {
    if (text.isBlank()) {
      if (current.length() > 0) {
        current.append(' ');
      }
      return;
    }
    if (currentLine < 0) {
      currentLine = line;
    }
    current.append(text);
  }

  private void flush() {
    String text = current.toString().strip();
    if (!text.isEmpty()) {
      lines.add(SourceLine.plain(currentLine, text));
    }
    current.setLength(0);
    currentLine = -1;
  }

  /** A data table as a grid: row and column spans expanded, spanned cells left empty. */
  private void table(Element table) {
    List<Element> rows = new ArrayList<>();
    for (Element child : table.children()) {
      if (child.normalName().equals("tr")) {
        rows.add(child);
      } else if (Set.of("thead", "tbody", "tfoot").contains(child.normalName())) {
        for (Element row : child.children()) {
          if (row.normalName().equals("tr")) {
            rows.add(row);
          }
        }
      }
    }
    Map<Long, Boolean> taken = new HashMap<>();
    for (int r = 0; r < rows.size(); r++) {
      Element row = rows.get(r);
      List<SourceLine.Cell> cells = new ArrayList<>();
      int column = 0;
      for (Element cell : row.children()) {
        if (!cell.normalName().equals("td") && !cell.normalName().equals("th")) {
          continue;
        }
        while (taken.containsKey(key(r, column))) {
          cells.add(new SourceLine.Cell("", lineOf(row)));
          column++;
        }
        int colspan = span(cell.attr("colspan"));
        int rowspan = Math.min(span(cell.attr("rowspan")), rows.size() - r);
        if (spanBudget < colspan * rowspan) {
          colspan = 1;
          rowspan = 1;
        }
        spanBudget -= colspan * rowspan;
        cells.add(new SourceLine.Cell(cell.text(), lineOf(cell)));
        for (int c = 1; c < colspan; c++) {
          cells.add(new SourceLine.Cell("", lineOf(cell)));
        }
        for (int dr = 1; dr < rowspan; dr++) {
          for (int c = 0; c < colspan; c++) {
            taken.put(key(r + dr, column + c), true);
          }
        }
        column += colspan;
      }
      while (taken.containsKey(key(r, column))) {
        cells.add(new SourceLine.Cell("", lineOf(row)));
        column++;
      }
      StringBuilder raw = new StringBuilder();
      for (int c = 0; c < cells.size(); c++) {
        raw.append(c == 0 ? "" : "\t").append(cells.get(c).text());
      }
      if (!raw.toString().isBlank()) {
        lines.add(new SourceLine(lineOf(row), raw.toString(), List.copyOf(cells)));
      }
    }
  }

  private static long key(int row, int column) {
    return ((long) row << 32) | column;
  }

  private static int span(String attribute) {
    try {
      int span = Integer.parseInt(attribute.strip());
      return Math.max(1, Math.min(span, MAX_SPAN));
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  private static int lineOf(Node node) {
    Node at = node;
    while (at != null) {
      if (at.sourceRange().isTracked()) {
        return at.sourceRange().start().lineNumber();
      }
      at = at.parentNode();
    }
    return 1;
  }
}
