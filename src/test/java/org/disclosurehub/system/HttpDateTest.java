package org.disclosurehub.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.ext.RuntimeDelegate;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.Test;

/**
 * The roll-ups write their Last-Modified and ETag as text made once per tag (ConditionalRead): the
 * same text Quarkus REST writes for a {@code Date} or an {@link EntityTag}.
 */
class HttpDateTest {
  @Test
  void shouldWriteADateAsQuarkusRestWritesIt() {
    RuntimeDelegate.HeaderDelegate<Date> quarkus =
        RuntimeDelegate.getInstance().createHeaderDelegate(Date.class);
    for (String instant :
        new String[] {
          "1970-01-01T00:00:00Z",
          "2026-12-07T01:02:03.999Z",
          "2025-02-09T23:59:59Z",
          "2024-07-31T16:00:00.5Z",
          "2030-05-01T08:00:00Z"
        }) {
      Date date = Date.from(Instant.parse(instant));
      assertThat(ReadPreconditions.httpDate(date)).isEqualTo(quarkus.toString(date));
    }
    assertThat(ReadPreconditions.httpDate(Date.from(Instant.parse("2026-12-07T01:02:03Z"))))
        .isEqualTo("Mon, 07 Dec 2026 01:02:03 GMT");
  }

  @Test
  void shouldWriteATagAsQuarkusRestWritesIt() {
    EntityTag tag = new EntityTag("0123456789abcdef0123456789abcdef");
    assertThat(tag.toString())
        .isEqualTo(
            RuntimeDelegate.getInstance().createHeaderDelegate(EntityTag.class).toString(tag))
        .isEqualTo("\"0123456789abcdef0123456789abcdef\"");
  }
}
