package org.disclosurehub.reminders;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.disclosurehub.region.Division;
import org.disclosurehub.region.Regions;
import org.disclosurehub.system.Parameters;
import org.disclosurehub.system.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Who is still missing in a region for a year: what the deadline reminders list, as JSON, as a CSV
 * and as a page.
 */
@Path("/api/v1/regions/{code}/missing/{year}")
@Tag(name = "Reminders", description = "The deadline and who is still missing")
class MissingResource {
  static final String CSV = "text/csv";

  private final MissingAgencies missing;
  private final Clock clock;

  MissingResource(MissingAgencies missing, Clock clock) {
    this.missing = missing;
    this.clock = clock;
  }

  @Schema(
      requiredProperties = {"region", "regionName", "year", "deadline", "today", "missing"},
      description = "The agencies of a region expected for a year and without a report")
  record MissingList(
      @Schema(example = "640500") String region,
      @Schema(example = "中卫市") String regionName,
      @Schema(example = "2025") int year,
      @Schema(description = "31 January of the next year, Beijing time", example = "2026-01-31")
          LocalDate deadline,
      @Schema(description = "Today in Beijing, when the list was read", example = "2026-01-24")
          LocalDate today,
      @Schema(description = "Expected agencies without a current report, by division and code")
          List<MissingAgencies.Missing> missing) {}

  @GET
  @Transactional
  @Produces({
    MediaType.APPLICATION_JSON,
    CSV + ";charset=utf-8",
    MediaType.TEXT_HTML + ";charset=utf-8"
  })
  @Operation(
      operationId = "getMissingAgencies",
      summary = "The agencies of a region still missing for a year",
      description =
          "Expected agencies (the roll-ups' rule) without a current report: what the deadline"
              + " reminders send. JSON; a CSV with Accept: text/csv or format=csv (agency code,"
              + " name, division code and name); a page with Accept: text/html or format=html.")
  @APIResponse(
      responseCode = "200",
      description = "The list",
      content = {
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MissingList.class)),
        @Content(
            mediaType = CSV,
            schema =
                @Schema(
                    type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)),
        @Content(
            mediaType = MediaType.TEXT_HTML,
            schema =
                @Schema(
                    type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING))
      })
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response missing(
      @PathParam("code") String code,
      @PathParam("year") int year,
      @Parameter(description = "json, csv or html (instead of Accept)") @QueryParam("format")
          String format,
      @Context HttpHeaders headers) {
    if (!Division.isValid(code) || !Regions.contains(code)) {
      throw ProblemException.notFound("No region with code '" + code + "'");
    }
    Parameters.year("year", year, clock);
    String chosen = chosen(format, headers.getAcceptableMediaTypes());
    MissingList list =
        new MissingList(
            code,
            Regions.name(code),
            year,
            DeadlineCalendar.deadlineOf(year),
            LocalDate.now(clock),
            missing.of(code, year));
    return switch (chosen) {
      case "csv" ->
          Response.ok(MissingDocuments.csv(list.missing()), CSV + ";charset=utf-8")
              .header(
                  "Content-Disposition",
                  "attachment; filename=\"missing-" + code + "-" + year + ".csv\"")
              .build();
      case "html" ->
          Response.ok(
                  MissingDocuments.page(
                      code, list.regionName(), year, list.deadline(), list.missing()),
                  MediaType.TEXT_HTML + ";charset=utf-8")
              .build();
      default -> Response.ok(list, MediaType.APPLICATION_JSON).build();
    };
  }

  private static String chosen(String format, List<MediaType> acceptable) {
    if (format != null) {
      if (!List.of("json", "csv", "html").contains(format)) {
        throw ProblemException.invalidParameter("format", "must be one of json, csv, html");
      }
      return format;
    }
    for (MediaType accepted : acceptable) {
      if (accepted.isWildcardType()) {
        return "json";
      }
      if (accepted.getType().equals("text") && accepted.getSubtype().equals("csv")) {
        return "csv";
      }
      if (accepted.getType().equals("text") && accepted.getSubtype().equals("html")) {
        return "html";
      }
      if (accepted.getSubtype().equals("json")) {
        return "json";
      }
    }
    return "json";
  }
}
