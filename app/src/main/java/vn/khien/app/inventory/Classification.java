package vn.khien.app.inventory;

import org.jspecify.annotations.Nullable;
import vn.khien.core.inventory.Zone;

/** The officer-owned classification of an endpoint. */
public record Classification(@Nullable Zone zone, boolean handlesSecrets, boolean server) {}
