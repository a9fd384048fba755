package org.disclosurehub.rollup;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.disclosurehub.region.Division;
import org.disclosurehub.region.Regions;
import org.disclosurehub.system.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The GB/T 2260 list: a division's name and level, the divisions it lies in and those within. It
 * lives with the roll-ups, the other resources under /api/v1/regions (region itself stays free of
 * HTTP, so that every package may use it).
 */
@Path("/api/v1/regions/{code}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Regions", description = "GB/T 2260 administrative divisions")
class RegionResource {

  @Schema(
      requiredProperties = {"code", "name", "level", "parents", "children"},
      description = "A GB/T 2260 division with the divisions it lies in and those within it")
  record RegionView(
      @Schema(description = "GB/T 2260 code", example = "640500") String code,
      @Schema(description = "名称", example = "中卫市") String name,
      @Schema(description = "province (省级), city (地级) or county (县级)", example = "city")
          Division.Level level,
      @Schema(description = "The divisions it lies in, province first")
          List<Regions.Region> parents,
      @Schema(description = "The divisions directly within it, by code")
          List<Regions.Region> children) {}

  @GET
  @Operation(
      summary = "Read a GB/T 2260 division: name, level, parent chain, children",
      description =
          "Any code of the GB/T 2260 list the service ships: a province, a city or a county, with"
              + " the divisions above it (province first) and those directly within it.",
      operationId = "getRegion")
  @APIResponse(responseCode = "200", description = "The division")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public RegionView get(
      @Parameter(description = "GB/T 2260 code", example = "640500") @PathParam("code")
          String code) {
    Regions.Region region =
        Regions.find(code)
            .orElseThrow(
                () -> ProblemException.notFound("No region " + code + " in the GB/T 2260 list"));
    return new RegionView(
        region.code(),
        region.name(),
        region.level(),
        Regions.parents(code),
        Regions.children(code));
  }
}
