package vn.khien.app.inventory;

import org.jspecify.annotations.Nullable;
import vn.khien.core.inventory.EndpointFacts;

/** An endpoint with all its facts, as compliance evaluates it and the endpoint page shows it. */
public record EndpointSnapshot(
        long id, @Nullable Long unitId, @Nullable Long ownerPersonId, EndpointFacts facts) {}
