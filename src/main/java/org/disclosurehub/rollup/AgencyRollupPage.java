package org.disclosurehub.rollup;

import java.util.List;
import org.disclosurehub.system.Page;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of a region's per-agency breakdown; the shape of every listing ({@code Page}). */
@Schema(
    description = "A page of a region's per-agency breakdown",
    requiredProperties = {"items", "page", "size", "total", "links"})
record AgencyRollupPage(
    @Schema(description = "The agencies of this page, in the order asked for")
        List<AgencyRollupRow> items,
    @Schema(description = "Zero-based page number", example = "0") int page,
    @Schema(description = "Page size asked for", example = "50") int size,
    @Schema(description = "Agencies across all pages", example = "6") long total,
    @Schema(description = "This page, the next and the previous one") Page.Links links) {}
