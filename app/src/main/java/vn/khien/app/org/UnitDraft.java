package vn.khien.app.org;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import vn.khien.core.org.UnitKind;

/** What a coordinator submits to create a unit. */
public record UnitDraft(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_.\\-]{0,63}")
        String code,

        @NotBlank @Size(max = 300) String name,
        @NotNull UnitKind kind,
        @Nullable Long parentId,
        @Nullable LocalDate validFrom) {}
