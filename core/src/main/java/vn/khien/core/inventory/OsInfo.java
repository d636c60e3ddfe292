package vn.khien.core.inventory;

import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The operating system of an endpoint, as {@code os_version} reports it.
 *
 * @param name the product name, e.g. {@code Microsoft Windows 10 Pro} or {@code Ubuntu}
 * @param version the version, e.g. {@code 10.0.19045} or {@code 22.04.4 LTS (Jammy Jellyfish)}
 * @param build the build number, e.g. {@code 19045}
 * @param platform osquery's platform, e.g. {@code windows}, {@code ubuntu}, {@code darwin}
 */
public record OsInfo(
        String name,
        @Nullable String version,
        @Nullable String build,
        @Nullable String platform,
        FactSource source) implements EndpointFact {
    public OsInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        if (name.isBlank()) {
            throw new IllegalArgumentException("OS name must not be blank");
        }
        version = Strings.blankToNull(version);
        build = Strings.blankToNull(build);
        platform = Strings.blankToNull(platform);
    }

    /** Whether this is a Windows system, by platform or name. */
    public boolean isWindows() {
        return "windows".equalsIgnoreCase(platform)
                || name.toLowerCase(Locale.ROOT).contains("windows");
    }

    /** Whether the product name says it is a server edition (e.g. {@code Windows Server 2019}). */
    public boolean isServerEdition() {
        return name.toLowerCase(Locale.ROOT).contains("server");
    }

    /** Name and version as one line, e.g. {@code Ubuntu 22.04.4 LTS}. */
    public String displayName() {
        return version == null ? name : name + " " + version;
    }
}
