package org.disclosurehub.system;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.TimeoutException;
import org.hibernate.exception.JDBCConnectionException;

/**
 * Tells a failure caused by PostgreSQL being unreachable (a failover, a network cut, a restart), or
 * by the pool having no connection free within its acquisition timeout, from any other: those
 * answer 503 with {@code Retry-After} instead of 500. Nothing was committed then: a write is
 * acknowledged only after its transaction commits.
 */
final class DatabaseUnavailable {
  /** Long enough for a CloudNativePG failover to promote a standby; short for a client. */
  static final int RETRY_AFTER_SECONDS = 5;

  /** SQLSTATE class 08: connection exception (and 57P01..57P03: the server is shutting down). */
  private static final String CONNECTION_EXCEPTION = "08";

  private DatabaseUnavailable() {}

  static boolean causedBy(Throwable e) {
    return connectionFailure(e) != null;
  }

  static String reason(Throwable e) {
    Throwable cause = connectionFailure(e);
    return cause == null ? "" : String.valueOf(cause.getMessage());
  }

  private static Throwable connectionFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof JDBCConnectionException
          || t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException
          || t instanceof ConnectException) {
        return t;
      }
      if (t instanceof SQLException sql) {
        String state = sql.getSQLState();
        if (state != null
            && (state.startsWith(CONNECTION_EXCEPTION)
                || state.equals("57P01")
                || state.equals("57P02")
                || state.equals("57P03"))) {
          return t;
        }
        // Agroal's "Acquisition timeout while waiting for new connection": the pool could not
        // open or lend a connection in time.
        if (sql.getCause() instanceof TimeoutException) {
          return t;
        }
      }
    }
    return null;
  }
}
