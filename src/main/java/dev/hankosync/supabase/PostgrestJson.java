package dev.hankosync.supabase;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** Streams the JSON the client sends and receives, so a page of 1000 rows is never a tree in memory. */
final class PostgrestJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private PostgrestJson() {
    }

    /** Reads {@code [{"id":..,"<uid>":..,"<email>":..}, ...]}; numbers and strings alike become text. */
    static List<TableRow> readRows(InputStream in, String userIdColumn, String emailColumn) throws IOException {
        List<TableRow> rows = new ArrayList<>();
        readObjects(in, fields -> rows.add(new TableRow(fields.get("id"), fields.get(userIdColumn),
                fields.get(emailColumn))), "id", userIdColumn, emailColumn);
        return rows;
    }

    /** Reads one column of {@code [{"<column>":..}, ...]}, skipping nulls. */
    static Set<String> readColumn(InputStream in, String column) throws IOException {
        Set<String> values = new LinkedHashSet<>();
        readObjects(in, fields -> {
            String value = fields.get(column);
            if (value != null) {
                values.add(value);
            }
        }, column);
        return values;
    }

    /** {@code [{"<uid>":"..","<email>":".."|null}, ...]}: every object has the same keys, as PostgREST requires. */
    static byte[] rowsBody(List<NewRow> rows, String userIdColumn, String emailColumn) {
        return write(generator -> {
            generator.writeStartArray();
            for (NewRow row : rows) {
                generator.writeStartObject();
                generator.writeStringField(userIdColumn, row.userId());
                generator.writeStringField(emailColumn, row.email());
                generator.writeEndObject();
            }
            generator.writeEndArray();
        });
    }

    /** {@code {"<column>": value}}. */
    static byte[] objectBody(String column, String value) {
        return write(generator -> {
            generator.writeStartObject();
            generator.writeStringField(column, value);
            generator.writeEndObject();
        });
    }

    /** Field values of one object, by name; only the wanted names are kept. */
    private static final class Fields {
        private final String[] names;
        private final String[] values;

        Fields(String[] names) {
            this.names = names;
            this.values = new String[names.length];
        }

        void clear() {
            java.util.Arrays.fill(values, null);
        }

        void set(String name, String value) {
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(name)) {
                    values[i] = value;
                }
            }
        }

        String get(String name) {
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(name)) {
                    return values[i];
                }
            }
            return null;
        }
    }

    private static void readObjects(InputStream in, Consumer<Fields> each, String... wanted) throws IOException {
        try (JsonParser parser = FACTORY.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new JsonParseException(parser, "expected a JSON array of rows");
            }
            Fields fields = new Fields(wanted);
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.START_OBJECT) {
                fields.clear();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if (value.isScalarValue()) {
                        fields.set(name, value == JsonToken.VALUE_NULL ? null : parser.getText());
                    } else {
                        parser.skipChildren();
                    }
                }
                each.accept(fields);
            }
            if (token != JsonToken.END_ARRAY) {
                throw new JsonParseException(parser, "expected a JSON object or the end of the array");
            }
        }
    }

    @FunctionalInterface
    private interface Writer {
        void write(JsonGenerator generator) throws IOException;
    }

    private static byte[] write(Writer writer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            writer.write(generator);
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory failed", e);
        }
        return out.toByteArray();
    }
}
