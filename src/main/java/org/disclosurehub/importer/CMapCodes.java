package org.disclosurehub.importer;

import java.util.ArrayList;
import java.util.List;

/**
 * Counts the codes PDFBox 3.0.8's {@code CMapParser} would expand one by one from a character map
 * (the bodies of its {@code beginbfrange} and {@code beginbfchar} blocks), tokenising as that
 * parser does: hex strings skip blanks and take an odd last digit as a high nibble, {@code
 * <<}/{@code [} open dictionaries and arrays, a number before {@code begin…} is the entry count.
 *
 * <p>Where PDFBox would give up (a bad hex digit, a lone {@code >}, a missing start code) it stops
 * with what it has counted, as PDFBox does. Where this reading is unsure it counts more than PDFBox
 * would (it ignores PDFBox's stop at a destination's last byte overflowing, and the {@code /WMode
 * 1}-style values that PDFBox takes out of the token stream), so a map it passes is cheap for
 * PDFBox. Linear in the map's length.
 */
final class CMapCodes {
  /** PDFBox's hex token buffer: a longer hex string ends its parse. */
  private static final int MAX_HEX_BYTES = 512;

  /** What a map holds for PDFBox: codes to expand and how deep it nests. */
  record Counted(long codes, int deepestNesting) {}

  private final byte[] text;
  private final int maxNesting;
  private int position;
  private int nesting;
  private int deepest;

  private CMapCodes(byte[] text, int maxNesting) {
    this.text = text;
    this.maxNesting = maxNesting;
  }

  /** Counts until the map ends, PDFBox would stop, or nesting passes {@code maxNesting}. */
  static Counted count(byte[] text, int maxNesting) {
    CMapCodes map = new CMapCodes(text, maxNesting);
    long codes = 0;
    try {
      codes = map.countAll();
    } catch (Stop stop) {
      codes = stop.countedSoFar;
    }
    return new Counted(codes, map.deepest);
  }

  private long countAll() {
    long codes = 0;
    Object previous = null;
    Object token;
    while ((token = next(codes)) != null) {
      if (token instanceof Operator operator && previous instanceof Number count) {
        if (operator.name.equals("endcmap")) {
          break;
        }
        if (operator.name.equals("beginbfrange")) {
          codes = bfrange(count.intValue(), codes);
        } else if (operator.name.equals("beginbfchar")) {
          codes = bfchar(count.intValue(), codes);
        }
      } else if (token instanceof Operator operator && operator.name.equals("endcmap")) {
        break;
      }
      previous = token;
    }
    return codes;
  }

  /** PDFBox's parseBeginbfrange: start, end, then a destination or an array of them. */
  private long bfrange(int entries, long codes) {
    for (int i = 0; i < entries; i++) {
      Object start = next(codes);
      if (start instanceof Operator || !(start instanceof byte[] startCode)) {
        return codes; // the block's end, or PDFBox throws "start code missing"
      }
      Object end = next(codes);
      if (end instanceof Operator || !(end instanceof byte[] endCode)) {
        return codes;
      }
      long from = toInt(startCode);
      long to = toInt(endCode);
      if (to < from) {
        return codes; // PDFBOX-4550: PDFBox leaves the block
      }
      Object destination = next(codes);
      if (destination instanceof List<?> array) {
        if (!array.isEmpty() && array.size() >= to - from) {
          codes += array.size();
        }
      } else if (destination instanceof byte[] bytes && bytes.length > 0) {
        codes += identityOfAllTwoByteCodes(bytes, from, to) ? 65_536 : to - from + 1;
      }
    }
    return codes;
  }

  private static boolean identityOfAllTwoByteCodes(byte[] destination, long from, long to) {
    return destination.length == 2
        && from == 0
        && to == 0xFFFF
        && destination[0] == 0
        && destination[1] == 0;
  }

  /** PDFBox's parseBeginbfchar: one code per entry, at the cost of reading it. */
  private long bfchar(int entries, long codes) {
    for (int i = 0; i < entries; i++) {
      Object code = next(codes);
      if (code instanceof Operator || !(code instanceof byte[])) {
        return codes;
      }
      next(codes);
      codes++;
    }
    return codes;
  }

  /** CMap.toInt: the bytes big-endian into an int, overflowing as Java's int does. */
  private static int toInt(byte[] code) {
    int value = 0;
    for (byte b : code) {
      value = value << 8 | (b & 0xFF);
    }
    return value;
  }

  private record Operator(String name) {}

  private record Name(String name) {}

  /** As in PDFBox, a string {@code (])} also ends an array: it equals this token. */
  private static final String END_OF_ARRAY = "]";

  private static final Object END_OF_DICTIONARY = new Object();

  /** Where PDFBox's parse would throw: it keeps nothing more from the map. */
  private static final class Stop extends RuntimeException {
    final long countedSoFar;

    Stop(long countedSoFar) {
      super(null, null, false, false);
      this.countedSoFar = countedSoFar;
    }
  }

  private int read() {
    return position < text.length ? text[position++] & 0xFF : -1;
  }

  private void unread() {
    position--;
  }

  /** PDFBox's parseNextToken; {@code codes} is what a {@link Stop} reports. */
  private Object next(long codes) {
    int c = read();
    while (c == 0x09 || c == 0x20 || c == 0x0D || c == 0x0A) {
      c = read();
    }
    switch (c) {
      case -1:
        return null;
      case '%':
        while (c != -1 && c != 0x0D && c != 0x0A) {
          c = read();
        }
        return "%";
      case '(':
        return string();
      case '>':
        if (read() == '>') {
          return END_OF_DICTIONARY;
        }
        throw new Stop(codes);
      case ']':
        return END_OF_ARRAY;
      case '[':
        return array(codes);
      case '<':
        return angle(codes);
      case '/':
        return new Name(word(c, false));
      default:
        if (c >= '0' && c <= '9') {
          return number(c, codes);
        }
        return new Operator(word(c, true));
    }
  }

  private List<Object> array(long codes) {
    enter(codes);
    List<Object> items = new ArrayList<>();
    Object item = next(codes);
    while (item != null && !END_OF_ARRAY.equals(item)) {
      items.add(item);
      item = next(codes);
    }
    nesting--;
    return items;
  }

  private Object angle(long codes) {
    int c = read();
    if (c == '<') {
      enter(codes);
      Object key = next(codes);
      while (key instanceof Name) {
        next(codes);
        key = next(codes);
      }
      nesting--;
      return "<<>>";
    }
    int bytes = 0;
    int nibbles = 0;
    byte[] buffer = new byte[MAX_HEX_BYTES];
    while (c != -1 && c != '>') {
      if (c == 0x20 || c == 0x0D || c == 0x0A) {
        c = read();
        continue;
      }
      int digit = hexDigit(c);
      if (digit < 0) {
        throw new Stop(codes);
      }
      if (nibbles % 2 == 0) {
        if (bytes == MAX_HEX_BYTES) {
          throw new Stop(codes);
        }
        buffer[bytes++] = (byte) (digit << 4);
      } else {
        buffer[bytes - 1] |= (byte) digit;
      }
      nibbles++;
      c = read();
    }
    byte[] value = new byte[bytes];
    System.arraycopy(buffer, 0, value, 0, bytes);
    return value;
  }

  private static int hexDigit(int c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    return -1;
  }

  private String string() {
    StringBuilder string = new StringBuilder();
    int c = read();
    while (c != -1 && c != ')') {
      string.append((char) c);
      c = read();
    }
    return string.toString();
  }

  private void enter(long codes) {
    nesting++;
    deepest = Math.max(deepest, nesting);
    if (nesting > maxNesting) {
      throw new Stop(codes);
    }
  }

  private Object number(int first, long codes) {
    StringBuilder digits = new StringBuilder().append((char) first);
    int c = read();
    while (c != -1 && c != 0x20 && c != 0x0D && c != 0x0A && (isDigit(c) || c == '.')) {
      digits.append((char) c);
      c = read();
    }
    if (c != -1) {
      unread();
    }
    String value = digits.toString();
    try {
      return value.indexOf('.') >= 0 ? Double.valueOf(value) : Integer.valueOf(value);
    } catch (NumberFormatException e) {
      throw new Stop(codes);
    }
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }

  /** A name's or an operator's characters; an operator also ends before a digit (PDFBOX-2035). */
  private String word(int first, boolean operator) {
    StringBuilder word = new StringBuilder();
    if (operator) {
      word.append((char) first);
    }
    int c = read();
    while (c != -1
        && c != 0x20
        && c != 0x0D
        && c != 0x0A
        && !isDelimiter(c)
        && !(operator && isDigit(c))) {
      word.append((char) c);
      c = read();
    }
    if (c != -1 && (isDelimiter(c) || (operator && isDigit(c)))) {
      unread();
    }
    return word.toString();
  }

  private static boolean isDelimiter(int c) {
    return switch (c) {
      case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%' -> true;
      default -> false;
    };
  }
}
