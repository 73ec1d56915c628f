package dev.ato.cli;

import dev.ato.AtoConfigException;

/** Builds the one error message format of this package: what, the text with a caret under the spot, a hint. */
final class Malformed {

    private Malformed() {
    }

    /**
     * @param where    what the text is, e.g. {@code "literal"} or {@code "command-line token #2"}
     * @param text     the whole text shown to the user
     * @param position index in {@code text} the caret points at (may equal its length)
     */
    static AtoConfigException at(String where, String text, int position, String what, String hint) {
        String shown = text.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
        return new AtoConfigException("Malformed " + where + " at position " + position + ": " + what + "\n"
                + "    " + shown + "\n"
                + "    " + " ".repeat(Math.max(0, Math.min(position, shown.length()))) + "^\n"
                + "  hint: " + hint);
    }
}
