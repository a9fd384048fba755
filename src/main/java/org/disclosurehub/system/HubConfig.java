package org.disclosurehub.system;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** disclosure-hub's own settings, under {@code hub.} in application.properties. */
@ConfigMapping(prefix = "hub")
public interface HubConfig {

  /** Largest report body accepted, in bytes (env HUB_MAX_REPORT_BYTES). */
  @WithDefault("1048576")
  long maxReportBytes();

  /** Largest published text accepted by the importer, in bytes: 5 MB (env HUB_MAX_IMPORT_BYTES). */
  @WithDefault("5000000")
  long maxImportBytes();

  /** Largest page a listing returns (env HUB_MAX_PAGE_SIZE). */
  @WithDefault("500")
  int maxPageSize();

  /**
   * The admin's bearer token (env HUB_ADMIN_TOKEN). No default outside dev and test: without it
   * nobody can register agencies or issue agency tokens. Use 32 or more random characters.
   */
  Optional<String> adminToken();

  /** The plausibility checks, which only warn (NARRATIVE_MISMATCH, TEXT_REUSE, YEAR_JUMP). */
  Checks checks();

  interface Checks {
    /**
     * TEXT_REUSE: warn when more than this share (0 to 1) of the narrative is found again in the
     * agency's previous-year narrative (env HUB_CHECKS_PREVIOUS_YEAR_REUSE).
     */
    @WithDefault("0.5")
    double previousYearReuse();

    /**
     * TEXT_REUSE: warn when more than this share of the narrative is found again in another
     * agency's report of the same year in the same city (env HUB_CHECKS_SAME_CITY_REUSE).
     */
    @WithDefault("0.8")
    double sameCityReuse();

    /**
     * TEXT_REUSE: a narrative with fewer characters of its own (numbers and the format's phrases
     * left out) is too short to judge; its share is shown, never warned about (env
     * HUB_CHECKS_REUSE_MIN_CHARACTERS).
     */
    @WithDefault("200")
    int reuseMinCharacters();

    /**
     * YEAR_JUMP: warn when a main figure is more than this many times the previous year's, or less
     * than its 1/factor (env HUB_CHECKS_JUMP_FACTOR).
     */
    @WithDefault("5")
    double jumpFactor();

    /** YEAR_JUMP: only when both years are at least this (env HUB_CHECKS_JUMP_FLOOR). */
    @WithDefault("20")
    int jumpFloor();
  }
}
