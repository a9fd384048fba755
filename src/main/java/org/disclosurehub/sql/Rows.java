package org.disclosurehub.sql;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A statement on the current transaction's connection, through {@link Sql} (a text block with named
 * parameters), with its values bound until it runs; rows come back by column label or position. For
 * a feature's few statements that need no mapping of their own.
 */
public final class Rows {
  private final Sql sql;
  private final Map<String, Object> values = new LinkedHashMap<>();

  private Rows(String text) {
    this.sql = Sql.of(text);
  }

  public static Rows update(String text) {
    return new Rows(text);
  }

  public static Rows select(String text) {
    return new Rows(text);
  }

  public Rows set(String name, Object value) {
    values.put(name, value);
    return this;
  }

  public int run() {
    return Sql.inTransaction(
        connection -> {
          try (Sql.Statement statement = bound(sql.prepare(connection))) {
            return statement.update();
          }
        });
  }

  public List<Row> rows() {
    return Sql.inTransaction(
        connection -> {
          try (Sql.Statement statement = bound(sql.prepare(connection));
              ResultSet result = statement.query()) {
            ResultSetMetaData meta = result.getMetaData();
            List<Row> rows = new ArrayList<>();
            while (result.next()) {
              Map<String, Object> row = new LinkedHashMap<>();
              for (int i = 1; i <= meta.getColumnCount(); i++) {
                row.put(meta.getColumnLabel(i), result.getObject(i));
              }
              rows.add(new Row(row));
            }
            return rows;
          }
        });
  }

  public Row row() {
    List<Row> rows = rows();
    return rows.isEmpty() ? null : rows.get(0);
  }

  private Sql.Statement bound(Sql.Statement statement) throws SQLException {
    for (Map.Entry<String, Object> value : values.entrySet()) {
      statement.set(value.getKey(), value.getValue());
    }
    return statement;
  }

  /** A row by column label or position (0-based). */
  public record Row(Map<String, Object> columns) {
    public Object get(String label) {
      return columns.get(label);
    }

    public long number(String label) {
      return ((Number) columns.get(label)).longValue();
    }

    public Object get(int index) {
      return new ArrayList<>(columns.values()).get(index);
    }
  }
}
