package org.disclosurehub.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.Fixtures.adminToken;
import static org.disclosurehub.Fixtures.registerAgency;
import static org.disclosurehub.Fixtures.reportPath;

import io.quarkus.test.junit.QuarkusTest;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.disclosurehub.RawHttp;
import org.junit.jupiter.api.Test;

/**
 * A client that hangs up in the middle of its body (a load tester at the end of its run, a phone
 * losing its network) gets no answer, since it is gone: it is not a failure of the service, so it
 * is neither logged as one nor counted as a 500 in the metrics that alert on them.
 */
@QuarkusTest
class ClientHangUpTest {
  private static final Pattern SERVER_ERRORS =
      Pattern.compile("http_server_requests_seconds_count\\{[^}]*status=\"500\"[^}]*} ([0-9.E]+)");

  @Test
  void shouldNotCountAClientThatHangsUpMidBodyAsAServerError() throws Exception {
    String agency = registerAgency("650100");
    double before = serverErrors();
    try (Socket socket = new Socket("127.0.0.1", RawHttp.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("PUT "
                  + reportPath(agency, 2024)
                  + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                  + "Authorization: Bearer "
                  + adminToken()
                  + "\r\nContent-Length: 100000\r\n\r\n{\"year\": 2024, ")
              .getBytes(StandardCharsets.UTF_8));
      out.flush();
      Thread.sleep(200);
    }
    Thread.sleep(500);
    assertThat(serverErrors()).as("500s counted after the hang-up").isEqualTo(before);
    given().get(reportPath(agency, 2024)).then().statusCode(404);
  }

  private static double serverErrors() {
    String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
    double sum = 0;
    Matcher m = SERVER_ERRORS.matcher(metrics);
    while (m.find()) {
      sum += Double.parseDouble(m.group(1));
    }
    return sum;
  }
}
