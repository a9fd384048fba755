package org.disclosurehub.agency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.disclosurehub.region.Division;
import org.disclosurehub.system.HubConfig;
import org.disclosurehub.system.Page;
import org.disclosurehub.system.PageRequest;
import org.disclosurehub.system.Parameters;
import org.disclosurehub.system.Problem;
import org.disclosurehub.system.ProblemException;
import org.disclosurehub.system.ProblemType;
import org.disclosurehub.system.RequestValidation;
import org.disclosurehub.system.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/agencies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Agencies", description = "The registry of agencies that report")
class AgencyResource {
  public static final String MERGE_PATCH_JSON = "application/merge-patch+json";

  private final RequestValidation validation;
  private final ObjectMapper json;
  private final HubConfig config;
  private final Clock clock;
  private final Event<AgencyChanged> changed;
  private final Event<AgencyMoved> moved;

  AgencyResource(
      RequestValidation validation,
      ObjectMapper json,
      HubConfig config,
      Clock clock,
      Event<AgencyChanged> changed,
      Event<AgencyMoved> moved) {
    this.validation = validation;
    this.json = json;
    this.config = config;
    this.clock = clock;
    this.changed = changed;
    this.moved = moved;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Transactional
  @RolesAllowed(Roles.ADMIN)
  @SecurityRequirement(name = "bearer")
  @Operation(
      operationId = "registerAgency",
      summary = "Register an agency (admin)",
      description =
          "The code is the agency's stable slug and never changes; the division is a GB/T 2260"
              + " code. An agency is expected to report for the years from activeFrom to activeTo."
              + " A code already registered is a 409.")
  @APIResponse(
      responseCode = "201",
      description = "Registered; Location names it",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AgencyView.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  @APIResponse(responseCode = "417", ref = "ExpectationFailed")
  public Response register(AgencyDraft draft, @Context UriInfo uri) {
    checked(draft);
    if (Agency.findByCode(draft.code()).isPresent()) {
      throw new ProblemException(
          ProblemType.CONFLICT, "An agency with code '" + draft.code() + "' is already registered");
    }
    Agency agency = new Agency();
    agency.code = draft.code();
    agency.createdAt = now();
    apply(draft, agency);
    try {
      agency.persistAndFlush();
    } catch (org.hibernate.exception.ConstraintViolationException raced) {
      // Only the unique code can be violated here: a concurrent registration took it.
      throw new ProblemException(
          ProblemType.CONFLICT, "An agency with code '" + draft.code() + "' is already registered");
    }
    changed.fire(new AgencyChanged(agency.id));
    return Response.created(uri.getAbsolutePathBuilder().path(agency.code).build())
        .entity(AgencyView.of(agency))
        .build();
  }

  @GET
  @Operation(
      operationId = "listAgencies",
      summary = "List agencies, optionally within a division, by code",
      description =
          "A division includes everything within it: a city its districts and counties, a"
              + " province all its cities. Paged: page from 0, size up to 500.")
  @APIResponse(responseCode = "200", description = "A page of agencies")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  public Page<AgencyView> list(
      @Parameter(
              description =
                  "GB/T 2260 code: a province lists the whole province, a city its districts and"
                      + " counties too, a county its own agencies",
              example = "640500")
          @QueryParam("division")
          String division,
      @BeanParam PageRequest pageRequest,
      @Context UriInfo uri) {
    var page = pageRequest.checked(config.maxPageSize());
    var query =
        division == null
            ? Agency.<Agency>findAll(io.quarkus.panache.common.Sort.by("code"))
            : Agency.within(Parameters.division("division", division));
    List<AgencyView> items = query.page(page).<Agency>list().stream().map(AgencyView::of).toList();
    return Page.of(items, page.index, page.size, query.count(), uri);
  }

  @GET
  @Path("{code}")
  @Operation(
      operationId = "getAgency",
      summary = "Read one agency",
      description = "Its name, division, credit code and years of activity, as registered.")
  @APIResponse(responseCode = "200", description = "The agency")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public AgencyView get(@PathParam("code") String code) {
    return AgencyView.of(Agency.existing(code));
  }

  @PATCH
  @Path("{code}")
  @Consumes({MERGE_PATCH_JSON, MediaType.APPLICATION_JSON})
  @Transactional
  @RolesAllowed(Roles.ADMIN)
  @SecurityRequirement(name = "bearer")
  @Operation(
      operationId = "changeAgency",
      summary = "Rename an agency or end its activity (admin)",
      description =
          "JSON Merge Patch (RFC 7396): the fields given replace the stored ones, null clears"
              + " activeTo, creditCode or activeFrom. The code cannot change; reports stay.")
  @RequestBody(
      content =
          @Content(
              mediaType = MERGE_PATCH_JSON,
              schema = @Schema(implementation = AgencyPatch.class),
              example = "{\"name\": \"中卫市民政局（更名）\", \"activeTo\": 2025}"))
  @APIResponse(responseCode = "200", description = "The changed agency")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  @APIResponse(responseCode = "417", ref = "ExpectationFailed")
  public AgencyView change(@PathParam("code") String code, JsonNode patch)
      throws JsonProcessingException {
    Agency agency = Agency.existing(code);
    if (patch == null || !patch.isObject()) {
      throw ProblemException.invalidFields(
          "A merge patch is a JSON object",
          List.of(new Problem.FieldError("", "must be an object")));
    }
    ObjectNode merged = json.valueToTree(AgencyView.of(agency).asDraft());
    for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      merged.set(field.getKey(), field.getValue());
    }
    // Unknown fields and wrong types surface as Jackson errors, which ProblemMappers answers.
    AgencyDraft draft = json.treeToValue(merged, AgencyDraft.class);
    checked(draft);
    if (!draft.code().equals(agency.code)) {
      throw ProblemException.invalidFields(
          "The code of an agency cannot change",
          List.of(new Problem.FieldError("/code", "cannot change")));
    }
    String division = agency.divisionCode;
    apply(draft, agency);
    changed.fire(new AgencyChanged(agency.id));
    if (!division.equals(agency.divisionCode)) {
      moved.fire(new AgencyMoved(agency.id, division, agency.divisionCode, agency.updatedAt));
    }
    return AgencyView.of(agency);
  }

  private void checked(AgencyDraft draft) {
    validation.require(draft);
    if (!Division.isValid(draft.divisionCode())) {
      throw ProblemException.invalidFields(
          "divisionCode " + draft.divisionCode() + " is not a GB/T 2260 division code",
          List.of(new Problem.FieldError("/divisionCode", "is not a GB/T 2260 division code")));
    }
    if (draft.activeFrom() != null
        && draft.activeTo() != null
        && draft.activeTo() < draft.activeFrom()) {
      throw ProblemException.invalidFields(
          "activeTo is before activeFrom",
          List.of(new Problem.FieldError("/activeTo", "must not be before activeFrom")));
    }
  }

  private void apply(AgencyDraft draft, Agency agency) {
    agency.name = draft.name().strip();
    agency.divisionCode = draft.divisionCode();
    agency.creditCode = draft.creditCode();
    agency.activeFrom = draft.activeFrom();
    agency.activeTo = draft.activeTo();
    agency.updatedAt = now();
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
