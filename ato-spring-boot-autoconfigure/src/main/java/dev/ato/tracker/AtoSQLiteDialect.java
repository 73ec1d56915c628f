package dev.ato.tracker;

import org.hibernate.boot.model.TypeContributions;
import org.hibernate.community.dialect.SQLiteDialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.type.SqlTypes;

/**
 * Hibernate's SQLite dialect for the tracker's tables: SQLite has one integer type ({@code INTEGER PRIMARY KEY}
 * must be spelled so to be the row id), so all integer JDBC types count as equal when the schema is validated;
 * DATETIME columns hold SQLAlchemy's text (the driver reports them as VARCHAR), so they count as timestamps and are
 * read and written in that text form. Set it as {@code hibernate.dialect} only for {@code jdbc:sqlite:} URLs.
 */
public class AtoSQLiteDialect extends SQLiteDialect {

    public AtoSQLiteDialect() {
        super();
    }

    public AtoSQLiteDialect(DialectResolutionInfo info) {
        super(info);
    }

    @Override
    public boolean equivalentTypes(int typeCode1, int typeCode2) {
        return super.equivalentTypes(typeCode1, typeCode2) || isInteger(typeCode1) && isInteger(typeCode2)
                || isTimestampAsText(typeCode1, typeCode2) || isTimestampAsText(typeCode2, typeCode1);
    }

    private static boolean isTimestampAsText(int mapped, int found) {
        return mapped == SqlTypes.TIMESTAMP && found == SqlTypes.VARCHAR;
    }

    private static boolean isInteger(int typeCode) {
        return typeCode == SqlTypes.TINYINT || typeCode == SqlTypes.SMALLINT || typeCode == SqlTypes.INTEGER
                || typeCode == SqlTypes.BIGINT;
    }

    @Override
    public void contributeTypes(TypeContributions typeContributions, ServiceRegistry serviceRegistry) {
        super.contributeTypes(typeContributions, serviceRegistry);
        typeContributions.getTypeConfiguration().getJdbcTypeRegistry()
                .addDescriptor(SqlTypes.TIMESTAMP, PythonTimestampJdbcType.PYTHON_TEXT);
    }
}
