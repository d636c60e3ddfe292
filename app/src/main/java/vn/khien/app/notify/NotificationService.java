package vn.khien.app.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khien.app.audit.AuditTrail;
import vn.khien.app.duty.DutyService;
import vn.khien.app.duty.OnDuty;
import vn.khien.app.notify.internal.AckTokens;
import vn.khien.app.notify.internal.Couriers;
import vn.khien.app.notify.internal.NotifyDao;
import vn.khien.app.org.Person;
import vn.khien.app.org.PersonService;
import vn.khien.app.platform.UnitScope;
import vn.khien.app.security.SecretBox;
import vn.khien.core.org.Role;

/**
 * Delivers notifications: pages to the person on duty that climb to the backup and the team lead until someone
 * acknowledges, digests of low-severity events, relayed national warnings, settings, preferences and the log.
 */
@Service
public class NotificationService {
    static final String MANAGERS = "hasAnyRole('ADMIN','COORDINATOR')";
    static final Locale VI = Locale.forLanguageTag("vi");

    private final NotifyDao dao;
    private final Couriers couriers;
    private final AckTokens tokens;
    private final SecretBox box;
    private final DutyService duty;
    private final PersonService people;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final Clock clock;

    public NotificationService(
            NotifyDao dao,
            Couriers couriers,
            AckTokens tokens,
            SecretBox box,
            DutyService duty,
            PersonService people,
            AuditTrail audit,
            MessageSource messages,
            Clock clock) {
        this.dao = dao;
        this.couriers = couriers;
        this.tokens = tokens;
        this.box = box;
        this.duty = duty;
        this.people = people;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    @Transactional
    public NotifySettings settings() {
        NotifyDao.SettingsRow s = dao.settings();
        return new NotifySettings(
                s.smtpHost(),
                s.smtpPort(),
                s.smtpFrom(),
                s.telegramBaseUrl(),
                s.telegramTokenEnc() != null,
                s.ackMinutes(),
                s.publicBaseUrl(),
                s.smtpUsername(),
                s.smtpPasswordEnc() != null,
                s.smtpStartTls());
    }

    /**
     * Changes the settings; {@code telegramToken} null keeps the stored one, blank removes it. The token is stored
     * encrypted and never audited.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public NotifySettings updateSettings(NotifySettings next, @Nullable String telegramToken) {
        return updateSettings(next, telegramToken, null);
    }

    /**
     * Changes the settings; each secret ({@code telegramToken}, {@code smtpPassword}) null keeps the stored one,
     * blank removes it. Secrets are stored encrypted and never audited or returned.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public NotifySettings updateSettings(
            NotifySettings next, @Nullable String telegramToken, @Nullable String smtpPassword) {
        if (next.ackMinutes() < 1 || next.ackMinutes() > 1440) {
            throw new NotifyException(NotifyException.Kind.INVALID, "acknowledgement wait is 1 to 1440 minutes");
        }
        NotifySettings before = settings();
        NotifyDao.SettingsRow s = dao.settings();
        String enc = telegramToken == null
                ? s.telegramTokenEnc()
                : telegramToken.isBlank() ? null : box.encrypt(telegramToken.strip());
        dao.saveSettings(new NotifyDao.SettingsRow(
                blank(next.smtpHost()),
                next.smtpPort(),
                next.smtpFrom().isBlank() ? "khien@localhost" : next.smtpFrom().strip(),
                blank(next.telegramBaseUrl()),
                enc,
                next.ackMinutes(),
                blank(next.publicBaseUrl()),
                s.ackKeyEnc(),
                blank(next.smtpUsername()),
                smtpPassword == null ? s.smtpPasswordEnc() : smtpPassword.isBlank() ? null : box.encrypt(smtpPassword),
                next.smtpStartTls()));
        NotifySettings after = settings();
        audit.record("notify.settings", "notify_settings", 1, null, before, after);
        return after;
    }

    @Transactional(readOnly = true)
    public Optional<Preference> preference(UnitScope scope, long personId) {
        people.get(scope, personId);
        return dao.preference(personId);
    }

    /** Sets how a person is reached; the person themselves' unit officers, coordinators and admins may. */
    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR','IT_OFFICER','UNIT_HEAD','RESPONDER')")
    @Transactional
    public Preference setPreference(UnitScope scope, Preference p) {
        people.get(scope, p.personId());
        if (p.channel() == Channel.TELEGRAM
                && (p.telegramChatId() == null || !p.telegramChatId().matches("-?[0-9]{1,20}|@[A-Za-z0-9_]{5,32}"))) {
            throw new NotifyException(NotifyException.Kind.INVALID, "a Telegram chat id is a number or @channel");
        }
        Optional<Preference> before = dao.preference(p.personId());
        dao.savePreference(p);
        audit.record("notify.preference", "notify_preference", p.personId(), null, before.orElse(null), p);
        return p;
    }

    /**
     * Pages the person on duty at {@code now} about a high-severity subject; without an acknowledgement within the
     * configured minutes, {@link #escalate} pages the backup, then the team lead.
     */
    @Transactional
    public Page pageOnDuty(
            String subjectType,
            String subjectId,
            @Nullable Long unitId,
            String severity,
            String title,
            String text,
            Instant now) {
        Optional<OnDuty> onDuty = duty.chainAt(now);
        Set<Long> chain = new LinkedHashSet<>();
        onDuty.ifPresent(o -> {
            add(chain, o.primaryId());
            add(chain, o.backupId());
            add(chain, o.leadId());
        });
        List<Long> list = List.copyOf(chain);
        Long first = list.isEmpty() ? null : list.get(0);
        long id = dao.insertPage(
                subjectType,
                subjectId,
                unitId,
                onDuty.map(o -> o.team().id()).orElse(null),
                severity,
                title,
                text,
                list,
                first,
                now);
        if (first == null) {
            dao.log(id, null, null, "NONE", null, title, "NO_ADDRESS", 0, "nobody is on duty", now);
            dao.advance(id, 0, null, now, true);
        } else {
            sendPage(id, first, false, now);
        }
        Page page = dao.page(id).orElseThrow();
        audit.record("notify.page", "notify_page", id, unitId, null, page);
        return page;
    }

    /** Queues a low-severity event for the digest of the person on duty (or their preference says no digest). */
    @Transactional
    public void digest(String title, Instant now) {
        Optional<OnDuty> o = duty.chainAt(now);
        Long person = o.map(OnDuty::primaryId).orElse(o.map(OnDuty::leadId).orElse(null));
        if (person == null) {
            dao.log(null, null, null, "NONE", null, title, "NO_ADDRESS", 0, "nobody is on duty", now);
            return;
        }
        if (!dao.preference(person).map(Preference::digestLow).orElse(true)) {
            deliver(null, null, person, msg("notify.digest.subject", 1), title, now);
            return;
        }
        Route r = route(person);
        dao.log(null, null, person, r.channel().name(), r.address(), title, "QUEUED_DIGEST", 0, null, now);
    }

    /** Sends one digest per person of everything queued; returns how many digests went out. */
    @Transactional
    public int sendDigests(Instant now) {
        Map<Long, List<Delivery>> byPerson = new LinkedHashMap<>();
        for (Delivery d : dao.queuedDigests()) {
            byPerson.computeIfAbsent(d.personId(), k -> new ArrayList<>()).add(d);
        }
        int sent = 0;
        for (Map.Entry<Long, List<Delivery>> e : byPerson.entrySet()) {
            Person p = people.get(UnitScope.province(), e.getKey());
            StringBuilder lines = new StringBuilder();
            e.getValue().forEach(d -> lines.append("- ").append(d.subject()).append('\n'));
            String subject = msg("notify.digest.subject", e.getValue().size());
            String body = msg("notify.digest.body", p.fullName(), lines.toString());
            if (deliver(null, null, p.id(), subject, body, now)) {
                dao.markDigested(e.getValue().stream().map(Delivery::id).toList(), now);
                sent++;
            }
        }
        return sent;
    }

    /**
     * Moves every unacknowledged page that waited the configured minutes to the next person of its chain, or marks
     * it exhausted; pages older than a day are left alone (they were reported as exhausted or acknowledged long ago).
     * Returns how many pages moved.
     */
    @Transactional
    public int escalate(Instant now) {
        int wait = dao.settings().ackMinutes();
        int moved = 0;
        for (Page p : dao.due(now.minus(Duration.ofDays(1)), now.minus(Duration.ofMinutes(wait)))) {
            int next = p.level() + 1;
            if (next < p.chain().size()) {
                long person = p.chain().get(next);
                dao.advance(p.id(), next, person, now, false);
                sendPage(p.id(), person, true, now);
                audit.record(
                        "notify.escalate",
                        "notify_page",
                        p.id(),
                        null,
                        p,
                        dao.page(p.id()).orElseThrow());
                moved++;
            } else {
                dao.advance(p.id(), p.level(), p.recipientId(), now, true);
                audit.record(
                        "notify.exhausted",
                        "notify_page",
                        p.id(),
                        null,
                        p,
                        dao.page(p.id()).orElseThrow());
            }
        }
        return moved;
    }

    /**
     * Mails one person (their preferred e-mail address, else their organisation address) through the configured SMTP
     * server and logs the delivery; used by other modules to tell an account owner what was done. The body may carry
     * a one-time secret the person needs; it is never logged or stored, only the subject is.
     *
     * @return the delivery as logged (SENT, FAILED or NO_ADDRESS)
     */
    @Transactional
    public Delivery mailPerson(long personId, String subject, String body) {
        Instant now = clock.instant();
        Person p = people.get(UnitScope.province(), personId);
        String email = dao.preference(personId)
                .map(Preference::email)
                .filter(e -> e != null && !e.isBlank())
                .orElse(p.email());
        long id;
        if (email == null || email.isBlank()) {
            id = dao.log(null, null, personId, Channel.EMAIL.name(), null, subject, "NO_ADDRESS", 0, "no address", now);
        } else {
            NotifyDao.SettingsRow s = dao.settings();
            Couriers.Outcome o = couriers.send(
                    new Couriers.Route(
                            Channel.EMAIL,
                            email,
                            s.smtpHost() == null ? "" : s.smtpHost(),
                            s.smtpPort() == null ? 25 : s.smtpPort(),
                            s.smtpFrom(),
                            "",
                            "",
                            s.smtpUsername() == null ? "" : s.smtpUsername(),
                            s.smtpPasswordEnc() == null ? "" : box.decrypt(s.smtpPasswordEnc()),
                            s.smtpStartTls()),
                    subject,
                    body);
            id = dao.log(
                    null,
                    null,
                    personId,
                    Channel.EMAIL.name(),
                    email,
                    subject,
                    o.sent() ? "SENT" : "FAILED",
                    o.attempts(),
                    o.sent() ? null : o.error(),
                    now);
        }
        return dao.delivery(id).orElseThrow();
    }

    /** What an acknowledgement link did. */
    public record Acknowledgement(boolean valid, boolean already, String title) {}

    /** Marks the page or warning of a signed token acknowledged by its person; stops further escalation. */
    @Transactional
    public Acknowledgement acknowledge(String token, Instant now) {
        Optional<AckTokens.Claim> claim = tokens.verify(token);
        if (claim.isEmpty()) {
            return new Acknowledgement(false, false, "");
        }
        AckTokens.Claim c = claim.get();
        if (c.kind() == 'p') {
            Optional<Page> page = dao.page(c.id());
            if (page.isEmpty()) {
                return new Acknowledgement(false, false, "");
            }
            boolean done = dao.acknowledgePage(c.id(), c.personId(), now);
            if (done) {
                audit.recordAs(
                        "person:" + c.personId(),
                        "notify.ack",
                        "notify_page",
                        c.id(),
                        null,
                        dao.page(c.id()).orElseThrow());
            }
            return new Acknowledgement(true, !done, page.get().title());
        }
        if (c.kind() == 'w') {
            Optional<NotifyDao.WarningRow> w =
                    dao.warnings(10_000).stream().filter(x -> x.id() == c.id()).findFirst();
            if (w.isEmpty()) {
                return new Acknowledgement(false, false, "");
            }
            boolean done = dao.acknowledgeWarning(c.id(), c.personId(), now);
            if (done) {
                audit.recordAs(
                        "person:" + c.personId(), "notify.warning.ack", "notify_warning", c.id(), null, c.personId());
            }
            return new Acknowledgement(true, !done, w.get().title());
        }
        return new Acknowledgement(false, false, "");
    }

    /** Sends a national warning to the IT officers and heads of the chosen units and records who received it. */
    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR','POLICE')")
    @Transactional
    public Warning relayWarning(UnitScope scope, String reference, String title, String body, List<Long> unitIds) {
        if (reference.isBlank() || title.isBlank() || body.isBlank() || unitIds.isEmpty()) {
            throw new NotifyException(
                    NotifyException.Kind.INVALID, "a warning needs a reference, title, text and units");
        }
        Instant now = clock.instant();
        long id = dao.insertWarning(reference.strip(), title.strip(), body.strip(), actor(), now);
        for (long unitId : unitIds) {
            for (Person p : people.inUnit(scope, unitId)) {
                if (!p.active()
                        || !(p.roles().contains(Role.IT_OFFICER) || p.roles().contains(Role.UNIT_HEAD))) {
                    continue;
                }
                String link = link(tokens.issue('w', id, p.id()));
                boolean ok = deliver(
                        null,
                        id,
                        p.id(),
                        msg("notify.warning.subject", reference.strip(), title.strip()),
                        msg("notify.warning.body", p.fullName(), body.strip(), link),
                        now);
                dao.insertRecipient(id, unitId, p.id(), ok);
            }
        }
        Warning w = warning(scope, id);
        audit.record("notify.warning.relay", "notify_warning", id, null, null, w);
        return w;
    }

    @Transactional(readOnly = true)
    public List<Warning> warnings(UnitScope scope) {
        return dao.warnings(100).stream().map(w -> warning(scope, w.id())).toList();
    }

    @Transactional(readOnly = true)
    public Warning warning(UnitScope scope, long id) {
        NotifyDao.WarningRow w = dao.warnings(10_000).stream()
                .filter(x -> x.id() == id)
                .findFirst()
                .orElseThrow(() -> new NotifyException(NotifyException.Kind.NOT_FOUND, "warning " + id + " not found"));
        List<Warning.Recipient> rs = dao.recipients(id).stream()
                .filter(r -> scope.allows(r.unitId()))
                .map(r -> new Warning.Recipient(
                        r.unitId(),
                        r.personId(),
                        people.get(UnitScope.province(), r.personId()).fullName(),
                        r.delivered(),
                        r.acknowledgedAt()))
                .toList();
        return new Warning(w.id(), w.reference(), w.title(), w.body(), w.createdBy(), w.createdAt(), rs);
    }

    /** The delivery log, for province-wide roles only. */
    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR','AUDITOR')")
    @Transactional(readOnly = true)
    public List<Delivery> deliveries(UnitScope scope) {
        return scope.all() ? dao.deliveries(500) : List.of();
    }

    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR','AUDITOR','RESPONDER','POLICE')")
    @Transactional(readOnly = true)
    public List<Page> pages(UnitScope scope) {
        return scope.all() ? dao.pages(200) : List.of();
    }

    @Transactional(readOnly = true)
    public Page page(long id) {
        return dao.page(id)
                .orElseThrow(() -> new NotifyException(NotifyException.Kind.NOT_FOUND, "page " + id + " not found"));
    }

    /** The acknowledgement link a person gets for a page; exposed for the UI and tests. */
    public String pageAckLink(long pageId, long personId) {
        return link(tokens.issue('p', pageId, personId));
    }

    private void sendPage(long pageId, long personId, boolean escalated, Instant now) {
        Page p = dao.page(pageId).orElseThrow();
        Person person = people.get(UnitScope.province(), personId);
        String zoneTime =
                DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy").withZone(zone()).format(p.createdAt());
        String subject = (escalated ? msg("notify.page.escalated") + " " : "")
                + msg("notify.page.subject", p.severity(), p.title());
        String body = msg(
                "notify.page.body",
                person.fullName(),
                dao.pageBody(pageId),
                p.severity(),
                zoneTime,
                pageAckLink(pageId, personId),
                dao.settings().ackMinutes());
        deliver(pageId, null, personId, subject, body, now);
    }

    /** A person's route: their preference, or e-mail to their organisation address. */
    record Route(Channel channel, @Nullable String address) {}

    private Route route(long personId) {
        Optional<Preference> pref = dao.preference(personId);
        if (pref.isPresent() && pref.get().channel() == Channel.TELEGRAM) {
            return new Route(Channel.TELEGRAM, pref.get().telegramChatId());
        }
        String email = pref.map(Preference::email)
                .filter(e -> !e.isBlank())
                .orElse(people.get(UnitScope.province(), personId).email());
        return new Route(Channel.EMAIL, email);
    }

    private boolean deliver(
            @Nullable Long pageId, @Nullable Long warningId, long personId, String subject, String body, Instant now) {
        Route r = route(personId);
        if (r.address() == null || r.address().isBlank()) {
            dao.log(pageId, warningId, personId, r.channel().name(), null, subject, "NO_ADDRESS", 0, "no address", now);
            return false;
        }
        NotifyDao.SettingsRow s = dao.settings();
        Couriers.Outcome o = couriers.send(
                new Couriers.Route(
                        r.channel(),
                        r.address(),
                        s.smtpHost() == null ? "" : s.smtpHost(),
                        s.smtpPort() == null ? 25 : s.smtpPort(),
                        s.smtpFrom(),
                        s.telegramBaseUrl() == null ? "" : s.telegramBaseUrl(),
                        s.telegramTokenEnc() == null ? "" : box.decrypt(s.telegramTokenEnc()),
                        s.smtpUsername() == null ? "" : s.smtpUsername(),
                        s.smtpPasswordEnc() == null ? "" : box.decrypt(s.smtpPasswordEnc()),
                        s.smtpStartTls()),
                subject,
                body);
        dao.log(
                pageId,
                warningId,
                personId,
                r.channel().name(),
                r.address(),
                subject,
                o.sent() ? "SENT" : "FAILED",
                o.attempts(),
                o.sent() ? null : o.error(),
                now);
        return o.sent();
    }

    private String link(String token) {
        String base = dao.settings().publicBaseUrl();
        base = base == null ? "http://localhost:8080" : base.replaceAll("/+$", "");
        return base + "/ack/" + token;
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, VI);
    }

    private ZoneId zone() {
        return clock.getZone();
    }

    private static void add(Set<Long> chain, @Nullable Long id) {
        if (id != null) {
            chain.add(id);
        }
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String actor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? "system" : auth.getName();
    }
}
