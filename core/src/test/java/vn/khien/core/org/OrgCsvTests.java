package vn.khien.core.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.khien.core.ingest.Rejection;

class OrgCsvTests {
    private static Reader resource(String name) {
        return new InputStreamReader(OrgCsvTests.class.getResourceAsStream("/org-csv/" + name), StandardCharsets.UTF_8);
    }

    @Test
    void readsVietnameseUnitHeadersAndRejectsBadRowsWithLineNumbers() throws IOException {
        CsvRead<UnitRow> read;
        try (Reader r = resource("units-good-and-bad.csv")) {
            read = OrgCsv.readUnits(r);
        }
        assertThat(read.rows()).extracting(UnitRow::code).containsExactly("T01", "S01", "X01");
        UnitRow province = read.rows().get(0);
        assertThat(province.kind()).isEqualTo(UnitKind.PROVINCE);
        assertThat(province.validFrom()).isEqualTo(LocalDate.of(2025, 7, 1));
        assertThat(province.ipRanges()).extracting(Cidr::toString).containsExactly("10.10.0.0/16", "2001:db8:10::/48");
        assertThat(province.emailDomains()).containsExactly("demo.gov.vn");
        assertThat(read.report().read()).isEqualTo(8);
        assertThat(read.report().accepted()).isEqualTo(3);
        assertThat(read.report().rejected()).isEqualTo(5);
        assertThat(read.report().rejections())
                .extracting(Rejection::line, Rejection::element)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(5L, "kind"),
                        org.assertj.core.groups.Tuple.tuple(6L, "validFrom"),
                        org.assertj.core.groups.Tuple.tuple(7L, "ip"),
                        org.assertj.core.groups.Tuple.tuple(8L, "code"),
                        org.assertj.core.groups.Tuple.tuple(9L, "code"));
        assertThat(read.report().rejections().get(2).reason()).contains("did you mean 10.20.4.0/24");
    }

    @Test
    void readsSemicolonPeopleWithStatusAndRoles() throws IOException {
        CsvRead<PersonRow> read;
        try (Reader r = resource("people-semicolon.csv")) {
            read = OrgCsv.readPeople(r);
        }
        assertThat(read.rows())
                .extracting(PersonRow::fullName)
                .containsExactly("Nguyễn Văn An", "Trần Thị Bình", "Phạm Thị Dung");
        assertThat(read.rows().get(0).roles()).containsExactly(Role.IT_OFFICER);
        assertThat(read.rows().get(1).roles()).containsExactly(Role.UNIT_HEAD);
        assertThat(read.rows().get(2).active()).isFalse();
        assertThat(read.report().rejections()).extracting(Rejection::line).containsExactly(4L, 6L, 7L);
    }

    @Test
    void reportsUnknownColumnsWithoutRejectingRows() {
        CsvRead<UnitRow> read = OrgCsv.readUnits(new StringReader("\uFEFFcode,name,kind,colour\nA1,Sở A,Sở,red\n"));
        assertThat(read.rows()).hasSize(1);
        assertThat(read.unknownColumns()).containsExactly("colour");
    }

    @Test
    void refusesAFileWithoutRequiredColumns() {
        assertThatThrownBy(() -> OrgCsv.readUnits(new StringReader("code,colour\nA,red\n")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 1")
                .hasMessageContaining("name");
    }

    @Test
    void parsesCidrsAndRejectsHostBitsAndHostnames() {
        assertThat(Cidr.parse("10.12.0.0/16").toString()).isEqualTo("10.12.0.0/16");
        assertThat(Cidr.parse("2001:0db8:0000::/48").toString()).isEqualTo("2001:db8::/48");
        assertThat(Cidr.parse("192.168.1.7").prefix()).isEqualTo(32);
        assertThatThrownBy(() -> Cidr.parse("10.12.3.4/16")).hasMessageContaining("10.12.0.0/16");
        assertThatThrownBy(() -> Cidr.parse("example.com")).hasMessageContaining("not an IP");
        assertThatThrownBy(() -> Cidr.parse("300.1.1.1/8")).hasMessageContaining("not an IP");
    }

    @Test
    void readsRolesAndKindsByTheirVietnameseLabels() {
        for (Role r : Role.values()) {
            assertThat(Role.parse(r.vietnamese())).contains(r);
        }
        for (UnitKind k : UnitKind.values()) {
            assertThat(UnitKind.parse(k.vietnamese())).contains(k);
        }
        assertThat(Role.parse("Công an (PA05)")).contains(Role.POLICE);
        assertThat(UnitKind.parse("Đặc khu")).contains(UnitKind.COMMUNE);
    }
}
