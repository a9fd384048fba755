package org.disclosurehub.pages;

import static io.restassured.RestAssured.given;
import static org.disclosurehub.Fixtures.admin;
import static org.disclosurehub.Fixtures.newAgencyCode;

import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** What the region page tests share: an agency registered through the API, a page read as HTML. */
final class RegionPageFixture {
  private RegionPageFixture() {}

  /** Registers an agency named {@code name} (the new code appended) active from a year on. */
  static String register(String division, String name, int activeFrom) {
    String code = newAgencyCode("page");
    admin()
        .contentType("application/json")
        .body(
            Map.of(
                "code",
                code,
                "name",
                name + code,
                "divisionCode",
                division,
                "activeFrom",
                activeFrom))
        .post("/api/v1/agencies")
        .then()
        .statusCode(201);
    return code;
  }

  /** A page of the site as a person's browser gets it (200), parsed. */
  static Document html(String path) {
    return Jsoup.parse(
        given().accept("text/html").get(path).then().statusCode(200).extract().asString());
  }
}
