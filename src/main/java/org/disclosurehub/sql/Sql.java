package org.disclosurehub.sql;

import io.quarkus.hibernate.orm.panache.Panache;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;

/**
 * SQL with named parameters ({@code :year}), the one way the service runs a statement that is not a
 * Panache finder: a text block (or a resource file, {@link #resource}) is parsed once into JDBC's
 * {@code ?} form, and {@link Statement#set} binds a name wherever it occurs. Arrays of numbers,
 * texts and whole numbers become PostgreSQL {@code numeric[]}, {@code text[]}, {@code integer[]}
 * and {@code bigint[]}. {@code ArchitectureTest} keeps every other class from preparing statements.
 */
public final class Sql {
  private final String text;
  private final String jdbc;

  /**
   * Each name's positions, 1-based: a statement binds up to a few dozen names, some of them several
   * times, and a search of the list of occurrences for each was a twentieth of a filing.
   */
  private final Map<String, int[]> positions;

  private Sql(String text, String jdbc, List<String> names) {
    this.text = text;
    this.jdbc = jdbc;
    Map<String, int[]> byName = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      int[] before = byName.getOrDefault(names.get(i), new int[0]);
      int[] with = Arrays.copyOf(before, before.length + 1);
      with[before.length] = i + 1;
      byName.put(names.get(i), with);
    }
    this.positions = Map.copyOf(byName);
  }

  /**
   * Parses {@code :name} parameters; {@code ::type} casts, quoted text and {@code --} comments are
   * left alone.
   */
  public static Sql of(String text) {
    StringBuilder jdbc = new StringBuilder();
    List<String> names = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '-' && i + 1 < text.length() && text.charAt(i + 1) == '-') {
        int end = text.indexOf('\n', i);
        end = end < 0 ? text.length() : end;
        jdbc.append(text, i, end);
        i = end;
      } else if (c == '\'') {
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
    return new Sql(text, jdbc.toString(), List.copyOf(names));
  }

  /**
   * This statement with common table expressions ({@code name as (…), …}) put first: within it,
   * each hides a table of the same name, so that the same statement reads other rows under the
   * table's name. A statement that begins with its own {@code with} gets them ahead of its own.
   */
  public Sql with(String commonTables) {
    String statement = text.stripLeading();
    boolean ownWith = statement.regionMatches(true, 0, "with ", 0, 5);
    if (!ownWith && !statement.regionMatches(true, 0, "select ", 0, 7)) {
      throw new IllegalArgumentException("not a select: " + statement.lines().findFirst());
    }
    return of(
        "with " + commonTables + (ownWith ? ",\n" + statement.substring(5) : "\n" + statement));
  }

  /**
   * The predicate "agency {@code a} is expected to report for {@code year}" (a parameter such as
   * {@code :year} or a column): from its activeFrom; without one, from the year it was registered
   * (Beijing time), or from the first year it filed a report for (withdrawn or not) if that is
   * earlier, so that an agency registered today is not missing in every year back to 2008. Until
   * its activeTo, if any. (Which years an agency may file for is wider: {@code Agency.activeIn}.)
   */
  public static String activeIn(String year) {
    return """
        coalesce(a.active_from,
                 least(extract(year from a.created_at at time zone 'Asia/Shanghai')::integer,
                       (select min(f.year) from report f where f.agency_id = a.id))) <= %1$s \
        and (a.active_to is null or %1$s <= a.active_to)"""
        .formatted(year);
  }

  /**
   * The predicate "agency {@code a} is on the roster of {@code year}": the last roster change of
   * the (agency, year), where the admin or a reviewer made one (excluded: merged, abolished,
   * vertically managed, not a reporting body; or included); else {@link #activeIn}, its span of
   * years. Completeness, the missing and the pages use this one.
   */
  public static String expectedIn(String year) {
    return """
        coalesce((select rc.expected from roster_change rc
                  where rc.agency_id = a.id and rc.year = %1$s order by rc.id desc limit 1),
                 %2$s)"""
        .formatted(year, activeIn(year));
  }

  /**
   * A statement kept in a resource file under {@code src/main/resources/sql}, for statements that
   * something outside the service runs too (bench/ loads the same file).
   */
  public static Sql resource(String name) {
    try (InputStream in = Sql.class.getResourceAsStream("/sql/" + name)) {
      if (in == null) {
        throw new IllegalStateException("no resource sql/" + name);
      }
      return of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * This statement and then {@code next}, as one statement of two parts sent together in one round
   * trip ({@link Statement#execute}, {@link Statement#queryLast}); a name binds in both parts.
   */
  public Sql then(Sql next) {
    return of(text + ";\n" + next.text);
  }

  /** The statement on a connection of one's own (a read-only snapshot, a stream). */
  public Statement prepare(Connection connection) throws SQLException {
    return new Statement(connection, connection.prepareStatement(jdbc));
  }

  /** Work with the connection of the current transaction. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /**
   * Runs {@code work} on the connection of the current Hibernate transaction. Entities' pending
   * changes are not flushed first: call {@link #flushPending} where the statements must see them.
   */
  public static <T> T inTransaction(Work<T> work) {
    return session().doReturningWork(work::run);
  }

  /** Writes the entities' pending changes, so that the statements that follow see them. */
  public static void flushPending() {
    Session session = session();
    if (session.isJoinedToTransaction()) {
      session.flush();
    }
  }

  private static Session session() {
    return Panache.getEntityManager().unwrap(Session.class);
  }

  /** A prepared statement that binds by name. */
  public final class Statement implements AutoCloseable {
    private final Connection connection;
    private final PreparedStatement statement;

    private Statement(Connection connection, PreparedStatement statement) {
      this.connection = connection;
      this.statement = statement;
    }

    public Statement set(String name, Object value) throws SQLException {
      int[] at = positions.get(name);
      if (at == null) {
        throw new IllegalArgumentException("no parameter :" + name);
      }
      for (int index : at) {
        bind(index, value);
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
      } else if (value instanceof Integer[] numbers) {
        statement.setArray(index, connection.createArrayOf("integer", numbers));
      } else if (value instanceof Long[] numbers) {
        statement.setArray(index, connection.createArrayOf("bigint", numbers));
      } else {
        statement.setObject(index, value);
      }
    }

    public Statement fetchSize(int rows) throws SQLException {
      statement.setFetchSize(rows);
      return this;
    }

    public ResultSet query() throws SQLException {
      return statement.executeQuery();
    }

    /**
     * Runs a statement of several parts whose last is a query (a {@code set} and then a {@code
     * select}, or a {@code select ... for update} and then what the lock protects), all sent at
     * once in one round trip, and answers the last part's rows.
     */
    public ResultSet queryLast() throws SQLException {
      ResultSet last = null;
      boolean rows = statement.execute();
      while (rows || statement.getUpdateCount() != -1) {
        if (rows) {
          if (last != null) {
            last.close();
          }
          last = statement.getResultSet();
        }
        rows = statement.getMoreResults(java.sql.Statement.KEEP_CURRENT_RESULT);
      }
      if (last == null) {
        throw new SQLException("the statement's last part returned no rows");
      }
      return last;
    }

    public int update() throws SQLException {
      return statement.executeUpdate();
    }

    public void addBatch() throws SQLException {
      statement.addBatch();
    }

    public void executeBatch() throws SQLException {
      statement.executeBatch();
    }

    /** Runs a statement that returns no rows and counts none (a {@code set}, a lock). */
    public void execute() throws SQLException {
      statement.execute();
    }

    @Override
    public void close() throws SQLException {
      statement.close();
    }
  }
}
