package vn.khien.core.inventory;

/** The kinds of facts an endpoint holds, one map of facts per kind inside {@link Inventory}. */
enum FactKind {
    IDENTITY,
    OS,
    ADDRESS,
    SOFTWARE,
    SECURITY,
    PATCH,
    USB,
    BACKUP,
    CONNECTIVITY;

    /** Facts of this kind are history: removal or a newer snapshot without them does not forget them. */
    boolean isHistory() {
        return this == USB;
    }

    /** The kind of a fact and its natural key within one input (two facts with the same key are the same fact). */
    static String naturalKey(EndpointFact fact) {
        if (fact instanceof InstalledSoftware s) {
            return s.name() + '\u0001' + s.version();
        } else if (fact instanceof SecurityProduct p) {
            return p.kind() + "\u0001" + p.name();
        } else if (fact instanceof OsPatch p) {
            return p.id();
        } else if (fact instanceof RemovableStorageDevice d) {
            return d.serial();
        } else if (fact instanceof NetworkAddress a) {
            return a.interfaceName() + "\u0001" + a.ip() + '\u0001' + a.mac();
        }
        return "";
    }

    static FactKind of(EndpointFact fact) {
        if (fact instanceof InstalledSoftware) {
            return SOFTWARE;
        } else if (fact instanceof SecurityProduct) {
            return SECURITY;
        } else if (fact instanceof OsPatch) {
            return PATCH;
        } else if (fact instanceof RemovableStorageDevice) {
            return USB;
        } else if (fact instanceof NetworkAddress) {
            return ADDRESS;
        } else if (fact instanceof HostIdentity) {
            return IDENTITY;
        } else if (fact instanceof OsInfo) {
            return OS;
        } else if (fact instanceof BackupStatus) {
            return BACKUP;
        }
        return CONNECTIVITY;
    }
}
