package vn.khien.app.demo;

import java.io.StringReader;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import org.springframework.stereotype.Component;
import vn.khien.app.accounts.AccountAuditService;
import vn.khien.app.accounts.AccountImportResult;
import vn.khien.app.accounts.AccountService;
import vn.khien.app.accounts.AccountSystem;
import vn.khien.app.accounts.SystemKind;
import vn.khien.app.org.Person;
import vn.khien.app.org.PersonService;
import vn.khien.app.org.Unit;
import vn.khien.app.org.UnitService;
import vn.khien.app.platform.UnitScope;

/**
 * Demo official-mail accounts: for each demo unit with a mail domain, an account export (CSV, as a mail
 * server's admin console gives it) generated from the unit's people, with some idle accounts, the accounts
 * of people who left (orphaned), an administrator without MFA and a shared mailbox without an owner,
 * imported through the account CSV importer; then the registry audit.
 */
@Component
class DemoAccounts implements DemoStep {
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final AccountService accounts;
    private final AccountAuditService audits;
    private final UnitService units;
    private final PersonService people;
    private final Clock clock;

    DemoAccounts(
            AccountService accounts, AccountAuditService audits, UnitService units, PersonService people, Clock clock) {
        this.accounts = accounts;
        this.audits = audits;
        this.units = units;
        this.people = people;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "accounts";
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public String load() {
        UnitScope all = UnitScope.province();
        Random random = new Random(20260705L);
        LocalDate today = LocalDate.now(clock);
        long imported = 0;
        int systems = 0;
        for (Unit unit : units.all(all)) {
            List<String> domains = units.emailDomains(all, unit.id());
            List<Person> staff = people.inUnit(all, unit.id());
            if (domains.isEmpty() || staff.isEmpty()) {
                continue;
            }
            String domain = domains.get(0);
            StringBuilder csv = new StringBuilder(
                    "Tên đăng nhập,Email,Hoạt động,Bị khóa,Ngày tạo,Đăng nhập cuối,Ngày đổi mật khẩu,Quản trị,MFA\n");
            for (Person p : staff) {
                if (p.email() == null) {
                    continue;
                }
                String login = p.email().substring(0, p.email().indexOf('@'));
                int roll = random.nextInt(10);
                // most sign in every few days; one in five has not for months
                LocalDate last =
                        roll < 8 ? today.minusDays(random.nextInt(10)) : today.minusDays(60 + random.nextInt(300));
                row(
                        csv,
                        login,
                        p.email(),
                        true,
                        today.minusDays(400 + random.nextInt(900)),
                        last,
                        today.minusDays(random.nextInt(200)),
                        false,
                        roll % 3 == 0);
            }
            // the mail administrator, without MFA in half of the units
            row(
                    csv,
                    "quantri",
                    "quantri@" + domain,
                    true,
                    today.minusDays(1500),
                    today.minusDays(random.nextInt(5)),
                    today.minusDays(700),
                    true,
                    random.nextBoolean());
            // a shared mailbox nobody owns
            row(
                    csv,
                    "vanthu.chung",
                    "vanthu.chung@" + domain,
                    true,
                    today.minusDays(1200),
                    today.minusDays(random.nextInt(30)),
                    today.minusDays(900),
                    false,
                    false);
            AccountSystem system = accounts.createSystem(all, "Thư công vụ " + domain, SystemKind.MAIL, unit.id());
            AccountImportResult r = accounts.importCsv(all, system.id(), new StringReader(csv.toString()));
            imported += r.report().accepted();
            systems++;
        }
        AccountAuditService.RegistryCounts counts = audits.runRegistryAudit(all, AccountAuditService.DEFAULT_IDLE_DAYS);
        return systems + " mail systems, " + imported + " accounts; findings: " + counts.idle() + " idle, "
                + counts.orphan() + " orphaned, " + counts.adminMfa() + " administrators without MFA";
    }

    private static void row(
            StringBuilder csv,
            String login,
            String email,
            boolean enabled,
            LocalDate created,
            LocalDate lastLogin,
            LocalDate passwordSet,
            boolean admin,
            boolean mfa) {
        csv.append(login)
                .append(',')
                .append(email)
                .append(',')
                .append(enabled ? "có" : "không")
                .append(",không,")
                .append(DMY.format(created))
                .append(',')
                .append(DMY.format(lastLogin))
                .append(',')
                .append(DMY.format(passwordSet))
                .append(',')
                .append(admin ? "có" : "không")
                .append(',')
                .append(mfa ? "có" : "không")
                .append('\n');
    }
}
