package org.disclosurehub.backfill;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The limits of an import job's archive and the size of the workers' pool ({@code
 * hub.import-jobs.}).
 */
@ConfigMapping(prefix = "hub.import-jobs")
interface ImportJobConfig {
  /** Largest archive accepted, in bytes (env HUB_IMPORT_JOBS_MAX_ARCHIVE_BYTES). */
  @WithDefault("1000000000")
  long maxArchiveBytes();

  /** Most entries in one archive, folders included. */
  @WithDefault("20000")
  int maxEntries();

  /** Most bytes all entries may hold together once uncompressed. */
  @WithDefault("4000000000")
  long maxUncompressedBytes();

  /** Largest ratio of an entry's uncompressed to its compressed size: beyond, a ZIP bomb. */
  @WithDefault("100")
  int maxRatio();

  /** Files read at once by this replica. */
  @WithDefault("2")
  int workers();

  /**
   * Most files a worker claims together and records in one transaction (each stored in its own);
   * fewer near the end of a job, so that every worker has a share of its last files.
   */
  @WithDefault("8")
  int batch();
}
