package io.asegraph.api.read;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("An imported service tag (from a Service Tags file).")
public record ServiceTag(
        @Description("The resource name (Azure's `name`).") @NonNull String name,
        @Description("Lower-case region of a regional tag, empty for a global one") String region,
        @Description("The Azure service the tag belongs to (the file's `systemService`); empty when none.")
                String systemService,
        @Description("The tag's change number in the Service Tags file.") @NonNull Long changeNumber,
        @Description("The tag's prefixes, as the Service Tags file lists them (IPv4 and IPv6).") @NonNull
                List<@NonNull String> addressPrefixes) {
    static ServiceTag from(Map<String, Object> r) {
        Long change = Row.number(r, "changeNumber");
        return new ServiceTag(
                Row.str(r, "name"),
                Row.str(r, "region", ""),
                Row.str(r, "systemService"),
                change == null ? 0L : change,
                Row.list(r, "addressPrefixes"));
    }
}
