package org.disclosurehub.system;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
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

  /**
   * Origins whose browser pages may read the API cross-origin, comma separated (env
   * HUB_CORS_ORIGINS): {@code https://dashboard.example.org}, {@code http://localhost:*} for any
   * port, or {@code *}. None by default: then every cross-origin request is refused with a 403.
   */
  Optional<List<String>> corsOrigins();
}
