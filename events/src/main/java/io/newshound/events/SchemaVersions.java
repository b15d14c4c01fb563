package io.newshound.events;

/** Checks the schema version every event carries. */
final class SchemaVersions {
    private SchemaVersions() {}

    static void check(String event, int version, int supported) {
        if (version < 1 || version > supported) {
            throw new IllegalArgumentException(
                    event
                            + " schemaVersion "
                            + version
                            + " is not supported (this build reads 1 to "
                            + supported
                            + ")");
        }
    }

    static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }
}
