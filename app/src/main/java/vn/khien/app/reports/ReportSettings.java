package vn.khien.app.reports;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the periodic report ({@code khien.reports.*}).
 *
 * @param governingBody cơ quan chủ quản above the issuing body; empty for the province's name ("UBND TỈNH …")
 * @param issuingBody cơ quan ban hành; empty for "Sở Khoa học và Công nghệ" under the root unit
 * @param symbol ký hiệu after the number ("BC-SKHCN")
 * @param place địa danh in the date line; empty to take it from the root unit's name
 * @param recipients Kính gửi of the province report
 * @param cc Nơi nhận besides "Lưu: VT"
 * @param signerAuthority TM., KT., Q., TL., TUQ. or empty
 * @param signerPosition position of the signer
 * @param signerName name of the signer; empty leaves the line for a hand-written name
 * @param schedule whether the monthly and quarterly province reports are generated automatically
 */
@ConfigurationProperties("khien.reports")
public record ReportSettings(
        @Nullable String governingBody,
        @Nullable String issuingBody,
        @DefaultValue("BC-SKHCN") String symbol,
        @Nullable String place,
        @DefaultValue("Ủy ban nhân dân tỉnh") List<String> recipients,
        @DefaultValue("Như trên") List<String> cc,
        @Nullable String signerAuthority,
        @DefaultValue("Giám đốc") String signerPosition,
        @Nullable String signerName,
        @DefaultValue("true") boolean schedule) {}
