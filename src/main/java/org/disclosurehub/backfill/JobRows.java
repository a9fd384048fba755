package org.disclosurehub.backfill;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.util.List;
import java.util.Map;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.BasicTypeReference;
import org.hibernate.type.StandardBasicTypes;

/**
 * A statement of this package: a text block with named parameters ({@code :job}), bound by name. A
 * null is bound with the type its column has, which PostgreSQL cannot infer from a bare null.
 */
final class JobRows {
  private final NativeQuery<?> query;

  private JobRows(NativeQuery<?> query) {
    this.query = query;
  }

  static JobRows update(EntityManager em, String sql) {
    return new JobRows(em.createNativeQuery(sql).unwrap(NativeQuery.class));
  }

  static JobRows select(EntityManager em, String sql) {
    return new JobRows(em.createNativeQuery(sql, Tuple.class).unwrap(NativeQuery.class));
  }

  private static final Map<Class<?>, BasicTypeReference<?>> TYPES =
      Map.of(
          Integer.class, StandardBasicTypes.INTEGER,
          Long.class, StandardBasicTypes.LONG,
          String.class, StandardBasicTypes.STRING,
          byte[].class, StandardBasicTypes.BINARY,
          java.time.LocalDate.class, StandardBasicTypes.LOCAL_DATE,
          java.time.Instant.class, StandardBasicTypes.INSTANT);

  @SuppressWarnings({"unchecked", "rawtypes"})
  <T> JobRows set(String name, T value, Class<T> type) {
    ((NativeQuery) query).setParameter(name, value, (BasicTypeReference) TYPES.get(type));
    return this;
  }

  JobRows set(String name, Object value) {
    query.setParameter(name, value);
    return this;
  }

  int run() {
    return query.executeUpdate();
  }

  @SuppressWarnings("unchecked")
  List<Tuple> rows() {
    return (List<Tuple>) query.getResultList();
  }

  Tuple row() {
    List<Tuple> rows = rows();
    return rows.isEmpty() ? null : rows.get(0);
  }
}
