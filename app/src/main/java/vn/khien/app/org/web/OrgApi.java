package vn.khien.app.org.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.khien.app.org.IpRange;
import vn.khien.app.org.OrgImportResult;
import vn.khien.app.org.OrgImportService;
import vn.khien.app.org.Person;
import vn.khien.app.org.PersonDraft;
import vn.khien.app.org.PersonService;
import vn.khien.app.org.Unit;
import vn.khien.app.org.UnitDraft;
import vn.khien.app.org.UnitService;
import vn.khien.app.org.UnitVersion;
import vn.khien.app.platform.UnitScope;

/** REST API of the organisation: units, people, IP ownership and CSV imports, all within the caller's scope. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Organisation", description = "Units (cơ quan, đơn vị), people, IP ranges")
class OrgApi {
    private final UnitService units;
    private final PersonService people;
    private final OrgImportService imports;

    OrgApi(UnitService units, PersonService people, OrgImportService imports) {
        this.units = units;
        this.people = people;
        this.imports = imports;
    }

    @GetMapping("/units")
    @Operation(summary = "Units visible to the caller, or the tree as it was on a past date")
    List<Unit> units(UnitScope scope, @RequestParam(required = false) @Nullable LocalDate asOf) {
        return asOf == null ? units.all(scope) : units.asOf(scope, asOf);
    }

    @GetMapping("/units/{id}")
    Unit unit(UnitScope scope, @PathVariable long id) {
        return units.get(scope, id);
    }

    @GetMapping("/units/{id}/children")
    List<Unit> children(UnitScope scope, @PathVariable long id) {
        units.get(scope, id);
        return units.children(scope, id);
    }

    @GetMapping("/units/{id}/history")
    List<UnitVersion> history(UnitScope scope, @PathVariable long id) {
        return units.history(scope, id);
    }

    @GetMapping("/units/{id}/ip-ranges")
    List<IpRange> ranges(UnitScope scope, @PathVariable long id) {
        return units.ipRanges(scope, id);
    }

    @GetMapping("/units/{id}/people")
    List<Person> unitPeople(UnitScope scope, @PathVariable long id) {
        return people.search(scope, id, null, 500, 0);
    }

    @PostMapping("/units")
    ResponseEntity<Unit> createUnit(UnitScope scope, @RequestBody UnitDraft draft) {
        return ResponseEntity.status(HttpStatus.CREATED).body(units.create(scope, draft));
    }

    /** Body of a move or merge request. */
    record Target(long unitId, @Nullable LocalDate from) {}

    @PostMapping("/units/{id}/move")
    Unit move(UnitScope scope, @PathVariable long id, @RequestBody Target target) {
        return units.move(scope, id, target.unitId(), target.from());
    }

    @PostMapping("/units/{id}/merge")
    Unit merge(UnitScope scope, @PathVariable long id, @RequestBody Target target) {
        return units.merge(scope, id, target.unitId(), target.from());
    }

    /** Body of a new IP range. */
    record RangeBody(String network, @Nullable String note) {}

    @PostMapping("/units/{id}/ip-ranges")
    ResponseEntity<IpRange> addRange(UnitScope scope, @PathVariable long id, @RequestBody RangeBody body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(units.addIpRange(scope, id, body.network(), body.note()));
    }

    @GetMapping("/ip-owner")
    @Operation(summary = "Which unit owns this IPv4 or IPv6 address (longest-prefix match)")
    ResponseEntity<IpOwner> owner(UnitScope scope, @RequestParam String ip) {
        return units.ownerOf(scope, ip)
                .map(r -> ResponseEntity.ok(new IpOwner(ip, r.network(), units.get(scope, r.unitId()))))
                .orElse(ResponseEntity.notFound().build());
    }

    /** Answer of the IP ownership lookup. */
    record IpOwner(String ip, String network, Unit unit) {}

    @GetMapping("/people")
    List<Person> people(
            UnitScope scope,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Long unit,
            @RequestParam(defaultValue = "100") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        return people.search(scope, unit, q, limit, offset);
    }

    @GetMapping("/people/{id}")
    Person person(UnitScope scope, @PathVariable long id) {
        return people.get(scope, id);
    }

    @PostMapping("/people")
    ResponseEntity<Person> createPerson(UnitScope scope, @RequestBody PersonDraft draft) {
        return ResponseEntity.status(HttpStatus.CREATED).body(people.create(scope, draft));
    }

    @PutMapping("/people/{id}")
    Person updatePerson(UnitScope scope, @PathVariable long id, @RequestBody PersonDraft draft) {
        return people.update(scope, id, draft);
    }

    @PostMapping(
            value = "/units/import",
            consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    @Operation(
            summary =
                    "Import units from CSV (Vietnamese or English headers); rows refused are listed with line numbers")
    OrgImportResult importUnits(UnitScope scope, @RequestBody String csv) {
        return imports.importUnits(scope, new StringReader(csv));
    }

    @PostMapping(
            value = "/people/import",
            consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    OrgImportResult importPeople(UnitScope scope, @RequestBody String csv) {
        return imports.importPeople(scope, new StringReader(csv));
    }

    @PostMapping(value = "/{kind:units|people}/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    OrgImportResult importFile(UnitScope scope, @PathVariable String kind, @RequestParam MultipartFile file)
            throws IOException {
        try (Reader r = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            return "people".equals(kind) ? imports.importPeople(scope, r) : imports.importUnits(scope, r);
        }
    }
}
