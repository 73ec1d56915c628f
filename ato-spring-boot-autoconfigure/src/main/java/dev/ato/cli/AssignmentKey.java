package dev.ato.cli;

/** The rules for the key of a {@code key=value} token: a dotted path of non-empty names. */
final class AssignmentKey {

    private static final String FORBIDDEN = "%'\"(){},";

    private AssignmentKey() {
    }

    /** Returns the key before {@code sign} in {@code token}, or throws naming what is wrong with it. */
    static String check(String where, String token, int sign) {
        String key = token.substring(0, sign);
        if (key.isEmpty()) {
            throw Malformed.at(where, token, 0, "'=' with no key before it",
                    "write key=value, for example lr=0.1 or model.depth=50");
        }
        if (key.startsWith("-")) {
            throw Malformed.at(where, token, 0, "key '" + key + "' starts with '-', like an option",
                    "options such as --name=value are the host's (Spring Boot's); pass Ato only key=value"
                            + " and view names");
        }
        int bracket = firstBracket(key);
        if (bracket >= 0) {
            String name = key.substring(0, bracket).isEmpty() ? "x" : key.substring(0, bracket);
            throw Malformed.at(where, token, bracket, "key '" + key + "' contains '" + key.charAt(bracket)
                            + "': Ato has no index assignment (Python ato's x[0]=5 sets a list item)",
                    "set the whole list, for example " + name + "=[5, 2], or use a dict with named keys");
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (FORBIDDEN.indexOf(c) >= 0 || Character.isWhitespace(c)) {
                throw Malformed.at(where, token, i, "key '" + key + "' contains '" + c + "'",
                        "a key is a dotted path of names, for example model.backbone.depth=50");
            }
        }
        int empty = key.startsWith(".") ? 0 : key.endsWith(".") ? key.length() - 1 : key.indexOf("..");
        if (empty >= 0) {
            throw Malformed.at(where, token, empty, "key '" + key + "' has an empty segment",
                    "a key is a dotted path of non-empty names, for example model.backbone.depth=50");
        }
        return key;
    }

    private static int firstBracket(String key) {
        int open = key.indexOf('[');
        int close = key.indexOf(']');
        return open < 0 ? close : close < 0 ? open : Math.min(open, close);
    }
}
