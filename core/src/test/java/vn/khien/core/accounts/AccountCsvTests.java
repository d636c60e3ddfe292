package vn.khien.core.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AccountCsvTests {
    @Test
    void readsVietnameseHeadersAndRejectsBadRowsWithTheirLine() {
        String csv = """
                Tên đăng nhập;Email;Hoạt động;Đăng nhập cuối;Quản trị;MFA
                an.lm;An.LM@demo.gov.vn;có;01/09/2026;không;có
                admin;admin@demo.gov.vn;có;;có;không
                bad;not-an-email;có;;;
                when;when@demo.gov.vn;có;32/13/2026;;
                ;x@demo.gov.vn;;;;
                an.lm;again@demo.gov.vn;;;;
                """;
        AccountCsv.Parsed p = AccountCsv.read(new StringReader(csv));
        assertThat(p.rows()).hasSize(2);
        assertThat(p.rows().get(0).email()).isEqualTo("an.lm@demo.gov.vn");
        assertThat(p.rows().get(0).lastLogin())
                .isEqualTo(LocalDate.of(2026, 9, 1).atStartOfDay());
        assertThat(p.rows().get(0).mfa()).isTrue();
        assertThat(p.rows().get(1).privileged()).isTrue();
        assertThat(p.rows().get(1).lastLogin()).isNull();
        assertThat(p.report().read()).isEqualTo(6);
        assertThat(p.report().accepted()).isEqualTo(2);
        assertThat(p.report().rejected()).isEqualTo(4);
        assertThat(p.report().rejections())
                .extracting(r -> r.line() + ":" + r.element())
                .containsExactly("4:email", "5:lastLogin", "6:login", "7:login");
    }

    @Test
    void refusesAHeaderWithoutLogin() {
        assertThatThrownBy(() -> AccountCsv.read(new StringReader("email,mfa\na@b.vn,yes\n")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("login");
    }

    @Test
    void readsIsoDatesAndCommas() {
        AccountCsv.Parsed p = AccountCsv.read(
                new StringReader("login,created,password last set\nu1,2025-01-02,2026-03-04T05:06:07Z\n"));
        assertThat(p.rows().get(0).created()).isEqualTo(LocalDate.of(2025, 1, 2).atStartOfDay());
        assertThat(p.rows().get(0).passwordSet())
                .isEqualTo(LocalDate.of(2026, 3, 4).atTime(5, 6, 7));
    }
}
