package org.disclosurehub.security;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.disclosurehub.agency.Agency;

/** An agency's bearer token, known only by its SHA-256; revoked tokens stay for the audit. */
@Entity
@Table(name = "agency_token")
class AgencyToken extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "agency_id")
  public Agency agency;

  /** SHA-256 (hex) of the token; the token itself is never stored. */
  @Column(name = "token_sha256")
  public String tokenSha256;

  @Column(name = "created_at")
  public Instant createdAt;

  @Column(name = "last_used_at")
  public Instant lastUsedAt;

  @Column(name = "revoked_at")
  public Instant revokedAt;

  /** The token with this hash and its agency, unless it was revoked. */
  static Optional<AgencyToken> activeByHash(String sha256) {
    return find(
            """
            from AgencyToken t join fetch t.agency
            where t.tokenSha256 = ?1 and t.revokedAt is null""",
            sha256)
        .firstResultOptional();
  }

  static List<AgencyToken> of(Agency agency) {
    return list("agency", Sort.by("id"), agency);
  }

  static Optional<AgencyToken> of(Agency agency, long id) {
    return find("agency = ?1 and id = ?2", agency, id).firstResultOptional();
  }
}
