package org.disclosurehub.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.Fixtures.admin;
import static org.disclosurehub.Fixtures.registerAgency;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.disclosurehub.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * Broken bytes in an import declared as UTF-8 (NUL bytes, invalid sequences, byte flips of a real
 * report) are decoded or refused with a problem naming the byte offset, never answered with 500;
 * nothing is stored from them.
 */
@QuarkusTest
class ImportBrokenBytesTest {
  private static final String TEXT = "text/plain; charset=utf-8";

  @Test
  void shouldRefuseANulByteNamingItsOffset() {
    byte[] seed = seed();
    seed[1000] = 0;

    post(seed, "")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/not-a-report"))
        .body("detail", containsString("NUL character (U+0000) at byte offset 1000"));
  }

  @Test
  void shouldReadInvalidUtf8AsReplacementsAndSayWhere() {
    byte[] seed = seed();
    seed[0] = (byte) 0xFF;

    post(seed, "")
        .then()
        .statusCode(200)
        .body(
            "notes[0]",
            containsString(
                "were not valid UTF-8, the first at byte offset 0 and were read as U+FFFD"));
  }

  @Test
  void shouldNeverAnswer500ToByteFlipsOfARealReport() {
    String agency = registerAgency("640500");
    Random random = new Random(21);
    byte[] seed = seed();
    for (int n = 0; n < 120; n++) {
      byte[] body = seed.clone();
      for (int flips = 1 + random.nextInt(12); flips > 0; flips--) {
        body[random.nextInt(body.length)] = n % 4 == 0 ? 0 : (byte) random.nextInt(256);
      }
      String query = n % 2 == 0 ? "" : "?store=true&year=2024&agency=" + agency;
      Response answer = post(body, query);
      assertThat(answer.statusCode()).as("flip set %d", n).isLessThan(500);
      if (answer.statusCode() >= 400) {
        assertThat(answer.contentType()).startsWith("application/problem+json");
      }
    }
  }

  private static Response post(byte[] body, String query) {
    return admin().contentType(TEXT).body(body).post("/api/v1/imports" + query);
  }

  private static byte[] seed() {
    return Fixtures.text("/reports/zhongwei-civil-affairs-2024.txt")
        .getBytes(StandardCharsets.UTF_8);
  }
}
