package org.disclosurehub.backfill;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Who published a report and when, from what the report says of itself, in this order: its title
 * ("睢宁县交通运输局2023年政府信息公开工作年度报告"), a page's metadata table (发布机构, 公开日期, 索引号), the signature and date
 * at its end, and last the file's name. The importer reads the tables; this reads only the few
 * lines around them that name the agency.
 *
 * @param names candidate agency names, best evidence first, each with where it was found
 * @param year the year a title or the file name states, if any
 * @param publishedOn 公开日期 of the metadata table, else the date under the signature
 */
record ReportIdentity(List<Named> names, Integer year, LocalDate publishedOn) {

  /** A name of the agency and where it was read. */
  record Named(String name, String from) {}

  private static final Pattern TITLE =
      Pattern.compile("(.*?)((?:19|20)\\d{2})年度?(.*?)政府信息公开(?:工作)?(?:年度)?(?:报告|年报)");
  private static final Pattern QUOTED = Pattern.compile("《([^《》]{4,80})》");
  private static final Pattern PUBLISHER =
      Pattern.compile(
          "(?:发布机构|发文机关|发布单位|公开机构|信息来源|来源)[:：|]+([^|:：]{2,40}?)"
              + "(?=公开日期|发布日期|成文日期|公开时间|发布时间|索引号|文号|主题分类|[|:：]|$)");
  private static final Pattern PUBLISHED =
      Pattern.compile(
          "(?:公开日期|发布日期|公开时间|发布时间|生成日期)[:：|]*((?:19|20)\\d{2})[-年/.](\\d{1,2})[-月/.](\\d{1,2})");
  private static final Pattern DATE =
      Pattern.compile("(.*?)([0-9〇零一二三四五六七八九]{4})年([0-9一二三四五六七八九十]{1,3})月([0-9一二三四五六七八九十]{1,3})日");
  private static final Pattern AGENCY_LIKE =
      Pattern.compile(
          ".{2,40}(局|委员会|委|办公室|办公厅|办|院|政府|厅|署|室|中心|处|队|馆|站|部|所|会|团|社|公司|街道|办事处|镇|乡|管委会|管理局)");
  private static final Pattern YEAR_IN_NAME = Pattern.compile("((?:19|20)\\d{2})");

  // Words without which a pattern above cannot match a line: the title's fixed words, and a word
  // that every alternative of the metadata's labels holds.
  private static final String TITLE_WORDS = "政府信息公开";
  private static final String[] PUBLISHER_WORDS = {"来源", "发布机构", "发文机关", "发布单位", "公开机构"};
  private static final String[] PUBLISHED_WORDS = {"日期", "时间"};
  private static final Pattern PROSE = Pattern.compile("[,。;》]");
  // Punctuation of Chinese text that NFKC leaves as it is, and the ideographic space.
  static final String NFKC_STABLE = "\u3000、。〈〉《》「」『』【】〔〕“”‘’—·";

  static ReportIdentity of(byte[] content, String mediaType, String fileName) {
    List<String> lines = linesOf(content, mediaType);
    List<Named> names = new ArrayList<>();
    Integer year = null;
    LocalDate published = null;
    LocalDate signed = null;
    List<Named> metadata = new ArrayList<>();
    String previous = null;
    for (String raw : lines) {
      String line = compact(raw);
      if (line.isEmpty()) {
        continue;
      }
      // Each pattern only on the lines that hold its words (most lines of a report hold none):
      // the patterns start with lazy or alternated parts that try every position of a line.
      if (line.contains(TITLE_WORDS)) {
        Matcher quoted = QUOTED.matcher(line);
        while (quoted.find()) {
          Matcher title = TITLE.matcher(quoted.group(1));
          if (title.matches() || title.find()) {
            addName(names, titleName(title), "title");
          }
        }
        // A title is a short line of its own; prose that mentions a report is no title.
        Matcher title = TITLE.matcher(line);
        if (line.length() <= 60 && !PROSE.matcher(line).find() && title.find()) {
          String name = titleName(title);
          if (name == null && previous != null && agencyLike(previous)) {
            name = previous;
          }
          addName(names, name, "title");
          if (year == null) {
            year = Integer.valueOf(title.group(2));
          }
        }
      }
      if (containsAny(line, PUBLISHER_WORDS)) {
        Matcher publisher = PUBLISHER.matcher(line);
        if (publisher.find()) {
          addName(metadata, publisher.group(1), "metadata");
        }
      }
      if (published == null && containsAny(line, PUBLISHED_WORDS)) {
        Matcher date = PUBLISHED.matcher(line);
        if (date.find()) {
          published = date(date.group(1), date.group(2), date.group(3));
        }
      }
      previous = line;
    }
    names.addAll(metadata);
    // The signature: the last date of the text, and the name on its line or the line before.
    for (int i = lines.size() - 1, seen = 0; i >= 0 && seen < 12; i--) {
      String line = compact(lines.get(i));
      if (line.isEmpty()) {
        continue;
      }
      seen++;
      Matcher date = DATE.matcher(line);
      if (line.endsWith("日") && date.matches()) {
        signed = date(date.group(2), date.group(3), date.group(4));
        String name = date.group(1);
        if (name.isEmpty()) {
          for (int j = i - 1; j >= 0; j--) {
            String before = compact(lines.get(j));
            if (!before.isEmpty()) {
              name = before;
              break;
            }
          }
        }
        addName(names, name, "signature");
        break;
      }
    }
    String base = fileName.substring(fileName.lastIndexOf('/') + 1);
    base = compact(base.contains(".") ? base.substring(0, base.lastIndexOf('.')) : base);
    Matcher inName = TITLE.matcher(base);
    if (inName.find()) {
      addName(names, titleName(inName), "file name");
    } else {
      addName(
          names,
          base.replaceAll("[(（\\[【].*$", "")
              .replaceAll("(?:政府信息公开.*|年度报告|年报|报告)$", "")
              .replaceAll("(?:19|20)\\d{2}年?度?", "")
              .replaceAll("(?:政府信息公开.*|年度报告|年报|报告)$", "")
              .replaceAll("^[-_0-9.]+|[-_0-9.]+$", ""),
          "file name");
    }
    if (year == null) {
      Matcher y = YEAR_IN_NAME.matcher(base);
      if (y.find()) {
        year = Integer.valueOf(y.group(1));
      }
    }
    return new ReportIdentity(names, year, published != null ? published : signed);
  }

  private static String titleName(Matcher title) {
    String before = clean(title.group(1));
    String after = clean(title.group(3));
    if (before != null && agencyLike(before)) {
      return before;
    }
    if (after != null && agencyLike(after)) {
      return after;
    }
    return null;
  }

  /** A name without the words around it in a title ("关于", brackets, "的"). */
  private static String clean(String part) {
    String name =
        part.replaceAll("^[《〈<\\[【(（\"“'‘_\\-—.:：]+", "")
            .replaceAll("[》〉>\\]】)）\"”'’_\\-—.:：]+$", "")
            .replaceAll("关于$", "")
            .replaceAll("的$", "")
            .replaceAll("^关于", "");
    int cut = Math.max(name.lastIndexOf('|'), name.lastIndexOf('》'));
    if (cut >= 0) {
      name = name.substring(cut + 1);
    }
    return name.length() < 2 ? null : name;
  }

  private static boolean agencyLike(String name) {
    return name.length() <= 40
        && AGENCY_LIKE.matcher(name).matches()
        && !name.matches(".*[，。；！？,;].*");
  }

  private static void addName(List<Named> names, String name, String from) {
    if (name != null && agencyLike(name)) {
      names.add(new Named(name, from));
    }
  }

  /** A date in Arabic or Chinese numerals ("二〇二四年一月十五日"), or null when it does not exist. */
  static LocalDate date(String year, String month, String day) {
    try {
      return LocalDate.of(number(year, true), number(month, false), number(day, false));
    } catch (DateTimeException | NumberFormatException notADate) {
      return null;
    }
  }

  private static int number(String text, boolean digitByDigit) {
    if (text.chars().allMatch(Character::isDigit)) {
      return Integer.parseInt(text);
    }
    String digits = "〇一二三四五六七八九";
    if (digitByDigit) {
      StringBuilder n = new StringBuilder();
      for (char c : text.toCharArray()) {
        int d = c == '零' ? 0 : digits.indexOf(c);
        if (d < 0) {
          throw new NumberFormatException(text);
        }
        n.append(d);
      }
      return Integer.parseInt(n.toString());
    }
    int ten = text.indexOf('十');
    if (ten < 0) {
      return digits.indexOf(text.charAt(0));
    }
    int tens = ten == 0 ? 1 : digits.indexOf(text.charAt(0));
    int ones = ten == text.length() - 1 ? 0 : digits.indexOf(text.charAt(ten + 1));
    return tens * 10 + ones;
  }

  /** Full-width to half-width, table cells as "|", no other spaces. */
  static String compact(String line) {
    String normal = plain(line) ? line : Normalizer.normalize(line, Normalizer.Form.NFKC);
    StringBuilder compact = new StringBuilder(normal.length());
    for (int i = 0; i < normal.length(); i++) {
      char c = normal.charAt(i);
      switch (c) {
        // \\s (a tab is a cell's end, kept as "|"), the ideographic and the no-break space
        case '\t' -> compact.append('|');
        case ' ', '\n', '\u000B', '\f', '\r', '\u3000', '\u00a0' -> {}
        default -> compact.append(c >= '\uFF01' && c <= '\uFF5E' ? (char) (c - 0xFEE0) : c);
      }
    }
    return compact.toString();
  }

  /**
   * Whether NFKC leaves the line as it is but for full-width ASCII (which {@link #compact} makes
   * half-width itself) and the ideographic space (which it drops): the characters of most lines of
   * a Chinese report, which the normalizer would copy for nothing.
   */
  private static boolean plain(String line) {
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (!(c < 0x80
          || (c >= '\u4E00' && c <= '\u9FFF')
          || (c >= '\uFF01' && c <= '\uFF5E')
          || NFKC_STABLE.indexOf(c) >= 0)) {
        return false;
      }
    }
    return true;
  }

  private static boolean containsAny(String line, String[] words) {
    for (String word : words) {
      if (line.contains(word)) {
        return true;
      }
    }
    return false;
  }

  /** The text's lines: a PDF's first and last page, a page's text with cells tab-separated. */
  static List<String> linesOf(byte[] content, String mediaType) {
    String text;
    if (mediaType.startsWith("application/pdf")) {
      text = pdfText(content);
    } else if (mediaType.startsWith("text/html")) {
      text = htmlText(content);
    } else {
      text = decoded(content);
    }
    return List.of(text.split("\\R"));
  }

  private static String pdfText(byte[] content) {
    try (PDDocument pdf = Loader.loadPDF(content)) {
      PDFTextStripper stripper = new PDFTextStripper();
      int pages = pdf.getNumberOfPages();
      stripper.setStartPage(1);
      stripper.setEndPage(Math.min(1, pages));
      String first = stripper.getText(pdf);
      if (pages <= 1) {
        return first;
      }
      stripper.setStartPage(pages);
      stripper.setEndPage(pages);
      return first + "\n" + stripper.getText(pdf);
    } catch (IOException | RuntimeException unreadable) {
      return ""; // the importer says why it cannot be read
    }
  }

  private static String htmlText(byte[] content) {
    try {
      Document page = Jsoup.parse(new ByteArrayInputStream(content), null, "");
      if (page.text().indexOf('\uFFFD') >= 0) {
        page = Jsoup.parse(new ByteArrayInputStream(content), "GB18030", "");
      }
      StringBuilder text = new StringBuilder(page.title()).append('\n');
      NodeTraversor.traverse(
          new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
              if (node instanceof TextNode t) {
                text.append(t.text());
              } else if (node instanceof Element e) {
                if (cell(e)) {
                  text.append('\t');
                } else if (e.normalName().equals("br") || e.isBlock()) {
                  text.append('\n');
                }
              }
            }

            @Override
            public void tail(Node node, int depth) {
              if (node instanceof Element e && e.isBlock() && !cell(e)) {
                text.append('\n');
              }
            }

            private static boolean cell(Element e) {
              return e.normalName().equals("td") || e.normalName().equals("th");
            }
          },
          page.body());
      return text.toString();
    } catch (IOException unreadable) {
      return "";
    }
  }

  private static String decoded(byte[] content) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(content))
          .toString();
    } catch (CharacterCodingException notUtf8) {
      return new String(content, ArchiveIntake.GBK);
    }
  }
}
