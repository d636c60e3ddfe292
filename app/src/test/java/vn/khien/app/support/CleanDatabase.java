package vn.khien.app.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Empties every application table before each test, so tests never see each other's rows. */
public final class CleanDatabase implements BeforeEachCallback {
    @Override
    public void beforeEach(ExtensionContext context) throws SQLException {
        truncateAll();
    }

    public static void truncateAll() throws SQLException {
        try (Connection c =
                        DriverManager.getConnection(TestDatabase.url(), TestDatabase.user(), TestDatabase.password());
                Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select tablename from pg_tables where schemaname = 'public'"
                    + " and tablename <> 'flyway_schema_history'")) {
                while (rs.next()) {
                    tables.add('"' + rs.getString(1) + '"');
                }
            }
            if (!tables.isEmpty()) {
                s.execute("truncate " + String.join(", ", tables) + " restart identity cascade");
            }
        }
    }
}
