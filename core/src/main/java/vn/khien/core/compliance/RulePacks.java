package vn.khien.core.compliance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads and validates rule pack files (JSON; the shipped ones are resources under
 * {@code vn/khien/core/compliance/packs/}). Every error names the pack and the field, e.g.
 * {@code baseline-2026: rules[1] (AV-CURRENT).threshold.days must be >= 0}.
 */
public final class RulePacks {
    /** Ids of the packs shipped with Khiên. */
    public static final List<String> BUILT_IN = List.of("baseline-2026", "nd85-legacy");

    /** Rules that cannot be evaluated without a threshold in days. */
    static final Set<RuleId> NEED_THRESHOLD =
            EnumSet.of(RuleId.AV_CURRENT, RuleId.PATCH_AGE, RuleId.BACKUP_AGE, RuleId.REPORTING);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RulePacks() {}

    /**
     * A shipped pack by id.
     *
     * @throws RulePackException for an unknown id or a broken resource
     */
    public static RulePack builtIn(String id) {
        if (!BUILT_IN.contains(id)) {
            throw new RulePackException("no built-in rule pack '" + id + "'; known: " + BUILT_IN);
        }
        String path = "/vn/khien/core/compliance/packs/" + id + ".json";
        try (InputStream in = RulePacks.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new RulePackException("missing resource " + path);
            }
            return load(in, id + ".json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads and validates a pack.
     *
     * @param name the file name, used in error messages until the pack's id is known
     * @throws RulePackException naming the field at fault
     */
    public static RulePack load(InputStream in, String name) {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (JacksonException e) {
            throw new RulePackException(name + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new RulePackException(name + ": a rule pack must be a JSON object");
        }
        String id = text(root, "id", name);
        String where = id;
        String version = text(root, "version", where);
        LocalDate effective = date(root, "effectiveDate", where);
        JsonNode rulesNode = root.get("rules");
        if (rulesNode == null || !rulesNode.isArray() || rulesNode.isEmpty()) {
            throw new RulePackException(where + ": missing field 'rules' (a non-empty array)");
        }
        Map<RuleId, Rule> rules = new EnumMap<>(RuleId.class);
        for (int i = 0; i < rulesNode.size(); i++) {
            JsonNode r = rulesNode.get(i);
            String at = where + ": rules[" + i + "]";
            String code = text(r, "id", at);
            RuleId ruleId = RuleId.byCode(code)
                    .orElseThrow(() -> new RulePackException(at + ".id: unknown rule '" + code + "'; known: "
                            + java.util.Arrays.stream(RuleId.values())
                                    .map(RuleId::code)
                                    .toList()));
            String rat = at + " (" + code + ")";
            if (rules.containsKey(ruleId)) {
                throw new RulePackException(rat + ".id: rule appears twice");
            }
            JsonNode title = r.path("title");
            String vi = text(title, "vi", rat + ".title");
            String en = text(title, "en", rat + ".title");
            List<String> reqs = strings(r, "requirements", rat);
            for (String req : reqs) {
                if (!req.matches("D-[A-Z][A-Z-]*")) {
                    throw new RulePackException(rat + ".requirements: '" + req + "' is not a requirement id like D-AV");
                }
            }
            if (reqs.isEmpty()) {
                throw new RulePackException(rat + ".requirements: must name at least one requirement");
            }
            List<String> clauses = r.has("clauses") ? strings(r, "clauses", rat) : List.of();
            String sev = text(r, "severity", rat);
            Severity severity;
            try {
                severity = Severity.valueOf(sev.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new RulePackException(rat + ".severity: unknown severity '" + sev + "'");
            }
            Threshold threshold = threshold(r.get("threshold"), rat + ".threshold");
            if (threshold == null && NEED_THRESHOLD.contains(ruleId)) {
                throw new RulePackException(rat + ".threshold: missing field (this rule needs days, min and max)");
            }
            rules.put(ruleId, new Rule(ruleId, vi, en, reqs, clauses, severity, threshold));
        }
        List<OsEndOfSupport> eos = new ArrayList<>();
        JsonNode eosNode = root.path("osEndOfSupport");
        for (int i = 0; i < eosNode.size(); i++) {
            JsonNode e = eosNode.get(i);
            String at = where + ": osEndOfSupport[" + i + "]";
            List<String> except = e.has("except") ? strings(e, "except", at) : List.of();
            eos.add(new OsEndOfSupport(text(e, "match", at), except, date(e, "endOfSupport", at)));
        }
        if (rules.containsKey(RuleId.OS_SUPPORTED) && eos.isEmpty()) {
            throw new RulePackException(where + ": missing field 'osEndOfSupport' (OS-SUPPORTED needs the list)");
        }
        List<String> av = root.has("antivirusProducts") ? strings(root, "antivirusProducts", where) : List.of();
        List<String> edr = root.has("edrProducts") ? strings(root, "edrProducts", where) : List.of();
        if (rules.containsKey(RuleId.EDR_PRESENT) && edr.isEmpty()) {
            throw new RulePackException(where + ": missing field 'edrProducts' (EDR-PRESENT needs the list)");
        }
        return new RulePack(id, version, effective, rules, eos, av, edr);
    }

    private static @Nullable Threshold threshold(@Nullable JsonNode t, String at) {
        if (t == null || t.isNull()) {
            return null;
        }
        int days = integer(t, "days", at);
        int min = integer(t, "min", at);
        int max = integer(t, "max", at);
        if (days < 0) {
            throw new RulePackException(at + ".days must be >= 0, was " + days);
        }
        if (min < 0) {
            throw new RulePackException(at + ".min must be >= 0, was " + min);
        }
        if (max < min) {
            throw new RulePackException(at + ".max (" + max + ") must be >= min (" + min + ")");
        }
        if (days < min || days > max) {
            throw new RulePackException(at + ".days (" + days + ") must be within [" + min + ", " + max + "]");
        }
        return new Threshold(days, min, max);
    }

    private static String text(JsonNode o, String field, String at) {
        JsonNode v = o.get(field);
        if (v == null || !v.isString() || v.asString().isBlank()) {
            throw new RulePackException(at + ": missing field '" + field + "'");
        }
        return v.asString().strip();
    }

    private static int integer(JsonNode o, String field, String at) {
        JsonNode v = o.get(field);
        if (v == null || !v.isIntegralNumber()) {
            throw new RulePackException(at + "." + field + ": missing or not a whole number");
        }
        return v.asInt();
    }

    private static LocalDate date(JsonNode o, String field, String at) {
        String s = text(o, field, at);
        try {
            return LocalDate.parse(s);
        } catch (DateTimeException e) {
            throw new RulePackException(at + "." + field + ": wrong date '" + s + "' (expected yyyy-MM-dd)");
        }
    }

    private static List<String> strings(JsonNode o, String field, String at) {
        JsonNode v = o.get(field);
        if (v == null || !v.isArray()) {
            throw new RulePackException(at + ": missing field '" + field + "' (an array of strings)");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode s = v.get(i);
            if (!s.isString() || s.asString().isBlank()) {
                throw new RulePackException(at + "." + field + "[" + i + "] must be a non-blank string");
            }
            out.add(s.asString().strip());
        }
        return out;
    }
}
