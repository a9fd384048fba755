package org.disclosurehub.submission;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.disclosurehub.region.Division;
import org.disclosurehub.system.HubConfig;
import org.disclosurehub.system.Page;
import org.disclosurehub.system.PageRequest;
import org.disclosurehub.system.Parameters;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports")
class ReportListResource {
  private final HubConfig config;

  ReportListResource(HubConfig config) {
    this.config = config;
  }

  @GET
  @Operation(
      operationId = "listReports",
      summary = "List current reports, newest year first, then by agency code",
      description =
          "The current revision of each report, withdrawn ones left out, optionally of one year"
              + " and within one division; with the total. Paged: page from 0, size up to 500.")
  @APIResponse(responseCode = "200", description = "A page of current reports")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  public Page<ReportSummary> list(
      @Parameter(
              description = "Only this year",
              example = "2024",
              schema = @Schema(type = SchemaType.INTEGER))
          @QueryParam("year")
          String yearParameter,
      @Parameter(
              description = "Only agencies within this GB/T 2260 division (prefix match)",
              example = "640500")
          @QueryParam("division")
          String division,
      @BeanParam PageRequest pageRequest,
      @Context UriInfo uri) {
    Integer year = Parameters.integer("year", yearParameter);
    var page = pageRequest.checked(config.maxPageSize());
    Division within = division == null ? null : Parameters.division("division", division);
    ReportListing.Found found = ReportListing.page(year, within, page.index * page.size, page.size);
    return Page.of(found.items(), page.index, page.size, found.total(), uri);
  }
}
