package org.disclosurehub.system;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The API's front door: where the collections are. It touches no database, so the benchmarks also
 * use it to measure what HTTP and the framework alone cost.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Index", description = "Where to start")
class ApiIndexResource {
  private static final Map<String, String> LINKS =
      Map.of(
          "agencies", "/api/v1/agencies",
          "reports", "/api/v1/reports",
          "catalog", "/api/v1/catalog",
          "openapi", "/q/openapi");

  @GET
  @Operation(
      operationId = "getApiIndex",
      summary = "Links to the API's collections",
      description =
          "Where a client starts: the agencies, the current reports and this OpenAPI document, by"
              + " name.")
  @APIResponse(responseCode = "200", description = "The links")
  public Map<String, String> index() {
    return LINKS;
  }
}
