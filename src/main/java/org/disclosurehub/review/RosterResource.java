package org.disclosurehub.review;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.disclosurehub.agency.Agency;
import org.disclosurehub.region.Division;
import org.disclosurehub.region.Regions;
import org.disclosurehub.security.Actor;
import org.disclosurehub.security.Actors;
import org.disclosurehub.system.Parameters;
import org.disclosurehub.system.Problem;
import org.disclosurehub.system.ProblemException;
import org.disclosurehub.system.ProblemType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The roster of a year: who is expected to report. By default an agency's span of years (as the
 * roll-ups count it); the admin or a reviewer of the division changes it, with a reason.
 */
@Path("/api/v1/agencies/{code}/roster")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Roster", description = "Who is expected to report for a year")
class RosterResource {
  private final Actors actors;
  private final Clock clock;
  private final Event<RosterChanged> changed;

  RosterResource(Actors actors, Clock clock, Event<RosterChanged> changed) {
    this.actors = actors;
    this.clock = clock;
    this.changed = changed;
  }

  @Schema(
      requiredProperties = {"expected"},
      description = "A change to the roster: an agency excluded from a year, or included")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Change(
      @Schema(description = "Whether the agency must report for the year") Boolean expected,
      @Schema(
              enumeration = {"included", "merged", "abolished", "vertical", "not_reporting"},
              description =
                  "included (expected: true); else why not: merged into another agency (name it"
                      + " in mergedInto), abolished, vertically managed and reporting elsewhere,"
                      + " not a reporting body")
          String cause,
      @Schema(description = "merged only: the code of the agency it was merged into")
          String mergedInto,
      @Schema(description = "Why, for the record", example = "2024年机构改革并入市农业农村局") String reason) {}

  @Schema(
      description = "An agency on a year's roster",
      requiredProperties = {
        "agency",
        "name",
        "divisionCode",
        "expected",
        "expectedBySpan",
        "changes"
      })
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Entry(
      String agency,
      String name,
      String divisionCode,
      @Schema(description = "Whether it must report for the year") boolean expected,
      @Schema(description = "What its span of years alone says") boolean expectedBySpan,
      @Schema(
              description = "Why not expected (absent when included)",
              enumeration = {"included", "merged", "abolished", "vertical", "not_reporting"})
          String cause,
      String mergedInto,
      String reason,
      List<Recorded> changes) {}

  @Schema(
      description = "A roster change as recorded",
      requiredProperties = {"expected", "author", "at"})
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Recorded(
      boolean expected,
      @Schema(
              description = "Why not expected (absent when included)",
              enumeration = {"included", "merged", "abolished", "vertical", "not_reporting"})
          String cause,
      String mergedInto,
      String reason,
      String author,
      Instant at) {}

  @POST
  @Path("{year}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Transactional
  @SecurityRequirement(name = "bearer")
  @Operation(
      operationId = "changeRoster",
      summary = "Exclude an agency from a year's roster, or include it",
      description = "The admin or a reviewer of the agency's division; every change is kept.")
  @APIResponse(
      responseCode = "201",
      description = "Changed; the body is the agency's entry",
      content =
          @org.eclipse.microprofile.openapi.annotations.media.Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Entry.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response change(
      @PathParam("code") String code, @PathParam("year") int year, Change change) {
    Agency agency = Agency.existing(code);
    Parameters.year("year", year, clock);
    Actor actor = actors.current();
    if (!actor.reviews(agency.divisionCode)) {
      throw new ProblemException(
          ProblemType.FORBIDDEN,
          "Only the admin or a reviewer of the division of '" + code + "' changes its roster");
    }
    RosterChange row = checked(agency, change);
    row.agencyId = agency.id;
    row.year = year;
    row.author = actor.author();
    row.at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    row.persist();
    changed.fire(new RosterChanged(agency.id, year));
    return Response.status(Response.Status.CREATED).entity(entry(agency, year)).build();
  }

  static Division region(String code) {
    if (!Division.isValid(code) || !Regions.contains(code)) {
      throw ProblemException.notFound("No region with code '" + code + "'");
    }
    return new Division(code);
  }

  private Entry entry(Agency agency, int year) {
    return ReviewQueries.agenciesOf(new Division(agency.divisionCode), year).stream()
        .filter(a -> a.agencyId() == agency.id)
        .findFirst()
        .map(a -> entry(a, year))
        .orElseThrow();
  }

  static Entry entry(ReviewQueries.AgencyYear a, int year) {
    List<Recorded> changes =
        RosterChange.of(a.agencyId(), year).stream()
            .map(
                c ->
                    new Recorded(
                        c.expected,
                        c.cause,
                        c.mergedInto == null ? null : Agency.<Agency>findById(c.mergedInto).code,
                        c.reason,
                        c.author,
                        c.at))
            .toList();
    return new Entry(
        a.code(),
        a.name(),
        a.divisionCode(),
        a.expected(),
        a.expectedBySpan(),
        a.cause(),
        a.mergedInto(),
        a.rosterReason(),
        changes);
  }

  private static RosterChange checked(Agency agency, Change change) {
    if (change == null) {
      throw invalid("", "a JSON body is required");
    }
    if (change.expected() == null) {
      throw invalid("/expected", "is required");
    }
    String cause =
        change.cause() == null ? (change.expected() ? "included" : null) : change.cause();
    if (cause == null || !RosterChange.CAUSES.contains(cause)) {
      throw invalid("/cause", "must be one of " + String.join(", ", RosterChange.CAUSES));
    }
    if (change.expected() != cause.equals("included")) {
      throw invalid(
          "/cause", change.expected() ? "must be included" : "says why the agency is excluded");
    }
    RosterChange row = new RosterChange();
    row.expected = change.expected();
    row.cause = cause;
    if (cause.equals("merged")) {
      if (change.mergedInto() == null || change.mergedInto().isBlank()) {
        throw invalid("/mergedInto", "names the agency it was merged into");
      }
      Agency into =
          Agency.findByCode(change.mergedInto())
              .orElseThrow(() -> invalid("/mergedInto", "is no registered agency"));
      if (into.id.equals(agency.id)) {
        throw invalid("/mergedInto", "cannot be the agency itself");
      }
      row.mergedInto = into.id;
    } else if (change.mergedInto() != null) {
      throw invalid("/mergedInto", "only with cause merged");
    }
    if (change.reason() == null || change.reason().isBlank()) {
      throw invalid("/reason", "every roster change says why");
    }
    if (change.reason().strip().length() > 2000) {
      throw invalid("/reason", "has more than 2000 characters");
    }
    row.reason = change.reason().strip();
    return row;
  }

  private static ProblemException invalid(String at, String message) {
    return ProblemException.invalidFields(
        at + " " + message, List.of(new Problem.FieldError(at, message)));
  }
}
