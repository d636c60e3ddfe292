package vn.khien.app.directives.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.khien.app.directives.Directive;
import vn.khien.app.directives.DirectiveClause;
import vn.khien.app.directives.DirectiveEdit;
import vn.khien.app.directives.DirectiveStatus;
import vn.khien.app.platform.UnitScope;

/**
 * SQL for directives and their items. A unit-scoped caller sees an active directive only when one of its tasks
 * belongs to a unit in scope; drafts are for province roles.
 */
@Repository
public class DirectiveDao {
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final String SELECT = """
            select id, status, number, symbol, issuer_parent, issuer_body, place, issued_on, subject, urgency, secrecy,
                   recipients::text as recipients, cc::text as cc, signer_authority::text as signer_authority,
                   signer_position, signer_name, missing::text as missing, source_name, source_sha256, source_size,
                   created_at, created_by, activated_at, activated_by
            from directive d
            """;

    private final JdbcClient jdbc;

    public DirectiveDao(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static String visible(UnitScope scope) {
        return scope.all()
                ? "true"
                : "d.status = 'ACTIVE' and exists (select 1 from directive_task t where t.directive_id = d.id"
                        + " and t.unit_id = any(:scope))";
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, UnitScope scope) {
        return scope.all() ? spec : spec.param("scope", scope.unitIds().toArray(Long[]::new));
    }

    public Optional<Directive> find(UnitScope scope, long id) {
        return bind(jdbc.sql(SELECT + " where d.id = :id and " + visible(scope)).param("id", id), scope)
                .query((rs, n) -> directive(rs, List.of()))
                .optional()
                .map(d -> withItems(d, items(d.id())));
    }

    public List<Directive> list(UnitScope scope) {
        return bind(jdbc.sql(SELECT + " where " + visible(scope) + " order by d.created_at desc, d.id desc"), scope)
                .query((rs, n) -> directive(rs, List.of()))
                .list();
    }

    public List<DirectiveClause> items(long directiveId) {
        return jdbc.sql("""
                        select id, position, number, text, units::text as units from directive_item
                        where directive_id = :d order by position, id
                        """)
                .param("d", directiveId)
                .query((rs, n) -> new DirectiveClause(
                        rs.getLong("id"),
                        rs.getInt("position"),
                        rs.getString("number"),
                        rs.getString("text"),
                        strings(rs.getString("units"))))
                .list();
    }

    public long insert(
            DirectiveEdit d, List<String> missing, String sourceName, String sha256, long size, Instant at, String by) {
        long id = jdbc.sql("""
                        insert into directive (number, symbol, issuer_parent, issuer_body, place, issued_on, subject,
                            urgency, secrecy, recipients, cc, signer_authority, signer_position, signer_name, missing,
                            source_name, source_sha256, source_size, created_at, created_by)
                        values (:number, :symbol, :parent, :body, :place, :issued, :subject, :urgency, :secrecy,
                            :recipients::jsonb, :cc::jsonb, :authority::jsonb, :position, :name, :missing::jsonb,
                            :source, :sha, :size, :at, :by)
                        returning id
                        """)
                .params(fields(d))
                .param("missing", json(missing))
                .param("source", sourceName)
                .param("sha", sha256)
                .param("size", size)
                .param("at", Timestamp.from(at))
                .param("by", by)
                .query(Long.class)
                .single();
        return id;
    }

    public void update(long id, DirectiveEdit d, List<String> missing) {
        jdbc.sql("""
                        update directive set number = :number, symbol = :symbol, issuer_parent = :parent,
                            issuer_body = :body, place = :place, issued_on = :issued, subject = :subject,
                            urgency = :urgency, secrecy = :secrecy, recipients = :recipients::jsonb, cc = :cc::jsonb,
                            signer_authority = :authority::jsonb, signer_position = :position, signer_name = :name,
                            missing = :missing::jsonb
                        where id = :id
                        """)
                .params(fields(d))
                .param("missing", json(missing))
                .param("id", id)
                .update();
    }

    private static java.util.Map<String, @Nullable Object> fields(DirectiveEdit d) {
        java.util.Map<String, @Nullable Object> m = new java.util.HashMap<>();
        m.put("number", d.number());
        m.put("symbol", d.symbol());
        m.put("parent", d.issuerParent());
        m.put("body", d.issuerBody());
        m.put("place", d.place());
        m.put("issued", d.issuedOn() == null ? null : Date.valueOf(d.issuedOn()));
        m.put("subject", d.subject());
        m.put("urgency", d.urgency());
        m.put("secrecy", d.secrecy());
        m.put("recipients", json(d.recipients()));
        m.put("cc", json(d.cc()));
        m.put("authority", json(d.signerAuthority()));
        m.put("position", d.signerPosition());
        m.put("name", d.signerName());
        return m;
    }

    public long insertItem(long directiveId, int position, String number, String text, List<String> units) {
        return jdbc.sql("""
                        insert into directive_item (directive_id, position, number, text, units)
                        values (:d, :p, :n, :t, :u::jsonb) returning id
                        """)
                .param("d", directiveId)
                .param("p", position)
                .param("n", number)
                .param("t", text)
                .param("u", json(units))
                .query(Long.class)
                .single();
    }

    public void updateItem(long itemId, int position, String number, String text) {
        jdbc.sql("update directive_item set position = :p, number = :n, text = :t where id = :id")
                .param("p", position)
                .param("n", number)
                .param("t", text)
                .param("id", itemId)
                .update();
    }

    public void deleteItem(long itemId) {
        jdbc.sql("delete from directive_item where id = :id")
                .param("id", itemId)
                .update();
    }

    public void activate(long id, Instant at, String by) {
        jdbc.sql("update directive set status = 'ACTIVE', activated_at = :at, activated_by = :by where id = :id")
                .param("at", Timestamp.from(at))
                .param("by", by)
                .param("id", id)
                .update();
    }

    static String json(List<String> list) {
        return JSON.writeValueAsString(list);
    }

    static List<String> strings(@Nullable String json) {
        return json == null ? List.of() : JSON.readValue(json, STRINGS);
    }

    private static Directive withItems(Directive d, List<DirectiveClause> items) {
        return new Directive(
                d.id(),
                d.status(),
                d.number(),
                d.symbol(),
                d.issuerParent(),
                d.issuerBody(),
                d.place(),
                d.issuedOn(),
                d.subject(),
                d.urgency(),
                d.secrecy(),
                d.recipients(),
                d.cc(),
                d.signerAuthority(),
                d.signerPosition(),
                d.signerName(),
                d.missing(),
                d.sourceName(),
                d.sourceSha256(),
                d.sourceSize(),
                d.createdAt(),
                d.createdBy(),
                d.activatedAt(),
                d.activatedBy(),
                items);
    }

    private static Directive directive(ResultSet rs, List<DirectiveClause> items) throws SQLException {
        Date issued = rs.getDate("issued_on");
        Timestamp activated = rs.getTimestamp("activated_at");
        return new Directive(
                rs.getLong("id"),
                DirectiveStatus.valueOf(rs.getString("status")),
                rs.getString("number"),
                rs.getString("symbol"),
                rs.getString("issuer_parent"),
                rs.getString("issuer_body"),
                rs.getString("place"),
                issued == null ? null : issued.toLocalDate(),
                rs.getString("subject"),
                rs.getString("urgency"),
                rs.getString("secrecy"),
                strings(rs.getString("recipients")),
                strings(rs.getString("cc")),
                strings(rs.getString("signer_authority")),
                rs.getString("signer_position"),
                rs.getString("signer_name"),
                strings(rs.getString("missing")),
                rs.getString("source_name"),
                rs.getString("source_sha256"),
                rs.getLong("source_size"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"),
                activated == null ? null : activated.toInstant(),
                rs.getString("activated_by"),
                items);
    }
}
