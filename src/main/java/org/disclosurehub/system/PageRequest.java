package org.disclosurehub.system;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The {@code page} and {@code size} query parameters of every listing. */
public class PageRequest {
  @QueryParam("page")
  @DefaultValue("0")
  @Parameter(
      description = "Zero-based page number",
      schema = @Schema(type = SchemaType.INTEGER, minimum = "0"))
  String page;

  @QueryParam("size")
  @DefaultValue("50")
  @Parameter(
      description = "Items per page (1 to 500)",
      schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500"))
  String size;

  /**
   * The page asked for, after checking it against the largest page size and that its first item
   * ({@code page × size}) is a position a query can take.
   */
  public io.quarkus.panache.common.Page checked(int maxSize) {
    Integer index = Parameters.integer("page", page);
    Integer items = Parameters.integer("size", size);
    if (index == null) {
      throw ProblemException.invalidParameter("page", "must be a whole number such as 0");
    }
    if (items == null || items < 1 || items > maxSize) {
      throw ProblemException.invalidParameter("size", "must be between 1 and " + maxSize);
    }
    if ((long) index * items > Integer.MAX_VALUE) {
      throw ProblemException.invalidParameter(
          "page", "is beyond any listing: page × size must be at most " + Integer.MAX_VALUE);
    }
    return io.quarkus.panache.common.Page.of(index, items);
  }
}
