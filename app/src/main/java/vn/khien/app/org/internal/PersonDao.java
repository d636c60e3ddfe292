package vn.khien.app.org.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.khien.app.org.Person;
import vn.khien.app.platform.UnitScope;
import vn.khien.core.org.Role;

/** SQL for people. Reads and writes filter by the caller's scope. */
@Repository
public class PersonDao {
    private static final String SELECT = """
            select p.id, p.full_name, p.position, p.unit_id, u.name as unit_name, p.email, p.phone, p.status, p.roles
            from person p join unit_current u on u.id = p.unit_id
            """;

    private final JdbcClient jdbc;

    public PersonDao(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Person> find(UnitScope scope, long id) {
        return UnitDao.bindScope(
                        jdbc.sql(SELECT + " where p.id = :id and " + UnitDao.scoped("p.unit_id", scope))
                                .param("id", id),
                        scope)
                .query(PersonDao::person)
                .optional();
    }

    /** People in scope, optionally only in {@code unitIds}, whose name, email or position contains {@code q}. */
    public List<Person> search(
            UnitScope scope, @Nullable Set<Long> unitIds, @Nullable String q, int limit, int offset) {
        StringBuilder sql = new StringBuilder(SELECT).append(" where ").append(UnitDao.scoped("p.unit_id", scope));
        if (unitIds != null) {
            sql.append(" and p.unit_id = any(:units)");
        }
        if (q != null && !q.isBlank()) {
            sql.append(" and (p.full_name ilike :q or p.email ilike :q or p.position ilike :q)");
        }
        sql.append(" order by u.name, p.full_name limit :limit offset :offset");
        JdbcClient.StatementSpec spec = UnitDao.bindScope(jdbc.sql(sql.toString()), scope)
                .param("limit", limit)
                .param("offset", offset);
        if (unitIds != null) {
            spec = spec.param("units", unitIds.toArray(Long[]::new));
        }
        if (q != null && !q.isBlank()) {
            spec = spec.param("q", "%" + q.strip().replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return spec.query(PersonDao::person).list();
    }

    public Optional<Long> idByEmail(String email) {
        return jdbc.sql("select id from person where lower(email) = lower(:e)")
                .param("e", email)
                .query(Long.class)
                .optional();
    }

    public long insert(
            String fullName,
            @Nullable String position,
            long unitId,
            @Nullable String email,
            @Nullable String phone,
            boolean active,
            Set<Role> roles) {
        return jdbc.sql("""
                        insert into person (full_name, position, unit_id, email, phone, status, roles)
                        values (:name, :position, :unit, :email, :phone, :status, :roles) returning id
                        """)
                .param("name", fullName)
                .param("position", position)
                .param("unit", unitId)
                .param("email", email)
                .param("phone", phone)
                .param("status", active ? "ACTIVE" : "LEFT")
                .param("roles", roles(roles))
                .query(Long.class)
                .single();
    }

    public void update(
            long id,
            String fullName,
            @Nullable String position,
            long unitId,
            @Nullable String email,
            @Nullable String phone,
            boolean active,
            Set<Role> roles) {
        jdbc.sql("""
                        update person set full_name = :name, position = :position, unit_id = :unit, email = :email,
                               phone = :phone, status = :status, roles = :roles, updated_at = now()
                        where id = :id
                        """)
                .param("id", id)
                .param("name", fullName)
                .param("position", position)
                .param("unit", unitId)
                .param("email", email)
                .param("phone", phone)
                .param("status", active ? "ACTIVE" : "LEFT")
                .param("roles", roles(roles))
                .update();
    }

    public void moveAll(long fromUnit, long toUnit) {
        jdbc.sql("update person set unit_id = :to, updated_at = now() where unit_id = :from")
                .param("to", toUnit)
                .param("from", fromUnit)
                .update();
    }

    public long count(UnitScope scope) {
        return UnitDao.bindScope(
                        jdbc.sql("select count(*) from person p where " + UnitDao.scoped("p.unit_id", scope)), scope)
                .query(Long.class)
                .single();
    }

    private static String[] roles(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().toArray(String[]::new);
    }

    private static Person person(ResultSet rs, int row) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Array array = rs.getArray("roles");
        if (array != null) {
            for (String r : (String[]) array.getArray()) {
                roles.add(Role.valueOf(r));
            }
        }
        return new Person(
                rs.getLong("id"),
                rs.getString("full_name"),
                rs.getString("position"),
                rs.getLong("unit_id"),
                rs.getString("unit_name"),
                rs.getString("email"),
                rs.getString("phone"),
                "ACTIVE".equals(rs.getString("status")),
                roles);
    }
}
