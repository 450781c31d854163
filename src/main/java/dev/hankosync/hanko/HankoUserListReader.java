package dev.hankosync.hanko;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.JsonLocation;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the body of {@code GET /users} (a bare JSON array of admin user objects) as a stream, keeping of each
 * user only its id and the email the sync mirrors. Pages can be large, so the body is never held as one string,
 * and fields the sync does not need (credentials, metadata, fields added in later Hanko versions) are skipped.
 */
final class HankoUserListReader {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private HankoUserListReader() {
    }

    /**
     * @throws MalformedUsersException the body is not a JSON array of users with UUID ids
     * @throws IOException             the connection failed while the body was being read
     */
    static List<HankoUser> read(InputStream body) throws IOException, MalformedUsersException {
        try (JsonParser parser = JSON.createParser(body)) {
            return readArray(parser);
        } catch (JsonEOFException e) {
            throw new MalformedUsersException("the JSON ends early, at " + where(e.getLocation())
                    + " (the response was cut off)");
        } catch (JsonProcessingException e) {
            throw new MalformedUsersException("not valid JSON at " + where(e.getLocation()) + ": "
                    + firstLine(e.getOriginalMessage()));
        }
    }

    private static List<HankoUser> readArray(JsonParser parser) throws IOException, MalformedUsersException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            throw new MalformedUsersException("an empty body instead of a JSON array of users");
        }
        if (first != JsonToken.START_ARRAY) {
            throw new MalformedUsersException(kind(first) + " instead of the JSON array of users the admin API"
                    + " returns (is the URL Hanko's admin API?)");
        }
        List<HankoUser> users = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            int position = users.size() + 1;
            if (token != JsonToken.START_OBJECT) {
                throw new MalformedUsersException("user " + position + " of the array is " + kind(token)
                        + ", not an object");
            }
            users.add(readUser(parser, position));
        }
        if (parser.nextToken() != null) {
            throw new MalformedUsersException("unexpected content after the array of users");
        }
        return users;
    }

    /** Reads one user object; the parser stands on its START_OBJECT and ends on its END_OBJECT. */
    private static HankoUser readUser(JsonParser parser, int position) throws IOException, MalformedUsersException {
        String id = null;
        String email = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("id".equals(field)) {
                if (value != JsonToken.VALUE_STRING) {
                    throw new MalformedUsersException("user " + position + " has an id that is "
                            + kind(value) + ", not a UUID string");
                }
                id = parser.getText();
            } else if ("emails".equals(field)) {
                email = readEmailChoice(parser, position);
            } else {
                parser.skipChildren();
            }
        }
        if (id == null) {
            throw new MalformedUsersException("user " + position + " has no id");
        }
        String canonical = HankoIds.canonical(id);
        if (canonical == null) {
            throw new MalformedUsersException("user " + position + " has an id that is not a UUID: \""
                    + shorten(id) + "\"");
        }
        return new HankoUser(canonical, email);
    }

    /** The primary address, else the first one, else null. The parser stands on the value of "emails". */
    private static String readEmailChoice(JsonParser parser, int position) throws IOException, MalformedUsersException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.START_ARRAY) {
            throw new MalformedUsersException("user " + position + " has \"emails\" that is " + kind(token)
                    + ", not an array");
        }
        String first = null;
        String primary = null;
        for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY; item = parser.nextToken()) {
            if (item != JsonToken.START_OBJECT) {
                parser.skipChildren();
                continue;
            }
            String address = null;
            boolean isPrimary = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("address".equals(field) && value == JsonToken.VALUE_STRING) {
                    address = parser.getText();
                } else if ("is_primary".equals(field)) {
                    isPrimary = value == JsonToken.VALUE_TRUE;
                    parser.skipChildren();
                } else {
                    parser.skipChildren();
                }
            }
            if (address == null) {
                continue;
            }
            if (first == null) {
                first = address;
            }
            if (isPrimary && primary == null) {
                primary = address;
            }
        }
        return primary != null ? primary : first;
    }

    private static String kind(JsonToken token) {
        if (token == null) {
            return "nothing";
        }
        switch (token) {
            case START_OBJECT: return "a JSON object";
            case START_ARRAY: return "a JSON array";
            case VALUE_STRING: return "a string";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT: return "a number";
            case VALUE_TRUE:
            case VALUE_FALSE: return "a boolean";
            case VALUE_NULL: return "null";
            default: return "unexpected JSON (" + token + ")";
        }
    }

    private static String where(JsonLocation location) {
        return location == null ? "an unknown position"
                : "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        String line = message.strip().split("\\R", 2)[0];
        return line.length() > 120 ? line.substring(0, 119) + "…" : line;
    }

    private static String shorten(String value) {
        String flat = value.replaceAll("[\\p{Cntrl}]", "?");
        return flat.length() > 40 ? flat.substring(0, 39) + "…" : flat;
    }
}
