package org.disclosurehub.review;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import org.disclosurehub.system.Parameters;
import org.disclosurehub.system.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** 年报质量检查情况通报: a region's year as the office publishes it, as a page, a workbook or JSON. */
@Path("/api/v1/regions/{code}/inspection")
@Tag(name = "Roster")
class InspectionResource {
  private static final String HTML = MediaType.TEXT_HTML + ";charset=utf-8";

  @CheckedTemplate(basePath = "review")
  static class Templates {
    static native TemplateInstance inspection(InspectionNotice notice);
  }

  private final Inspections inspections;
  private final Clock clock;

  InspectionResource(Inspections inspections, Clock clock) {
    this.inspections = inspections;
    this.clock = clock;
  }

  @GET
  @Path("{year}")
  @Transactional
  @Produces({MediaType.TEXT_HTML, InspectionWorkbook.MEDIA_TYPE, MediaType.APPLICATION_JSON})
  @Operation(
      operationId = "getInspectionNotice",
      summary = "The inspection notice of a region's year (年报质量检查情况通报)",
      description =
          "Summary figures, then every agency on the roster: on time, late or missing, its review"
              + " state, the accounting rules it breaks and the warnings nobody explained, with the"
              + " cell and what is wrong; agencies with most to fix first; then those excluded from"
              + " the roster and why. HTML by default; format=xlsx for a workbook, format=json.")
  @APIResponse(
      responseCode = "200",
      description = "The notice",
      content = {
        @Content(mediaType = MediaType.TEXT_HTML),
        @Content(mediaType = InspectionWorkbook.MEDIA_TYPE),
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = InspectionNotice.class))
      })
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response notice(
      @PathParam("code") String code,
      @PathParam("year") int year,
      @Parameter(description = "html (default), xlsx or json") @QueryParam("format") String format,
      @HeaderParam(HttpHeaders.ACCEPT) String accept) {
    InspectionNotice notice =
        inspections.notice(RosterResource.region(code), Parameters.year("year", year, clock));
    String chosen = format != null ? format : fromAccept(accept);
    return switch (chosen) {
      case "html" -> Response.ok(Templates.inspection(notice).render(), HTML).build();
      case "xlsx" ->
          Response.ok(InspectionWorkbook.of(notice), InspectionWorkbook.MEDIA_TYPE)
              .header(
                  "Content-Disposition",
                  "attachment; filename=\"inspection-" + code + "-" + year + ".xlsx\"")
              .build();
      case "json" -> Response.ok(notice, MediaType.APPLICATION_JSON).build();
      default -> throw ProblemException.invalidParameter("format", "must be html, xlsx or json");
    };
  }

  private static String fromAccept(String accept) {
    if (accept == null || accept.contains("text/html") || accept.contains("*/*")) {
      return accept != null
              && accept.contains(InspectionWorkbook.MEDIA_TYPE)
              && !accept.contains("text/html")
          ? "xlsx"
          : "html";
    }
    if (accept.contains(InspectionWorkbook.MEDIA_TYPE)) {
      return "xlsx";
    }
    if (accept.contains("application/json")) {
      return "json";
    }
    return "html";
  }
}
