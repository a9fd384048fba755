package org.disclosurehub.document;

import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.disclosurehub.system.ProblemException;

/** The forms a report or a region's document is served in, and how a request chooses one. */
public enum Representation {
  JSON("json", MediaType.APPLICATION_JSON_TYPE),
  HTML("html", new MediaType("text", "html", "utf-8")),
  XLSX("xlsx", MediaType.valueOf(Workbooks.MEDIA_TYPE));

  private final String format;
  private final MediaType mediaType;

  Representation(String format, MediaType mediaType) {
    this.format = format;
    this.mediaType = mediaType;
  }

  public MediaType mediaType() {
    return mediaType;
  }

  public String format() {
    return format;
  }

  /**
   * {@code format} when given (one of {@code offered}), else the first of the client's acceptable
   * media types (most preferred first) that one of {@code offered} matches exactly; a wildcard
   * picks the first offered.
   */
  public static Representation choose(
      String format, List<MediaType> acceptable, List<Representation> offered) {
    if (format != null) {
      return offered.stream()
          .filter(r -> r.format.equals(format))
          .findFirst()
          .orElseThrow(
              () ->
                  ProblemException.invalidParameter(
                      "format",
                      "must be one of "
                          + String.join(", ", offered.stream().map(r -> r.format).toList())));
    }
    for (MediaType accepted : acceptable) {
      if (accepted.isWildcardType() || accepted.isWildcardSubtype()) {
        if (accepted.isWildcardType()) {
          return offered.get(0);
        }
        for (Representation r : offered) {
          if (r.mediaType.getType().equals(accepted.getType())) {
            return r;
          }
        }
        continue;
      }
      for (Representation r : offered) {
        if (r.mediaType.getType().equalsIgnoreCase(accepted.getType())
            && r.mediaType.getSubtype().equalsIgnoreCase(accepted.getSubtype())) {
          return r;
        }
      }
    }
    return offered.get(0);
  }
}
