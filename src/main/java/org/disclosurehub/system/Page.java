package org.disclosurehub.system;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a listing, with the total count so that a client can page through it. */
@Schema(description = "A page of a listing")
public record Page<T>(
    @Schema(description = "The items of this page, in a stable order") List<T> items,
    @Schema(description = "Zero-based page number", example = "0") int page,
    @Schema(description = "Page size asked for", example = "50") int size,
    @Schema(description = "Total number of items across all pages", example = "3") long total) {}
