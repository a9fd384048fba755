package org.disclosurehub.rollup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.Fixtures.distinctCells2024;
import static org.disclosurehub.Fixtures.naturalResources2024;
import static org.disclosurehub.rollup.AsOfRequests.file;
import static org.disclosurehub.rollup.AsOfRequests.register;
import static org.disclosurehub.rollup.AsOfRequests.rollup;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Clock;
import java.util.List;
import org.disclosurehub.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A day that is over is answered once and then kept ({@link AsOfRead}): the kept answer is the one
 * read, headers and bytes, and a row dated within the day but written after it was kept (the
 * service's clock set back) is answered, not the kept answer. 三亚市 (460200), which no other test
 * uses.
 */
@QuarkusTest
class AsOfKeptAnswerTest {
  private static final String CITY = "460200";
  private static final String TIANYA = "460204";
  private static final String DAY = "2025-08-02";
  private final MovableClock clock = new MovableClock();

  @AfterEach
  void keepAgain() {
    AsOfRead.keepPastAnswers = true;
  }

  @Test
  void shouldAnswerAKeptDayAsReadAndReadItAgainWhenARowWithinItCameLater() {
    QuarkusMock.installMockForType(clock, Clock.class);
    clock.at("2025-08-01T10:00");
    String agency = register("asof-kept", "天涯区留存局", TIANYA);
    file(agency, naturalResources2024());
    file(register("asof-kept", "天涯区未变局", TIANYA), distinctCells2024());

    clock.at("2025-08-05T10:00");
    List<String> requests =
        List.of(
            rollup(CITY) + "?asOf=" + DAY,
            rollup(CITY) + "?asOf=" + DAY + "&format=csv",
            rollup(CITY) + "/agencies?asOf=" + DAY,
            "/api/v1/regions/" + CITY + "/annual-report/2024?asOf=" + DAY);
    for (String request : requests) {
      Response first = given().get(request);
      assertThat(first.statusCode()).as(request).isEqualTo(200);
      for (int i = 0; i < 3; i++) { // kept from the second read on, answered from the third
        Response again = given().get(request);
        assertThat(again.asByteArray()).as(request).isEqualTo(first.asByteArray());
        for (String header :
            List.of("ETag", "Last-Modified", "Cache-Control", "Content-Type", "Vary")) {
          assertThat(again.header(header))
              .as(request + " " + header)
              .isEqualTo(first.header(header));
        }
      }
    }
    String keptBefore = given().get(requests.get(0)).asString();

    // The service's clock set back into the day: a correction dated within it, written after the
    // day's answer was kept.
    clock.at(DAY + "T10:00");
    file(agency, distinctCells2024());
    clock.at("2025-08-05T10:00");

    List<String> answered = requests.stream().map(r -> given().get(r).asString()).toList();
    AsOfRead.keepPastAnswers = false;
    List<String> read = requests.stream().map(r -> given().get(r).asString()).toList();
    assertThat(answered).isEqualTo(read);
    assertThat(answered.get(0)).isNotEqualTo(keptBefore);
  }
}
