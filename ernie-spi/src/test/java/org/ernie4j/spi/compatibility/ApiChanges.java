package org.ernie4j.spi.compatibility;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * How the current API differs from a recorded one. Incompatible: a recorded line that is gone or has another shape (a
 * plugin built against it may no longer link or behave), and an abstract method added to a type that plugins could
 * implement (their classes do not have it). The check is deliberately strict: a change that the JVM would accept, such
 * as a class that stops being final, also counts, and is recorded with the next major version. New: every other line
 * that the record does not have yet.
 */
record ApiChanges(List<String> incompatible, List<String> added)
{
    ApiChanges
    {
        incompatible = List.copyOf(requireNonNull(incompatible, "incompatible is null"));
        added = List.copyOf(requireNonNull(added, "added is null"));
    }

    static ApiChanges between(ApiRecord recorded, ApiRecord current)
    {
        List<String> incompatible = new ArrayList<>();
        List<String> added = new ArrayList<>();
        for (Map.Entry<String, String> line : recorded.signatures().entrySet()) {
            String now = current.signatures().get(line.getKey());
            if (now == null) {
                incompatible.add("removed: " + line.getKey() + " " + line.getValue());
            }
            else if (!now.equals(line.getValue())) {
                incompatible.add("changed: " + line.getKey() + " " + line.getValue() + "\n      now: " + line.getKey() + " " + now);
            }
        }
        for (Map.Entry<String, String> line : current.signatures().entrySet()) {
            if (recorded.signatures().containsKey(line.getKey())) {
                continue;
            }
            String owner = recorded.signatures().get(ApiRecord.typeOf(line.getKey()));
            if (isAbstract(line.getValue()) && owner != null && owner.endsWith(" " + ApiRecord.IMPLEMENTABLE)) {
                incompatible.add("abstract method added to a type plugins implement: " + line.getKey() + " " + line.getValue());
            }
            else {
                added.add(line.getKey() + " " + line.getValue());
            }
        }
        return new ApiChanges(incompatible, added);
    }

    boolean none()
    {
        return incompatible.isEmpty() && added.isEmpty();
    }

    private static boolean isAbstract(String shape)
    {
        // A method's shape starts with its visibility, then its modifiers: "public abstract java.lang.String (int)".
        return shape.matches("(public|protected)( static)? abstract .*");
    }
}
