package org.disclosurehub.review;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.List;
import org.disclosurehub.region.Division;
import org.disclosurehub.system.Parameters;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A region's roster for a year, as anyone may read it. */
@Path("/api/v1/regions/{code}/roster")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Roster")
class RegionRosterResource {
  private final Clock clock;

  RegionRosterResource(Clock clock) {
    this.clock = clock;
  }

  @GET
  @Path("{year}")
  @Transactional
  @Operation(
      operationId = "getRoster",
      summary = "A region's roster for a year: every agency, expected or not, and why",
      description =
          "Every agency within the region registered for the year, whether it is expected to"
              + " report, and the roster change (cause, reason, who) that made it so.")
  @APIResponse(responseCode = "200", description = "The agencies, by division and code")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public List<RosterResource.Entry> roster(
      @PathParam("code") String code, @PathParam("year") int year) {
    Division division = RosterResource.region(code);
    Parameters.year("year", year, clock);
    return ReviewQueries.agenciesOf(division, year).stream()
        .map(a -> RosterResource.entry(a, year))
        .toList();
  }
}
