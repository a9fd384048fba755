package org.disclosurehub.submission;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

  private static final String SUMMARY =
      """
      select new org.disclosurehub.submission.ReportSummary(a.code, a.name, a.divisionCode,
          r.year, v.revision, v.submittedAt, v.contentSha256, v.violationCount)
      """;

  /** Current reports; a withdrawn report leaves the listing, its history stays readable. */
  private static final String CURRENT_REPORTS =
      """
      from StoredReport r join r.agency a
           join ReportRevision v on v.report = r and v.revision = r.currentRevision
      where v.withdrawn = false""";

  @GET
  @Operation(
      operationId = "listReports",
      summary = "List current reports, newest year first, then by agency code")
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
    StringBuilder from = new StringBuilder(CURRENT_REPORTS);
    Map<String, Object> parameters = new HashMap<>();
    if (year != null) {
      from.append(" and r.year = :year");
      parameters.put("year", year);
    }
    if (division != null) {
      Division within = Parameters.division("division", division);
      from.append(" and a.divisionCode between :lowest and :highest");
      parameters.put("lowest", within.lowest());
      parameters.put("highest", within.highest());
    }
    var em = Panache.getEntityManager();
    var select =
        em.createQuery(
            "%s%s order by r.year desc, a.code".formatted(SUMMARY, from), ReportSummary.class);
    var count = em.createQuery("select count(r) %s".formatted(from), Long.class);
    parameters.forEach(
        (name, value) -> {
          select.setParameter(name, value);
          count.setParameter(name, value);
        });
    List<ReportSummary> items =
        select.setFirstResult(page.index * page.size).setMaxResults(page.size).getResultList();
    return Page.of(items, page.index, page.size, count.getSingleResult(), uri);
  }
}
