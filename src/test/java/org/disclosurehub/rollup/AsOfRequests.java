package org.disclosurehub.rollup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.Fixtures.admin;
import static org.disclosurehub.Fixtures.newAgencyCode;
import static org.disclosurehub.Fixtures.reportPath;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** The requests the as-of tests make to build a region's history, in one place. */
final class AsOfRequests {
  static final int YEAR = 2024;

  private AsOfRequests() {}

  static String rollup(String region) {
    return "/api/v1/regions/" + region + "/rollups/" + YEAR;
  }

  /** Registers an agency active from {@link #YEAR} under a new code with the given prefix. */
  static String register(String prefix, String name, String division) {
    String code = newAgencyCode(prefix);
    registerAs(code, name, division);
    return code;
  }

  static void registerAs(String code, String name, String division) {
    admin()
        .contentType("application/json")
        .body(Map.of("code", code, "name", name, "divisionCode", division, "activeFrom", YEAR))
        .post("/api/v1/agencies")
        .then()
        .statusCode(201);
  }

  /** Files or corrects the agency's report of {@link #YEAR}, published before the deadline. */
  static void file(String agency, ObjectNode report) {
    int status =
        admin()
            .contentType("application/json")
            .body(report.put("publishedOn", "2025-01-05").toString())
            .put(reportPath(agency, YEAR))
            .then()
            .extract()
            .statusCode();
    assertThat(status).isIn(200, 201);
  }

  /** Moves or renames an agency (a JSON merge patch of its registry entry). */
  static void patch(String agency, Map<String, String> change) throws Exception {
    admin()
        .contentType("application/merge-patch+json")
        .body(new ObjectMapper().writeValueAsBytes(change))
        .patch("/api/v1/agencies/" + agency)
        .then()
        .statusCode(200);
  }
}
