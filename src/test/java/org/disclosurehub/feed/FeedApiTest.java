package org.disclosurehub.feed;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.Fixtures.admin;
import static org.disclosurehub.Fixtures.naturalResources2024;
import static org.disclosurehub.Fixtures.registerAgency;
import static org.disclosurehub.Fixtures.reportPath;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The Atom feeds through HTTP against PostgreSQL: each revision an entry, full pages archived (RFC
 * 5005) and unchanged by later revisions, ETag and 304.
 */
@QuarkusTest
class FeedApiTest {
  private static final String ATOM = "http://www.w3.org/2005/Atom";
  // A county of its own (呼和浩特市新城区), so that no other test's reports fall within it.
  private static final String COUNTY = "150102";

  @Test
  void shouldListEveryRevisionAsAnEntryAndArchiveFullPagesThatNeverChange() throws Exception {
    String agency = registerAgency(COUNTY);
    String feed = "/api/v1/agencies/" + agency + "/feed";
    Document empty = atom(given().get(feed), 200);
    assertThat(entries(empty)).isEmpty();
    assertThat(link(empty, "prev-archive")).isEmpty();

    file(agency, 201); // revision 1: filed
    corrected(agency); // revision 2: corrected
    admin()
        .header("X-Change-Reason", "filed by mistake")
        .delete(reportPath(agency, 2024))
        .then()
        .statusCode(200); // revision 3: withdrawn
    file(agency, 201); // revision 4: filed again

    Response first = given().get(feed);
    Document current = atom(first, 200);
    assertThat(first.header("Cache-Control")).doesNotContain("immutable");
    List<Element> entries = entries(current);
    assertThat(entries)
        .extracting(e -> text(e, "id"))
        .containsExactly(
            AtomFeed.TAG + agency + "/2024/4",
            AtomFeed.TAG + agency + "/2024/3",
            AtomFeed.TAG + agency + "/2024/2",
            AtomFeed.TAG + agency + "/2024/1");
    assertThat(entries)
        .extracting(
            e ->
                ((Element) e.getElementsByTagNameNS(ATOM, "category").item(0)).getAttribute("term"))
        .containsExactly("refiled", "withdrawn", "corrected", "filed");
    assertThat(text(entries.get(1), "summary")).contains("reason: filed by mistake");
    String revision = reportPath(agency, 2024) + "/revisions/2";
    assertThat(links(entries.get(2)))
        .contains(
            "alternate text/html " + revision,
            "alternate application/json " + revision,
            "related application/json " + revision + "/content");
    given().accept("application/json").get(revision).then().statusCode(200);
    assertThat(link(current, "current")).contains(feed);

    String etag = first.header("ETag");
    given().header("If-None-Match", etag).get(feed).then().statusCode(304);

    // The region's feed shows the same entries.
    Document region = atom(given().get("/api/v1/regions/" + COUNTY + "/feed"), 200);
    assertThat(entries(region))
        .extracting(e -> text(e, "id"))
        .contains(AtomFeed.TAG + agency + "/2024/4", AtomFeed.TAG + agency + "/2024/1");

    // Up to a full page and one more: the first page becomes an archive.
    for (int next = 5; next < FeedAnswers.PAGE_SIZE; next += 2) {
      admin().delete(reportPath(agency, 2024)).then().statusCode(200);
      file(agency, 201);
    }
    corrected(agency);
    given().header("If-None-Match", etag).get(feed).then().statusCode(200);
    current = atom(given().get(feed), 200);
    assertThat(entries(current))
        .extracting(e -> text(e, "id"))
        .containsExactly(AtomFeed.TAG + agency + "/2024/" + (FeedAnswers.PAGE_SIZE + 1));
    String archivePath = feed + "/archive/1";
    assertThat(link(current, "prev-archive")).contains(archivePath);

    Response archived = given().get(archivePath);
    Document archive = atom(archived, 200);
    assertThat(archived.header("Cache-Control")).contains("immutable");
    assertThat(
            archive
                .getElementsByTagNameNS("http://purl.org/syndication/history/1.0", "archive")
                .getLength())
        .isEqualTo(1);
    assertThat(link(archive, "current")).contains(feed);
    assertThat(link(archive, "prev-archive")).isEmpty();
    assertThat(entries(archive)).hasSize(FeedAnswers.PAGE_SIZE);
    assertThat(text(entries(archive).get(FeedAnswers.PAGE_SIZE - 1), "id"))
        .isEqualTo(AtomFeed.TAG + agency + "/2024/1");

    // A later revision changes neither the archive's bytes nor its tag.
    admin().delete(reportPath(agency, 2024)).then().statusCode(200);
    Response again = given().get(archivePath);
    assertThat(again.asString()).isEqualTo(archived.asString());
    given()
        .header("If-None-Match", archived.header("ETag"))
        .get(archivePath)
        .then()
        .statusCode(304);

    given().get(feed + "/archive/2").then().statusCode(404);
    given().get(feed + "/archive/0").then().statusCode(404);
    given().get(feed + "/archive/x").then().statusCode(404);
    given().get("/api/v1/agencies/no-such-agency-feed/feed").then().statusCode(404);
    given().get("/api/v1/regions/999999/feed").then().statusCode(404);
  }

  private static void file(String agency, int status) {
    admin()
        .contentType("application/json")
        .body(naturalResources2024().toString())
        .put(reportPath(agency, 2024))
        .then()
        .statusCode(status);
  }

  private static void corrected(String agency) {
    var report = naturalResources2024();
    report.put("publishedOn", "2025-01-21");
    admin()
        .contentType("application/json")
        .header("X-Change-Reason", "typo")
        .body(report.toString())
        .put(reportPath(agency, 2024))
        .then()
        .statusCode(200);
  }

  private static Document atom(Response response, int status) throws Exception {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/atom+xml");
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    Document document =
        factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.asByteArray()));
    assertThat(document.getDocumentElement().getNamespaceURI()).isEqualTo(ATOM);
    assertThat(document.getDocumentElement().getLocalName()).isEqualTo("feed");
    return document;
  }

  private static List<Element> entries(Document feed) {
    NodeList nodes = feed.getElementsByTagNameNS(ATOM, "entry");
    List<Element> entries = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      entries.add((Element) nodes.item(i));
    }
    return entries;
  }

  private static String text(Element element, String child) {
    return element.getElementsByTagNameNS(ATOM, child).item(0).getTextContent();
  }

  /** The feed's own link with that relation (not an entry's). */
  private static Optional<String> link(Document feed, String rel) {
    NodeList children = feed.getDocumentElement().getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element e
          && e.getLocalName().equals("link")
          && e.getAttribute("rel").equals(rel)) {
        return Optional.of(e.getAttribute("href"));
      }
    }
    return Optional.empty();
  }

  private static List<String> links(Element entry) {
    NodeList nodes = entry.getElementsByTagNameNS(ATOM, "link");
    List<String> links = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      Element e = (Element) nodes.item(i);
      links.add(
          e.getAttribute("rel") + " " + e.getAttribute("type") + " " + e.getAttribute("href"));
    }
    return links;
  }
}
