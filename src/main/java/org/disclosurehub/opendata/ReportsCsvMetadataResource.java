package org.disclosurehub.opendata;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The CSVW data dictionary of the live reports.csv, where CSVW processors look for it. */
@Path("/api/v1/reports.csv-metadata.json")
@Tag(name = "Open data")
class ReportsCsvMetadataResource {
  private static final String CACHE = "public, max-age=60";

  @GET
  @Produces(Csvw.MEDIA_TYPE)
  @Operation(
      operationId = "getReportsCsvMetadata",
      summary = "The data dictionary of reports.csv, in CSVW",
      description =
          "W3C CSV on the Web metadata of GET /api/v1/reports.csv (found where CSVW looks for it:"
              + " the CSV's address followed by -metadata.json): every column's name, its header"
              + " as written and Chinese title, datatype, unit (schema:unitText) and the JSON"
              + " Pointer into a report it comes from (schema:propertyID).")
  @APIResponse(
      responseCode = "200",
      description = "The CSVW metadata",
      content = @Content(mediaType = Csvw.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
  public Response reportsCsvMetadata() {
    return Response.ok(Csvw.of("reports.csv", "政府信息公开工作年度报告（现行）"), Csvw.MEDIA_TYPE)
        .header(HttpHeaders.CACHE_CONTROL, CACHE)
        .build();
  }
}
