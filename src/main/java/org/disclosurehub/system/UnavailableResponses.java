package org.disclosurehub.system;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * Adds the 503 "Unavailable" response to every operation under {@code /api/}: any of them answers
 * it while the database is unreachable, so no resource has to declare it.
 */
public class UnavailableResponses implements OASFilter {
  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
      return;
    }
    openAPI.getPaths().getPathItems().entrySet().stream()
        .filter(path -> path.getKey().startsWith("/api/"))
        .flatMap(path -> path.getValue().getOperations().values().stream())
        .filter(operation -> operation.getResponses() != null)
        .forEach(
            operation ->
                operation
                    .getResponses()
                    .addAPIResponse("503", OASFactory.createAPIResponse().ref("Unavailable")));
  }
}
