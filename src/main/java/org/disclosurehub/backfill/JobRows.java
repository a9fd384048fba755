package org.disclosurehub.backfill;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.disclosurehub.sql.Sql;

/**
 * A statement of this package on the current transaction's connection, through the shared helper
 * ({@link Sql}: a text block with named parameters), with its values bound until it runs.
 */
final class JobRows {
  private final Sql sql;
  private final Map<String, Object> values = new LinkedHashMap<>();

  private JobRows(String text) {
    this.sql = Sql.of(text);
  }

  static JobRows update(String text) {
    return new JobRows(text);
  }

  static JobRows select(String text) {
    return new JobRows(text);
  }

  JobRows set(String name, Object value) {
    values.put(name, value);
    return this;
  }

  int run() {
    return Sql.inTransaction(
        connection -> {
          try (Sql.Statement statement = bound(sql.prepare(connection))) {
            return statement.update();
          }
        });
  }

  List<Row> rows() {
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

  Row row() {
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
  record Row(Map<String, Object> columns) {
    Object get(String label) {
      return columns.get(label);
    }

    Object get(int index) {
      return new ArrayList<>(columns.values()).get(index);
    }
  }
}
