package org.disclosurehub.submission;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;

/**
 * The request example of {@code PUT …/reports/{year}}: the whole 2024 report of 中卫市民政局 from {@code
 * examples/} (on the classpath through the pom's resources), so that the document shows a real
 * report rather than one made up from the schema, and stays the file README's Try it sends.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ReportExample implements OASFilter {
  static final String RESOURCE = "/examples/zhongwei-civil-affairs-2024.json";
  static final String PATH = "/api/v1/agencies/{code}/reports/{year}";

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    PathItem item = openAPI.getPaths() == null ? null : openAPI.getPaths().getPathItem(PATH);
    if (item == null || item.getPUT() == null || item.getPUT().getRequestBody() == null) {
      return;
    }
    MediaType json =
        item.getPUT()
            .getRequestBody()
            .getContent()
            .getMediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON);
    json.addExample(
        "zhongwei-civil-affairs-2024",
        OASFactory.createExample()
            .summary("中卫市民政局, 2024 (examples/zhongwei-civil-affairs-2024.json)")
            .description(
                "A real report in the national format: Tables 二, 三 and 四 cell by cell and"
                    + " publishedItems.total from section 一; every total given")
            .value(read()));
  }

  private static Object read() {
    try (InputStream in = ReportExample.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the classpath (pom.xml resources)");
      }
      return new ObjectMapper().readValue(in, LinkedHashMap.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
