package org.disclosurehub.system;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import io.quarkus.logging.Log;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Tries the database once before Flyway migrates at start (the first thing that needs it), so that
 * a missing database URL, or a PostgreSQL that is not running, fails the start with one line saying
 * what to set, or which host and port were tried and how to start it, before the chain of wrapped
 * exceptions.
 */
@Singleton
class DatabaseAtStart implements FlywayConfigurationCustomizer {
  private static final Pattern HOST_AND_PORT = Pattern.compile("^jdbc:postgresql://([^/?]*)");

  /** The production profile's URL when none is given (application.properties). */
  private static final String UNSET = "unset";

  private final String url;

  DatabaseAtStart(@ConfigProperty(name = "quarkus.datasource.jdbc.url") Optional<String> url) {
    this.url = url.orElse("");
  }

  @Override
  public void customize(FluentConfiguration configuration) {
    if (url.isBlank() || url.equals(UNSET)) {
      String message =
          "No database configured: set QUARKUS_DATASOURCE_JDBC_URL (e.g."
              + " jdbc:postgresql://127.0.0.1:5432/postgres), QUARKUS_DATASOURCE_USERNAME and,"
              + " if it needs one, QUARKUS_DATASOURCE_PASSWORD";
      Log.error(message);
      throw new IllegalStateException(message);
    }
    try (Connection tried = configuration.getDataSource().getConnection()) {
      // Reachable: Flyway goes on with a connection of its own.
    } catch (SQLException e) {
      if (!DatabaseUnavailable.causedBy(e)) {
        throw new IllegalStateException(e.getMessage(), e);
      }
      String message = unreachable(url);
      Log.error(message);
      throw new IllegalStateException(message, e);
    }
  }

  /** The one line said when PostgreSQL cannot be reached at start. */
  static String unreachable(String url) {
    Matcher hostAndPort = HOST_AND_PORT.matcher(url);
    String where = hostAndPort.find() ? hostAndPort.group(1) : url;
    if (!where.contains(":")) {
      where += ":5432";
    }
    return "PostgreSQL is not reachable at "
        + where
        + ": start it (sudo pg_ctlcluster <version> main start, or sudo systemctl start"
        + " postgresql), or point PGHOST and PGPORT (in production QUARKUS_DATASOURCE_JDBC_URL)"
        + " at a running one";
  }
}
