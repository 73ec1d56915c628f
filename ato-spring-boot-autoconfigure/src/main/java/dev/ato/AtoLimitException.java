package dev.ato;

/**
 * Input that exceeds one of the loaders' limits (nesting depth, document size, digits in a number, expansion,
 * string length). The message names the file or literal, the key path and position where it happened, the limit,
 * and the property that raises it; the accessors give the same facts to a program.
 */
public class AtoLimitException extends AtoConfigException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final String keyPath;
    private final String position;
    private final String property;
    private final long limit;

    /**
     * @param source   the file or a description of the literal ({@code "literal"}, {@code "command-line token #2"})
     * @param keyPath  the dotted key path inside the config, empty at the top level
     * @param position where in the source ({@code "line 3, column 7"}, {@code "position 12"}), or empty if unknown
     * @param what     what exceeded the limit, for example {@code "nesting deeper than 500 levels"}
     * @param property the Spring property that raises the limit, for example {@code "ato.limits.max-depth"}
     * @param limit    the limit in force
     */
    public AtoLimitException(String source, String keyPath, String position, String what, String property, long limit) {
        super(message(source, keyPath, position, what, property, limit));
        this.source = source;
        this.keyPath = keyPath;
        this.position = position;
        this.property = property;
        this.limit = limit;
    }

    private static String message(String source, String keyPath, String position, String what, String property,
            long limit) {
        StringBuilder text = new StringBuilder(source);
        if (!position.isEmpty()) {
            text.append(" at ").append(position);
        }
        if (!keyPath.isEmpty()) {
            // a hostile key path (thousands of [0]) is shortened, as literals are: never repeated whole
            String shown = keyPath.length() <= 120 ? keyPath
                    : keyPath.substring(0, 57) + "..." + keyPath.substring(keyPath.length() - 60);
            text.append(", key '").append(shown).append('\'');
        }
        return text.append(": ").append(what).append(" (limit ").append(property).append('=').append(limit)
                .append("; raise it if this input is meant)").toString();
    }

    /** The file or literal that exceeded the limit. */
    public String source() {
        return source;
    }

    /** The dotted key path where the limit was exceeded; empty at the top level or when unknown. */
    public String keyPath() {
        return keyPath;
    }

    /** Where in the source, for example {@code "line 3, column 7"}; empty when unknown. */
    public String position() {
        return position;
    }

    /** The property that raises the limit, for example {@code ato.limits.max-depth}. */
    public String property() {
        return property;
    }

    /** The limit in force when the input exceeded it. */
    public long limit() {
        return limit;
    }
}
