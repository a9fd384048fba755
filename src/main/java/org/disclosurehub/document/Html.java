package org.disclosurehub.document;

/** Escaping for text and attribute values written into HTML, as Qute escapes an expression. */
public final class Html {
  private Html() {}

  /** The text escaped; the same instance when nothing needs escaping (most names and codes). */
  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      String replacement =
          switch (text.charAt(i)) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            default -> null;
          };
      if (replacement != null && out == null) {
        out = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (out != null) {
        out.append(replacement != null ? replacement : text.charAt(i));
      }
    }
    return out == null ? text : out.toString();
  }
}
