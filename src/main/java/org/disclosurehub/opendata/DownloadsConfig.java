package org.disclosurehub.opendata;

import io.smallrye.config.ConfigMapping;
import java.nio.file.Path;

/**
 * Where the bulk files are kept (a directory of their own; files of older versions are deleted).
 */
@ConfigMapping(prefix = "hub.downloads")
interface DownloadsConfig {
  Path directory();
}
