package org.disclosurehub.system;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a listing, with the total count and links so that a client can page through it. */
@Schema(
    description = "A page of a listing",
    requiredProperties = {"items", "page", "size", "total", "links"})
public record Page<T>(
    @Schema(description = "The items of this page, in a stable order") List<T> items,
    @Schema(description = "Zero-based page number", example = "0") int page,
    @Schema(description = "Page size asked for", example = "50") int size,
    @Schema(description = "Total number of items across all pages", example = "3") long total,
    @Schema(description = "This page, the next and the previous one") Links links) {

  /**
   * Relative URLs of this listing with the same parameters; next and prev only where they exist.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Schema(
      description = "Links to pages of the same listing (relative URLs)",
      requiredProperties = {"self"})
  public record Links(
      @Schema(example = "/api/v1/agencies?division=640500&page=1&size=50") String self,
      @Schema(
              description = "Absent on the last page",
              example = "/api/v1/agencies?division=640500&page=2&size=50")
          String next,
      @Schema(
              description = "Absent on the first page",
              example = "/api/v1/agencies?division=640500&page=0&size=50")
          String prev) {}

  /** A page of the listing at {@code uri}, with its links. */
  public static <T> Page<T> of(List<T> items, int page, int size, long total, UriInfo uri) {
    return new Page<>(items, page, size, total, linksOf(uri, page, size, total));
  }

  /** The links of a page of the listing at {@code uri}. */
  public static Links linksOf(UriInfo uri, int page, int size, long total) {
    boolean hasNext = (long) (page + 1) * size < total;
    return new Links(
        link(uri, page, size),
        hasNext ? link(uri, page + 1, size) : null,
        page > 0 ? link(uri, page - 1, size) : null);
  }

  private static String link(UriInfo uri, int page, int size) {
    var target =
        uri.getRequestUriBuilder()
            .replaceQueryParam("page", page)
            .replaceQueryParam("size", size)
            .build();
    return target.getRawPath() + "?" + target.getRawQuery();
  }
}
