package org.disclosurehub.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.disclosurehub.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * Java's HttpClient asks every plain-HTTP request to upgrade to HTTP/2 (h2c). The service stays on
 * HTTP/1.1, so a write with a body is answered as any other (it once answered 500: Quarkus REST
 * paused an HTTP/2 request whose body had been read).
 */
@QuarkusTest
class UpgradeRequestTest {
  @TestHTTPResource("/api/v1/agencies")
  URI agencies;

  @Test
  void shouldAnswerAWriteThatAsksForAnUpgradeOverHttp11() throws Exception {
    String code = Fixtures.newAgencyCode("upgrade");
    HttpResponse<String> response =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_2)
            .build()
            .send(
                HttpRequest.newBuilder(agencies)
                    .header("Authorization", "Bearer " + Fixtures.adminToken())
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"code\":\""
                                + code
                                + "\",\"name\":\"中宁县财政局\",\"divisionCode\":\"640521\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
  }
}
