package vn.khien.core.inventory;

/** One fact about an endpoint, always with its source, so every finding can show its evidence. */
public sealed interface EndpointFact
        permits HostIdentity,
                OsInfo,
                NetworkAddress,
                InstalledSoftware,
                SecurityProduct,
                OsPatch,
                RemovableStorageDevice,
                BackupStatus,
                InternetConnectivity {
    FactSource source();
}
