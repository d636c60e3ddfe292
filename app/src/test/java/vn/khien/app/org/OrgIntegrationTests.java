package vn.khien.app.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.khien.app.platform.UnitScope;
import vn.khien.app.support.Fixtures;
import vn.khien.app.support.KhienIntegrationTest;
import vn.khien.core.ingest.Rejection;

@KhienIntegrationTest
class OrgIntegrationTests {
    @Autowired
    OrgImportService imports;

    @Autowired
    UnitService units;

    @Autowired
    PersonService people;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    private static final String UNITS = """
            Mã đơn vị,Tên đơn vị,Loại,Mã cấp trên,Hiệu lực từ,Dải IP,Tên miền thư
            X01,Xã Bình An,Xã,T01,01/07/2025,10.20.1.0/24;2001:db8:20:1::/64,binhan.demo.gov.vn
            T01,UBND Tỉnh Demo,Tỉnh,,01/07/2025,10.0.0.0/8;2001:db8::/32,demo.gov.vn
            X02,Xã Lạ,Xã,KHONGCO,01/07/2025,,
            X03,Xã Trùng Dải,Xã,T01,01/07/2025,10.20.1.0/24,
            X04,Xã Sai Ngày,Xã,T01,32/01/2025,,
            S01,Sở Khoa học và Công nghệ,Sở,T01,01/07/2025,10.11.2.0/24,skhcn.demo.gov.vn
            """;

    @Test
    void importsGoodUnitRowsAndReportsBadOnesWithLineNumbers() {
        OrgImportResult result =
                Fixtures.asAdmin(() -> imports.importUnits(UnitScope.province(), new StringReader(UNITS)));

        assertThat(result.report().read()).isEqualTo(6);
        assertThat(result.created()).isEqualTo(3);
        assertThat(result.report().rejections())
                .extracting(Rejection::line, Rejection::element)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(4L, "parent"),
                        org.assertj.core.groups.Tuple.tuple(5L, "ip"),
                        org.assertj.core.groups.Tuple.tuple(6L, "validFrom"));
        assertThat(units.all(UnitScope.province()))
                .extracting(Unit::code)
                .containsExactlyInAnyOrder("T01", "X01", "S01");
        // the child listed before its parent was attached to it
        assertThat(fixtures.unit("X01").parentId())
                .isEqualTo(fixtures.unit("T01").id());
    }

    @Test
    void reimportingTheSameFileChangesNothing() {
        Fixtures.asAdmin(() -> imports.importUnits(UnitScope.province(), new StringReader(UNITS)));
        long versions =
                jdbc.sql("select count(*) from unit_version").query(Long.class).single();

        OrgImportResult again =
                Fixtures.asAdmin(() -> imports.importUnits(UnitScope.province(), new StringReader(UNITS)));

        assertThat(again.created()).isZero();
        assertThat(again.updated()).isZero();
        assertThat(again.report().duplicates()).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from unit_version")
                        .query(Long.class)
                        .single())
                .isEqualTo(versions);
    }

    @Test
    void peopleImportKeepsGoodRowsAndRejectsUnknownUnitsAndBadEmails() {
        Fixtures.asAdmin(() -> imports.importUnits(UnitScope.province(), new StringReader(UNITS)));
        String csv = """
                Họ và tên;Chức vụ;Mã đơn vị;Email;Điện thoại;Trạng thái;Vai trò
                Nguyễn Văn An;Chuyên viên;X01;an.nv@binhan.demo.gov.vn;0912345678;Đang công tác;Cán bộ phụ trách CNTT
                Trần Thị Bình;Chủ tịch;X01;binh.tt@binhan.demo.gov.vn;;;Thủ trưởng đơn vị
                Lê Văn Cường;Kế toán;X99;cuong@binhan.demo.gov.vn;;;
                Phạm Thị Dung;Văn thư;X01;khong-phai-email;;;
                """;
        OrgImportResult result =
                Fixtures.asAdmin(() -> imports.importPeople(UnitScope.province(), new StringReader(csv)));

        assertThat(result.created()).isEqualTo(2);
        assertThat(result.report().rejections()).extracting(Rejection::line).containsExactly(4L, 5L);
        assertThat(people.search(UnitScope.province(), null, null, 10, 0))
                .extracting(Person::fullName)
                .containsExactlyInAnyOrder("Nguyễn Văn An", "Trần Thị Bình");
    }

    @Test
    void aDatabaseFailureMidImportLeavesNothingBehind() {
        Fixtures.asAdmin(() -> imports.importUnits(UnitScope.province(), new StringReader(UNITS)));
        long unitsBefore =
                jdbc.sql("select count(*) from unit").query(Long.class).single();
        long rangesBefore =
                jdbc.sql("select count(*) from unit_ip_range").query(Long.class).single();
        // simulate the database failing on the third new row, after two rows were already written
        jdbc.sql("""
                create or replace function khien_test_fail() returns trigger language plpgsql as $$
                begin raise exception 'simulated failure'; end $$""").update();
        jdbc.sql("create trigger khien_test_fail before insert on unit_version for each row"
                        + " when (new.name = 'Xã Hỏng') execute function khien_test_fail()")
                .update();
        try {
            String csv = "code,name,kind,parent,ip\nN1,Xã Một,Xã,T01,10.30.1.0/24\nN2,Xã Hai,Xã,T01,10.30.2.0/24\n"
                    + "N3,Xã Hỏng,Xã,T01,10.30.3.0/24\n";
            assertThatThrownBy(() ->
                            Fixtures.asAdmin(() -> imports.importUnits(UnitScope.province(), new StringReader(csv))))
                    .isInstanceOf(RuntimeException.class);
        } finally {
            jdbc.sql("drop trigger khien_test_fail on unit_version").update();
            jdbc.sql("drop function khien_test_fail()").update();
        }
        assertThat(jdbc.sql("select count(*) from unit").query(Long.class).single())
                .isEqualTo(unitsBefore);
        assertThat(jdbc.sql("select count(*) from unit_ip_range")
                        .query(Long.class)
                        .single())
                .isEqualTo(rangesBefore);
    }

    @Test
    void findsTheOwnerOfAnAddressByLongestPrefixForIpv4AndIpv6() {
        Fixtures.asAdmin(() -> imports.importUnits(UnitScope.province(), new StringReader(UNITS)));

        assertThat(units.ownerOf(UnitScope.province(), "10.20.1.77"))
                .get()
                .extracting(IpRange::unitId)
                .isEqualTo(fixtures.unit("X01").id());
        assertThat(units.ownerOf(UnitScope.province(), "10.99.0.1"))
                .get()
                .extracting(IpRange::unitId)
                .isEqualTo(fixtures.unit("T01").id());
        assertThat(units.ownerOf(UnitScope.province(), "2001:db8:20:1::abcd"))
                .get()
                .extracting(IpRange::network)
                .isEqualTo("2001:db8:20:1::/64");
        assertThat(units.ownerOf(UnitScope.province(), "2001:db8:ffff::1"))
                .get()
                .extracting(IpRange::unitId)
                .isEqualTo(fixtures.unit("T01").id());
        assertThat(units.ownerOf(UnitScope.province(), "192.168.1.1")).isEmpty();
        assertThatThrownBy(() -> units.ownerOf(UnitScope.province(), "evil.example.com"))
                .isInstanceOf(OrgException.class);
    }

    @Test
    void mergeMovesChildrenNetworksAndPeopleAndKeepsHistory() {
        fixtures.demoProvince();
        Unit source = fixtures.unit("X-HN");
        Unit target = fixtures.unit("X-QT");
        long peopleBefore = people.inUnit(UnitScope.province(), source.id()).size()
                + people.inUnit(UnitScope.province(), target.id()).size();

        Fixtures.asAdmin(() -> units.merge(UnitScope.province(), source.id(), target.id(), LocalDate.of(2026, 1, 1)));

        assertThat(units.find(UnitScope.province(), source.id())).isEmpty();
        assertThat(people.inUnit(UnitScope.province(), target.id())).hasSize((int) peopleBefore);
        assertThat(units.ownerOf(UnitScope.province(), "10.20.13.5"))
                .get()
                .extracting(IpRange::unitId)
                .isEqualTo(target.id());
        assertThat(units.asOf(UnitScope.province(), LocalDate.of(2025, 12, 31)))
                .extracting(Unit::code)
                .contains("X-HN");
        assertThat(units.asOf(UnitScope.province(), LocalDate.of(2026, 1, 2)))
                .extracting(Unit::code)
                .doesNotContain("X-HN");
    }

    @Test
    void moveKeepsThePreviousParentInHistory() {
        fixtures.demoProvince();
        Unit centre = fixtures.unit("S-KHCN-TTCNTT");
        Unit office = fixtures.unit("S-VP");

        Fixtures.asAdmin(() -> units.move(UnitScope.province(), centre.id(), office.id(), LocalDate.of(2026, 3, 1)));

        assertThat(units.history(UnitScope.province(), centre.id()))
                .extracting(UnitVersion::parentName, UnitVersion::change)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Văn phòng UBND tỉnh", "MOVED"),
                        org.assertj.core.groups.Tuple.tuple("Sở Khoa học và Công nghệ", "CREATED"));
        assertThatThrownBy(
                        () -> Fixtures.asAdmin(() -> units.move(UnitScope.province(), office.id(), centre.id(), null)))
                .isInstanceOf(OrgException.class)
                .hasMessageContaining("under itself");
    }
}
