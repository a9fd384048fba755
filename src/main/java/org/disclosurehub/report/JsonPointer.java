package org.disclosurehub.report;

/** RFC 6901 JSON Pointers, as violations and field errors name cells and fields. */
public final class JsonPointer {
  private JsonPointer() {}

  /** One reference token: "~" and "/" inside a key are escaped as "~0" and "~1". */
  public static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }
}
