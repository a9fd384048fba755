package org.disclosurehub.security;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A reviewer's bearer token for a division, known only by its SHA-256, like an agency token;
 * revoked tokens stay, since review entries name them.
 */
@Entity
@Table(name = "reviewer_token")
class ReviewerToken extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "division_code")
  public String divisionCode;

  public String name;

  @Column(name = "token_sha256")
  public String tokenSha256;

  @Column(name = "created_at")
  public Instant createdAt;

  @Column(name = "last_used_at")
  public Instant lastUsedAt;

  @Column(name = "revoked_at")
  public Instant revokedAt;

  static Optional<ReviewerToken> activeByHash(String sha256) {
    return find("tokenSha256 = ?1 and revokedAt is null", sha256).firstResultOptional();
  }

  static List<ReviewerToken> all() {
    return listAll(Sort.by("id"));
  }
}
