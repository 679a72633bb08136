package io.asegraph.api.read.filter;

import io.asegraph.api.read.StringFilter;
import io.asegraph.net.AddressSet;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("ServiceTagWhere")
@Description("Filters on imported service tags: every given condition must hold; AND, OR and NOT combine filters.")
public class ServiceTagWhere {
    @Description("Every filter in this list must hold.")
    public List<ServiceTagWhere> AND;

    @Description("At least one filter in this list must hold.")
    public List<ServiceTagWhere> OR;

    @Description("This filter must not hold.")
    public ServiceTagWhere NOT;

    @Description("The tag name, e.g. Sql.WestUS (case-insensitive).")
    public StringFilter name;

    @Description("Service tags have no location (see region): as before, a location condition matches none.")
    public StringFilter location;

    @Description(
            "The lower-case region of a regional tag (case-insensitive; a global tag passes no string" + " condition).")
    public StringFilter region;

    @Description("The service, e.g. AzureSQL (case-insensitive; a tag without one passes no string condition).")
    public StringFilter systemService;

    @Description("The Service Tags file's change number for this tag.")
    public IntFilter changeNumber;

    @Description("Its IPv4 prefixes, as one set (a tag with none passes no address condition).")
    public AddressFilter addressPrefixes;

    public static Pred<ServiceTagRow> compile(ServiceTagWhere w, String path, Scope scope) {
        return w == null ? Pred.always() : Pred.all(w.parts(path, scope));
    }

    List<Pred<ServiceTagRow>> parts(String path, Scope scope) {
        List<Pred<ServiceTagRow>> out = Pred.parts();
        Scalars.logic(out, AND, OR, NOT, path, (w, p) -> compile(w, p, scope));
        Scalars.string(out, name, path + ".name", ServiceTagRow::name);
        Scalars.choice(out, location, path + ".location", ServiceTagRow::location);
        Scalars.string(out, region, path + ".region", t -> t.tag().region());
        Scalars.string(out, systemService, path + ".systemService", t -> t.tag().systemService());
        Scalars.integer(out, changeNumber, t -> t.tag().changeNumber());
        Scalars.addressList(
                out,
                addressPrefixes,
                path + ".addressPrefixes",
                scope,
                t -> AddressSet.of(t.tag().prefixes()));
        return out;
    }
}
