package org.disclosurehub.rollup;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.disclosurehub.sql.Sql;

/**
 * What a snapshot's reads read under the tables' names: the tables themselves, or common table
 * expressions of the same names put ahead of each statement ({@link Sql#with}), so that the same
 * statements read other rows (an as-of read's few changed agencies, now or then: {@link
 * AsOfDelta}).
 */
final class ReadTables {
  private final Connection connection;
  private final String commonTables;
  private final Map<String, Object> parameters;

  /** Each statement with each set of common tables, parsed once. */
  private static final Map<String, Map<Sql, Sql>> SHADOWED = new ConcurrentHashMap<>();

  private ReadTables(Connection connection, String commonTables, Map<String, Object> parameters) {
    this.connection = connection;
    this.commonTables = commonTables;
    this.parameters = parameters;
  }

  /** The tables themselves. */
  static ReadTables of(Connection connection) {
    return new ReadTables(connection, null, Map.of());
  }

  /** Common tables under the tables' names, with the parameters they take. */
  static ReadTables shadowed(
      Connection connection, String commonTables, Map<String, Object> parameters) {
    return new ReadTables(connection, commonTables, parameters);
  }

  Connection connection() {
    return connection;
  }

  Sql.Statement prepare(Sql sql) throws SQLException {
    if (commonTables == null) {
      return sql.prepare(connection);
    }
    Sql shadowed =
        SHADOWED
            .computeIfAbsent(commonTables, k -> new ConcurrentHashMap<>())
            .computeIfAbsent(sql, s -> s.with(commonTables));
    Sql.Statement statement = shadowed.prepare(connection);
    try {
      for (Map.Entry<String, Object> parameter : parameters.entrySet()) {
        statement.set(parameter.getKey(), parameter.getValue());
      }
    } catch (SQLException | RuntimeException e) {
      statement.close();
      throw e;
    }
    return statement;
  }
}
