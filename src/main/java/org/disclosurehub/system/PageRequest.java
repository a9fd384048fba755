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
  @Parameter(description = "Zero-based page number")
  @Schema(type = SchemaType.INTEGER, format = "int32", defaultValue = "0")
  String page;

  @QueryParam("size")
  @DefaultValue("50")
  @Parameter(description = "Items per page (1 to 500)")
  @Schema(type = SchemaType.INTEGER, format = "int32", defaultValue = "50")
  String size;

  /** The page asked for, after checking it against the largest page size. */
  public io.quarkus.panache.common.Page checked(int maxSize) {
    Integer index = Parameters.integer("page", page);
    Integer length = Parameters.integer("size", size);
    if (index == null || index < 0) {
      throw ProblemException.invalidParameter("page", "must be 0 or more");
    }
    if (length == null || length < 1 || length > maxSize) {
      throw ProblemException.invalidParameter("size", "must be between 1 and " + maxSize);
    }
    return io.quarkus.panache.common.Page.of(index, length);
  }
}
