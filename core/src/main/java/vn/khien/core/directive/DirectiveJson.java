package vn.khien.core.directive;

import java.util.List;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a {@link ParsedDirective} as JSON. Built as a tree rather than by record binding so the field names,
 * their order and the explicit nulls are part of this class, not of Jackson's defaults.
 */
final class DirectiveJson {
    private static final JsonMapper MAPPER =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private DirectiveJson() {}

    static String write(ParsedDirective d) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("number", d.number());
        root.put("symbol", d.symbol());
        Issuer issuer = d.issuer();
        if (issuer == null) {
            root.putNull("issuer");
        } else {
            ObjectNode node = root.putObject("issuer");
            node.put("parentBody", issuer.parentBody());
            node.put("body", issuer.body());
        }
        root.put("place", d.place());
        root.put("date", d.date() == null ? null : d.date().toString());
        root.put("subject", d.subject());
        root.put("urgency", d.urgency());
        root.put("secrecy", d.secrecy());
        strings(root.putArray("recipients"), d.recipients());
        items(root.putArray("items"), d.items());
        strings(root.putArray("cc"), d.cc());
        Signer signer = d.signer();
        if (signer == null) {
            root.putNull("signer");
        } else {
            ObjectNode node = root.putObject("signer");
            strings(node.putArray("authority"), signer.authority());
            node.put("position", signer.position());
            node.put("name", signer.name());
        }
        strings(root.putArray("notes"), d.notes());
        strings(root.putArray("missing"), d.missing());
        return MAPPER.writeValueAsString(root);
    }

    private static void items(ArrayNode array, List<DirectiveItem> items) {
        for (DirectiveItem item : items) {
            ObjectNode node = array.addObject();
            node.put("number", item.number());
            node.put("text", item.text());
            strings(node.putArray("units"), item.units());
            items(node.putArray("subItems"), item.subItems());
        }
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
