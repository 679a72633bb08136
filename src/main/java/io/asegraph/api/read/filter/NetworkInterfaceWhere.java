package io.asegraph.api.read.filter;

import io.asegraph.api.read.StringFilter;
import io.asegraph.net.AddressSet;
import io.asegraph.topology.NetworkInterface;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("NetworkInterfaceWhere")
@Description("Filters on network interfaces: every given condition must hold; AND, OR and NOT combine filters.")
public class NetworkInterfaceWhere {
    @Description("Every filter in this list must hold.")
    public List<NetworkInterfaceWhere> AND;

    @Description("At least one filter in this list must hold.")
    public List<NetworkInterfaceWhere> OR;

    @Description("This filter must not hold.")
    public NetworkInterfaceWhere NOT;

    @Description("Only inside a relationship filter: whether the related interface exists.")
    public Boolean exists;

    @Description("The Azure resource id (case-insensitive).")
    public StringFilter id;

    @Description("The interface name (case-insensitive).")
    public StringFilter name;

    @Description("The Azure region (eq or in).")
    public StringFilter location;

    @Description("Its private IP address.")
    public AddressFilter privateIpAddress;

    @Description("The virtual machine it is attached to (case-insensitive).")
    public StringFilter virtualMachine;

    @Description("Its subnet.")
    public SubnetWhere subnet;

    @Description("Its own NSG ({exists: false}: interfaces without one).")
    public NetworkSecurityGroupWhere networkSecurityGroup;

    @Description("Has a public IP address matching this ({exists: false}: interfaces without any public IP).")
    public PublicIpAddressWhere publicIpAddress;

    public static Pred<NetworkInterface> compile(NetworkInterfaceWhere w, String path, Scope scope) {
        return w == null ? Pred.always() : Pred.all(w.parts(path, scope));
    }

    List<Pred<NetworkInterface>> parts(String path, Scope scope) {
        List<Pred<NetworkInterface>> out = Pred.parts();
        Scalars.logic(out, AND, OR, NOT, path, (w, p) -> compile(w, p, scope));
        Scalars.string(out, id, path + ".id", n -> n.id().value());
        Scalars.string(out, name, path + ".name", NetworkInterface::name);
        Scalars.choice(out, location, path + ".location", NetworkInterface::location);
        Scalars.addresses(
                out, privateIpAddress, path + ".privateIpAddress", scope, n -> AddressSet.host(n.privateIp()));
        Scalars.string(out, virtualMachine, path + ".virtualMachine", NetworkInterface::virtualMachine);
        if (subnet != null) {
            out.add(Relations.one(
                    subnet.exists, subnet.parts(path + ".subnet", scope), n -> scope.subnet(n.subnetId())));
        }
        if (networkSecurityGroup != null) {
            NetworkSecurityGroupWhere g = networkSecurityGroup;
            out.add(Relations.one(
                    g.exists,
                    g.parts(path + ".networkSecurityGroup", scope),
                    n -> scope.nsg(n.nsgId()),
                    NetworkInterface::nsgId));
        }
        if (publicIpAddress != null) {
            PublicIpAddressWhere p = publicIpAddress;
            out.add(Relations.anyOf(p.exists, p.parts(path + ".publicIpAddress", scope), scope::publicIps));
        }
        return out;
    }
}
