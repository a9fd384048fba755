package org.disclosurehub.opendata;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.disclosurehub.rollup.ReportExports;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The DCAT catalog of the bulk downloads. */
@Path("/api/v1/catalog")
@Tag(name = "Open data")
class CatalogResource {
  private static final String CACHE = "public, max-age=60";

  private final ReportExports exports;

  CatalogResource(ReportExports exports) {
    this.exports = exports;
  }

  @GET
  @Produces(Catalog.MEDIA_TYPE)
  @Operation(
      operationId = "getCatalog",
      summary = "The DCAT catalog of the bulk downloads",
      description =
          "W3C DCAT as JSON-LD: a dataset per year that has reports and one of every year (all),"
              + " each with its gzip-compressed CSV (conforming to its CSVW metadata) and JSON"
              + " Lines, the SHA256SUMS manifest, and the live GET /api/v1/reports.csv.")
  @APIResponse(
      responseCode = "200",
      description = "The catalog",
      content =
          @Content(mediaType = Catalog.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
  public Response catalog(@Context UriInfo uri) {
    return Response.ok(Catalog.of(uri.getBaseUri(), exports.yearsWithReports()), Catalog.MEDIA_TYPE)
        .header(HttpHeaders.CACHE_CONTROL, CACHE)
        .build();
  }
}
