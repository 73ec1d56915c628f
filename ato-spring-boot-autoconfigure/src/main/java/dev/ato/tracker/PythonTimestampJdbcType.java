package dev.ato.tracker;

import org.jspecify.annotations.Nullable;

import org.hibernate.type.descriptor.ValueBinder;
import org.hibernate.type.descriptor.ValueExtractor;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.descriptor.jdbc.BasicBinder;
import org.hibernate.type.descriptor.jdbc.BasicExtractor;
import org.hibernate.type.descriptor.jdbc.TimestampJdbcType;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * SQLite DATETIME columns as SQLAlchemy stores them: UTC text {@code YYYY-MM-DD HH:MM:SS.ffffff}. The SQLite
 * driver's own timestamp handling would write epoch milliseconds and misread six fraction digits.
 */
final class PythonTimestampJdbcType extends TimestampJdbcType {

    private static final long serialVersionUID = 1L;

    static final PythonTimestampJdbcType PYTHON_TEXT = new PythonTimestampJdbcType();

    @Override
    public <X> ValueBinder<X> getBinder(JavaType<X> javaType) {
        return new BasicBinder<>(javaType, this) {
            @Override
            protected void doBind(PreparedStatement st, X value, int index, WrapperOptions options) throws SQLException {
                st.setString(index, text(javaType.unwrap(value, LocalDateTime.class, options)));
            }

            @Override
            protected void doBind(CallableStatement st, X value, String name, WrapperOptions options)
                    throws SQLException {
                st.setString(name, text(javaType.unwrap(value, LocalDateTime.class, options)));
            }
        };
    }

    @Override
    public <X> ValueExtractor<X> getExtractor(JavaType<X> javaType) {
        return new BasicExtractor<>(javaType, this) {
            @Override
            protected X doExtract(ResultSet rs, int paramIndex, WrapperOptions options) throws SQLException {
                return javaType.wrap(time(rs.getString(paramIndex)), options);
            }

            @Override
            protected X doExtract(CallableStatement statement, int index, WrapperOptions options) throws SQLException {
                return javaType.wrap(time(statement.getString(index)), options);
            }

            @Override
            protected X doExtract(CallableStatement statement, String name, WrapperOptions options)
                    throws SQLException {
                return javaType.wrap(time(statement.getString(name)), options);
            }
        };
    }

    private static String text(LocalDateTime time) {
        return SqlFlavor.PYTHON_DATETIME.format(time);
    }

    private static @Nullable LocalDateTime time(String text) {
        return text == null ? null : LocalDateTime.ofInstant(SqlFlavor.parsePythonTime(text), ZoneOffset.UTC);
    }
}
