package dev.ato.scope;

/**
 * One write of one key by one layer: the answer to "where did this value come from?".
 *
 * @param key     the dotted key that was written or removed
 * @param value   the value written (a snapshot: lists are unmodifiable copies); {@code null} when removed
 * @param removed whether the layer deleted the key rather than writing it
 * @param kind    the kind of layer
 * @param name    for views and deferred blocks the view's name; for {@code CLI} the literal as typed; for
 *                {@code EXTERNAL} the property source's name; for {@code BASE} {@code "base"}, or the
 *                layer's name for a layered base ({@code db/mysql.yaml} of a Hydra tree)
 * @param index   for {@code CLI} the literal's position in the arguments, otherwise -1
 */
public record Origin(String key, Object value, boolean removed, LayerKind kind, String name, int index) {

    /** A short human description such as {@code view 'high_lr'} or {@code command-line literal #2 'lr=0.1'}. */
    public String describe() {
        String what = switch (kind) {
            case BASE -> name == null || name.equals("base") ? "base config" : "base config '" + name + "'";
            case VIEW -> "view '" + name + "'";
            case EXTERNAL -> "external property from '" + name + "'";
            case CLI -> "command-line literal #" + index + " '" + name + "'";
            case DEFERRED -> "deferred block of view '" + name + "'";
            case LAZY_VIEW -> "lazy view '" + name + "'";
        };
        return removed ? what + " removed it" : what;
    }
}
