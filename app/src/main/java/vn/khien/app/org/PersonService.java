package vn.khien.app.org;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khien.app.audit.AuditTrail;
import vn.khien.app.org.internal.PersonDao;
import vn.khien.app.org.internal.UnitDao;
import vn.khien.app.platform.UnitScope;

/** People of the province's units, read and written within the caller's scope, every change audited. */
@Service
public class PersonService {
    private final PersonDao people;
    private final UnitDao units;
    private final AuditTrail audit;
    private final Validator validator;
    private final org.springframework.context.ApplicationEventPublisher events;

    public PersonService(
            PersonDao people,
            UnitDao units,
            AuditTrail audit,
            Validator validator,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.people = people;
        this.units = units;
        this.audit = audit;
        this.validator = validator;
    }

    private void validate(PersonDraft draft) {
        Set<ConstraintViolation<PersonDraft>> violations = validator.validate(draft);
        if (!violations.isEmpty()) {
            String message = violations.stream()
                    .map(v -> v.getPropertyPath() + ": " + v.getMessage())
                    .sorted()
                    .collect(java.util.stream.Collectors.joining("; "));
            throw new OrgException(OrgException.Kind.INVALID, message);
        }
    }

    @Transactional(readOnly = true)
    public Person get(UnitScope scope, long id) {
        return people.find(scope, id).orElseThrow(() -> OrgException.notFound("person " + id));
    }

    /** Searches people in scope; {@code unitId} limits to that unit's subtree. */
    @Transactional(readOnly = true)
    public List<Person> search(UnitScope scope, @Nullable Long unitId, @Nullable String q, int limit, int offset) {
        Set<Long> within = null;
        if (unitId != null) {
            units.find(scope, unitId).orElseThrow(() -> OrgException.notFound("unit " + unitId));
            within = units.subtree(unitId);
        }
        return people.search(scope, within, q, Math.min(Math.max(limit, 1), 500), Math.max(offset, 0));
    }

    /** People working directly in one unit (not its sub-units). */
    @Transactional(readOnly = true)
    public List<Person> inUnit(UnitScope scope, long unitId) {
        return people.search(scope, Set.of(unitId), null, 500, 0);
    }

    @Transactional(readOnly = true)
    public long count(UnitScope scope) {
        return people.count(scope);
    }

    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR','IT_OFFICER','UNIT_HEAD')")
    @Transactional
    public Person create(UnitScope scope, PersonDraft draft) {
        validate(draft);
        requireUnit(scope, draft.unitId());
        long id;
        try {
            id = people.insert(
                    draft.fullName().strip(),
                    blankToNull(draft.position()),
                    draft.unitId(),
                    lower(draft.email()),
                    blankToNull(draft.phone()),
                    draft.active(),
                    draft.roles());
        } catch (DuplicateKeyException e) {
            throw new OrgException(OrgException.Kind.CONFLICT, "email " + draft.email() + " is already used");
        }
        Person created = get(scope, id);
        audit.record("person.create", "person", id, created.unitId(), null, created);
        return created;
    }

    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR','IT_OFFICER','UNIT_HEAD')")
    @Transactional
    public Person update(UnitScope scope, long id, PersonDraft draft) {
        validate(draft);
        Person before = get(scope, id);
        requireUnit(scope, draft.unitId());
        try {
            people.update(
                    id,
                    draft.fullName().strip(),
                    blankToNull(draft.position()),
                    draft.unitId(),
                    lower(draft.email()),
                    blankToNull(draft.phone()),
                    draft.active(),
                    draft.roles());
        } catch (DuplicateKeyException e) {
            throw new OrgException(OrgException.Kind.CONFLICT, "email " + draft.email() + " is already used");
        }
        Person after = get(scope, id);
        audit.record(
                before.active() && !after.active() ? "person.left" : "person.update",
                "person",
                id,
                after.unitId(),
                before,
                after);
        if (before.active() && !after.active()) {
            events.publishEvent(new PersonLeft(id, after.unitId()));
        }
        return after;
    }

    private void requireUnit(UnitScope scope, long unitId) {
        units.find(scope, unitId).orElseThrow(() -> OrgException.notFound("unit " + unitId));
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static @Nullable String lower(@Nullable String s) {
        String t = blankToNull(s);
        return t == null ? null : t.toLowerCase(java.util.Locale.ROOT);
    }
}
