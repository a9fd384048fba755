package org.disclosurehub.rollup;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * SQL with named parameters ({@code :year}), the one way roll-up code binds values: a text block is
 * parsed once into JDBC's {@code ?} form, and {@link Statement#set} binds a name wherever it
 * occurs. Arrays of numbers and texts become PostgreSQL {@code numeric[]} and {@code text[]}.
 */
final class Sql {
  private final String jdbc;
  private final List<String> names;

  private Sql(String jdbc, List<String> names) {
    this.jdbc = jdbc;
    this.names = names;
  }

  /** Parses {@code :name} parameters; {@code ::type} casts and quoted text are left alone. */
  static Sql of(String text) {
    StringBuilder jdbc = new StringBuilder();
    List<String> names = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\'') {
        int end = text.indexOf('\'', i + 1);
        jdbc.append(text, i, end + 1);
        i = end + 1;
      } else if (c == ':' && i + 1 < text.length() && text.charAt(i + 1) == ':') {
        jdbc.append("::");
        i += 2;
      } else if (c == ':'
          && i + 1 < text.length()
          && Character.isJavaIdentifierStart(text.charAt(i + 1))) {
        int end = i + 1;
        while (end < text.length() && Character.isJavaIdentifierPart(text.charAt(end))) {
          end++;
        }
        names.add(text.substring(i + 1, end));
        jdbc.append('?');
        i = end;
      } else {
        jdbc.append(c);
        i++;
      }
    }
    return new Sql(jdbc.toString(), List.copyOf(names));
  }

  /**
   * The predicate "agency {@code a} is expected to report for {@code year}" (a parameter such as
   * {@code :year} or a column): from its activeFrom; without one, from the year it was registered
   * (Beijing time), or from the first year it filed a report for (withdrawn or not) if that is
   * earlier, so that an agency registered today is not missing in every year back to 2008. Until
   * its activeTo, if any. (Which years an agency may file for is wider: {@code Agency.activeIn}.)
   */
  static String activeIn(String year) {
    return """
        coalesce(a.active_from,
                 least(extract(year from a.created_at at time zone 'Asia/Shanghai')::integer,
                       (select min(f.year) from report f where f.agency_id = a.id))) <= %1$s \
        and (a.active_to is null or %1$s <= a.active_to)"""
        .formatted(year);
  }

  Statement prepare(Connection connection) throws SQLException {
    return new Statement(connection, connection.prepareStatement(jdbc));
  }

  /** A prepared statement that binds by name. */
  final class Statement implements AutoCloseable {
    private final Connection connection;
    private final PreparedStatement statement;

    private Statement(Connection connection, PreparedStatement statement) {
      this.connection = connection;
      this.statement = statement;
    }

    Statement set(String name, Object value) throws SQLException {
      boolean found = false;
      for (int i = 0; i < names.size(); i++) {
        if (names.get(i).equals(name)) {
          bind(i + 1, value);
          found = true;
        }
      }
      if (!found) {
        throw new IllegalArgumentException("no parameter :" + name);
      }
      return this;
    }

    private void bind(int index, Object value) throws SQLException {
      if (value == null) {
        statement.setNull(index, Types.NULL);
      } else if (value instanceof Instant instant) {
        statement.setTimestamp(index, Timestamp.from(instant));
      } else if (value instanceof BigDecimal[] numbers) {
        statement.setArray(index, connection.createArrayOf("numeric", numbers));
      } else if (value instanceof String[] texts) {
        statement.setArray(index, connection.createArrayOf("text", texts));
      } else {
        statement.setObject(index, value);
      }
    }

    Statement fetchSize(int rows) throws SQLException {
      statement.setFetchSize(rows);
      return this;
    }

    ResultSet query() throws SQLException {
      return statement.executeQuery();
    }

    int update() throws SQLException {
      return statement.executeUpdate();
    }

    void addBatch() throws SQLException {
      statement.addBatch();
    }

    void executeBatch() throws SQLException {
      statement.executeBatch();
    }

    @Override
    public void close() throws SQLException {
      statement.close();
    }
  }
}
