package org.disclosurehub.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.disclosurehub.system.ProblemException;
import org.junit.jupiter.api.Test;

class RepresentationTest {
  private static final List<Representation> REPORT =
      List.of(Representation.JSON, Representation.HTML, Representation.XLSX);

  private static List<MediaType> accept(String... types) {
    return List.of(types).stream().map(MediaType::valueOf).toList();
  }

  @Test
  void shouldServeWhatTheClientPrefersAndTheFirstOfferedForAnything() {
    // A browser's Accept, most preferred first (as JAX-RS sorts it).
    assertThat(
            Representation.choose(
                null,
                accept("text/html", "application/xhtml+xml", "application/xml", "*/*"),
                REPORT))
        .isEqualTo(Representation.HTML);
    assertThat(Representation.choose(null, accept("*/*"), REPORT)).isEqualTo(Representation.JSON);
    assertThat(Representation.choose(null, accept("application/json"), REPORT))
        .isEqualTo(Representation.JSON);
    assertThat(Representation.choose(null, accept(Workbooks.MEDIA_TYPE, "*/*"), REPORT))
        .isEqualTo(Representation.XLSX);
    assertThat(Representation.choose(null, accept("text/*"), REPORT))
        .isEqualTo(Representation.HTML);
  }

  @Test
  void shouldLetTheFormatParameterOverrideAcceptAndRefuseAnUnknownOne() {
    assertThat(Representation.choose("xlsx", accept("text/html"), REPORT))
        .isEqualTo(Representation.XLSX);
    assertThatThrownBy(
            () ->
                Representation.choose(
                    "pdf", accept("*/*"), List.of(Representation.HTML, Representation.XLSX)))
        .isInstanceOf(ProblemException.class)
        .hasMessageContaining("must be one of html, xlsx");
  }
}
