package vn.khien.app.directives;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khien.app.audit.AuditTrail;
import vn.khien.app.directives.internal.DirectiveDao;
import vn.khien.app.directives.internal.DirectiveFiles;
import vn.khien.app.directives.internal.TaskDao;
import vn.khien.app.org.Unit;
import vn.khien.app.org.UnitService;
import vn.khien.app.platform.UnitScope;
import vn.khien.core.directive.DirectiveFormatException;
import vn.khien.core.directive.DirectiveItem;
import vn.khien.core.directive.DirectiveParser;
import vn.khien.core.directive.ParsedDirective;
import vn.khien.core.org.UnitKind;

/**
 * Directives within the caller's scope: import of a letter file or pasted text through the core parser into a
 * draft, correction of every field and item, activation. Unit-level callers see only active directives that gave
 * their units a task. Every change is audited.
 */
@Service
public class DirectiveService {
    static final String READERS =
            "hasAnyRole('ADMIN','COORDINATOR','POLICE','RESPONDER','IT_OFFICER','UNIT_HEAD','AUDITOR')";
    static final String COORDINATORS = "hasAnyRole('ADMIN','COORDINATOR')";

    /** Largest directive file accepted by the import: a letter is a few pages, even as DOCX with a logo. */
    public static final long MAX_IMPORT_BYTES = 5L * 1024 * 1024;

    private static final Set<String> EXTENSIONS = Set.of("txt", "md", "docx");

    private final DirectiveDao dao;
    private final TaskDao tasks;
    private final DirectiveFiles files;
    private final UnitService units;
    private final AuditTrail audit;
    private final Clock clock;

    public DirectiveService(
            DirectiveDao dao, TaskDao tasks, DirectiveFiles files, UnitService units, AuditTrail audit, Clock clock) {
        this.dao = dao;
        this.tasks = tasks;
        this.files = files;
        this.units = units;
        this.audit = audit;
        this.clock = clock;
    }

    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public List<Directive> list(UnitScope scope) {
        return dao.list(scope);
    }

    /** A directive with its items, if the caller may see it. */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public Directive get(UnitScope scope, long id) {
        return dao.find(scope, id).orElseThrow(() -> DirectiveException.notFound("directive " + id));
    }

    /** The imported file of a directive, as stored. */
    @PreAuthorize(READERS)
    public Path source(UnitScope scope, long id) {
        return files.path(get(scope, id).sourceSha256());
    }

    /**
     * Imports a letter (.txt, .md or .docx, at most {@link #MAX_IMPORT_BYTES}) into a draft: the file is kept, the
     * parser's fields are stored and what it did not find is listed in {@link Directive#missing()}.
     */
    @PreAuthorize(COORDINATORS)
    @Transactional
    public Directive importFile(UnitScope scope, String fileName, InputStream in) {
        String name = cleanName(fileName);
        String ext =
                name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        if (!EXTENSIONS.contains(ext)) {
            throw DirectiveException.invalid("only .txt, .md and .docx files can be imported, not " + name);
        }
        byte[] bytes;
        try {
            bytes = in.readNBytes((int) MAX_IMPORT_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length > MAX_IMPORT_BYTES) {
            throw new DirectiveException(
                    DirectiveException.Kind.TOO_LARGE,
                    name + " is larger than the limit of " + MAX_IMPORT_BYTES / (1024 * 1024) + " MB");
        }
        if (bytes.length == 0) {
            throw DirectiveException.invalid(name + " is empty");
        }
        ParsedDirective parsed;
        try {
            parsed = DirectiveParser.parse(bytes);
        } catch (DirectiveFormatException e) {
            throw DirectiveException.invalid(name + ": " + e.getMessage());
        } catch (RuntimeException e) {
            throw DirectiveException.invalid(name + ": the file cannot be read as a directive");
        }
        DirectiveFiles.Stored stored = files.store(new ByteArrayInputStream(bytes), MAX_IMPORT_BYTES);
        return save(parsed, name, stored.sha256(), stored.size());
    }

    /** Imports pasted text, kept as a UTF-8 .txt file. */
    @PreAuthorize(COORDINATORS)
    @Transactional
    public Directive importText(UnitScope scope, String text) {
        if (text.isBlank()) {
            throw DirectiveException.invalid("the pasted text is empty");
        }
        return importFile(
                scope,
                "van-ban-dan.txt",
                new ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private Directive save(ParsedDirective p, String name, String sha, long size) {
        Instant now = clock.instant();
        DirectiveEdit edit = new DirectiveEdit(
                p.number(),
                p.symbol(),
                p.issuer() == null ? null : p.issuer().parentBody(),
                p.issuer() == null ? null : p.issuer().body(),
                p.place(),
                p.date(),
                p.subject(),
                p.urgency(),
                p.secrecy(),
                p.recipients(),
                p.cc(),
                p.signer() == null ? List.of() : p.signer().authority(),
                p.signer() == null ? null : p.signer().position(),
                p.signer() == null ? null : p.signer().name(),
                List.of());
        long id = dao.insert(edit, p.missing(), name, sha, size, now, actor());
        int pos = 0;
        for (DirectiveItem item : p.items()) {
            StringBuilder text = new StringBuilder(item.text());
            Set<String> named = new LinkedHashSet<>(item.units());
            fold(item.subItems(), "", text, named);
            dao.insertItem(id, ++pos, item.number(), text.toString(), List.copyOf(named));
        }
        Directive d = dao.find(UnitScope.province(), id).orElseThrow();
        audit.record("directive.import", "directive", id, null, null, summary(d));
        return d;
    }

    /** Sub-points become lines of the item's text ("a) …", "- …"), indented by depth. */
    private static void fold(List<DirectiveItem> subs, String indent, StringBuilder text, Set<String> named) {
        for (DirectiveItem s : subs) {
            String marker = s.number().matches("[-+•*]") ? s.number() : s.number() + ")";
            text.append('\n').append(indent).append(marker).append(' ').append(s.text());
            named.addAll(s.units());
            fold(s.subItems(), indent + "  ", text, named);
        }
    }

    /** Replaces the fields and items of a directive with the corrected ones; items with tasks cannot be removed. */
    @PreAuthorize(COORDINATORS)
    @Transactional
    public Directive update(UnitScope scope, long id, DirectiveEdit edit) {
        Directive before = get(scope, id);
        Set<Long> keep = new HashSet<>();
        for (DirectiveEdit.ItemEdit i : edit.items()) {
            if (i.id() != null) {
                if (before.items().stream().noneMatch(b -> b.id() == i.id())) {
                    throw DirectiveException.invalid("item " + i.id() + " is not an item of directive " + id);
                }
                keep.add(i.id());
            }
        }
        for (DirectiveClause old : before.items()) {
            if (!keep.contains(old.id())) {
                if (tasks.itemHasTasks(old.id())) {
                    throw new DirectiveException(
                            DirectiveException.Kind.CONFLICT,
                            "item " + old.number() + " has tasks and cannot be removed");
                }
                dao.deleteItem(old.id());
            }
        }
        int pos = 0;
        for (DirectiveEdit.ItemEdit i : edit.items()) {
            String number = clean(i.number());
            String text = i.text() == null ? "" : i.text().strip();
            if (text.isEmpty()) {
                throw DirectiveException.invalid("item " + number + " has no text");
            }
            if (i.id() == null) {
                dao.insertItem(id, ++pos, number.isEmpty() ? String.valueOf(pos) : number, text, List.of());
            } else {
                dao.updateItem(i.id(), ++pos, number.isEmpty() ? String.valueOf(pos) : number, text);
            }
        }
        DirectiveEdit cleaned = new DirectiveEdit(
                blank(edit.number()),
                blank(edit.symbol()),
                blank(edit.issuerParent()),
                blank(edit.issuerBody()),
                blank(edit.place()),
                edit.issuedOn(),
                blank(edit.subject()),
                blank(edit.urgency()),
                blank(edit.secrecy()),
                lines(edit.recipients()),
                lines(edit.cc()),
                lines(edit.signerAuthority()),
                blank(edit.signerPosition()),
                blank(edit.signerName()),
                List.of());
        dao.update(id, cleaned, stillMissing(cleaned, pos));
        Directive after = get(scope, id);
        audit.record("directive.update", "directive", id, null, summary(before), summary(after));
        return after;
    }

    /** Confirms a reviewed draft: it becomes active and its items can be assigned. */
    @PreAuthorize(COORDINATORS)
    @Transactional
    public Directive activate(UnitScope scope, long id) {
        Directive before = get(scope, id);
        if (before.active()) {
            throw new DirectiveException(DirectiveException.Kind.CONFLICT, "directive " + id + " is already active");
        }
        if (before.items().isEmpty()) {
            throw DirectiveException.invalid("a directive without items cannot be activated");
        }
        dao.activate(id, clock.instant(), actor());
        Directive after = get(scope, id);
        audit.record("directive.activate", "directive", id, null, summary(before), summary(after));
        return after;
    }

    /**
     * Units the parser named in an item or in the recipients that match existing units: by name, or "các xã",
     * "các phường", "các sở" for every unit of that kind. Used to preselect assignees.
     */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public Set<Long> suggestedUnits(UnitScope scope, long directiveId, long itemId) {
        Directive d = get(scope, directiveId);
        List<String> names = new ArrayList<>();
        d.items().stream().filter(i -> i.id() == itemId).forEach(i -> names.addAll(i.units()));
        names.addAll(d.recipients());
        List<Unit> all = units.all(scope);
        Set<Long> out = new LinkedHashSet<>();
        for (String raw : names) {
            String n = norm(raw);
            for (Unit u : all) {
                String un = norm(u.name());
                boolean byName =
                        un.length() > 4 && (n.equals(un) || n.contains(un) || un.contains(n) && n.length() > 8);
                boolean byKind = (n.contains("các xã") || n.contains("xã, phường")) && u.kind() == UnitKind.COMMUNE
                        || (n.contains("các phường") || n.contains("xã, phường")) && u.kind() == UnitKind.WARD
                        || n.contains("các sở") && u.kind() == UnitKind.DEPARTMENT;
                if (byName || byKind) {
                    out.add(u.id());
                }
            }
        }
        return out;
    }

    private static String norm(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC)
                .toLowerCase(new Locale("vi"))
                .replaceAll("\\bubnd\\b", "ủy ban nhân dân")
                .replaceAll("[;.:]+$", "")
                .strip();
    }

    private static List<String> stillMissing(DirectiveEdit d, int items) {
        List<String> m = new ArrayList<>();
        if (d.issuerBody() == null) m.add("issuer");
        if (d.number() == null) m.add("number");
        if (d.symbol() == null) m.add("symbol");
        if (d.place() == null) m.add("place");
        if (d.issuedOn() == null) m.add("date");
        if (d.subject() == null) m.add("subject");
        if (d.recipients().isEmpty()) m.add("recipients");
        if (items == 0) m.add("items");
        if (d.cc().isEmpty()) m.add("cc");
        if (d.signerPosition() == null) m.add("signer.position");
        if (d.signerName() == null) m.add("signer.name");
        return m;
    }

    /** What the audit trail keeps of a directive: its fields and item count, not the item texts. */
    static Map<String, Object> summary(Directive d) {
        return Map.of(
                "status", d.status().name(),
                "reference", d.reference(),
                "issuedOn", String.valueOf(d.issuedOn()),
                "subject", String.valueOf(d.subject()),
                "issuer", String.valueOf(d.issuerBody()),
                "signer", String.valueOf(d.signerName()),
                "items", d.items().size(),
                "source", d.sourceName() + " " + d.sourceSha256());
    }

    static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String clean(@Nullable String s) {
        return s == null ? "" : s.strip();
    }

    private static List<String> lines(List<String> in) {
        return in.stream().map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toList());
    }

    static String cleanName(@Nullable String fileName) {
        String n = fileName == null ? "" : fileName.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (n.length() > 200) {
            n = n.substring(n.length() - 200);
        }
        return n.isEmpty() ? "tep.bin" : n;
    }

    static String actor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || auth.getName() == null ? "system" : auth.getName();
    }
}
