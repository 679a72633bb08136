package io.asegraph.bench;

import io.asegraph.net.Cidr;
import io.asegraph.net.Ipv4;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The planned estate: every resource except security rules (generated per NSG while writing) with its addresses and
 * its references, decided up front so that the writer can emit forward and backward references in any order.
 * The plan holds a few small objects per resource (tens of thousands at the large size, a few MB); the JSON
 * document itself is never held in memory.
 *
 * <p>Each planning phase draws from its own random stream derived from the seed, so a phase's choices do not shift
 * when another phase changes. Nothing depends on hash iteration order or the clock.
 */
final class EstatePlan {

    enum SubnetKind {
        ASE,
        REGULAR,
        GATEWAY
    }

    enum RouteTableKind {
        DIRECT_INTERNET("direct-internet"),
        FORCED_TUNNEL("forced-tunnel"),
        APPLIANCE("via-nva"),
        MIXED("mixed");

        final String slug;

        RouteTableKind(String slug) {
            this.slug = slug;
        }
    }

    static final class VNet {
        int index;
        String name;
        String id;
        String resourceGroup;
        String subscription;
        Region region;
        long base;
        int length;
        final List<Subnet> subnets = new ArrayList<>();
        final List<Peering> peerings = new ArrayList<>();
        final List<Nsg> nsgs = new ArrayList<>();
        final List<RouteTable> routeTables = new ArrayList<>();
        final List<Asg> asgs = new ArrayList<>();
        final List<Nic> nics = new ArrayList<>();
        Gateway gateway;
        /** The hub gateway this VNet uses through a peering with useRemoteGateways. */
        Gateway remoteGateway;

        Nic appliance;
        int aseCount;

        String prefix() {
            return new Cidr(base, length).toString();
        }

        boolean hasGatewayAccess() {
            return gateway != null || remoteGateway != null;
        }

        Gateway reachableGateway() {
            return gateway != null ? gateway : remoteGateway;
        }
    }

    static final class Subnet {
        int index;
        VNet vnet;
        String name;
        String id;
        long base;
        int length;
        SubnetKind kind;
        Ase ase;
        Gateway gateway;
        Nsg nsg;
        RouteTable routeTable;
        NatGateway natGateway;
        final List<Nic> nics = new ArrayList<>();
        long nextHost;

        String prefix() {
            return new Cidr(base, length).toString();
        }

        /** Azure reserves the first four addresses and the last one of every subnet. */
        boolean hasRoomForHost() {
            return nextHost <= base + Cidr.blockSize(length) - 2;
        }
    }

    static final class Ase {
        int index;
        String name;
        String id;
        String resourceGroup;
        String kind;
        String internalLoadBalancingMode;
        Subnet subnet;
        long vip;
        final List<Long> outbound = new ArrayList<>();
        long internalAddress = -1;
        final List<App> apps = new ArrayList<>();

        boolean isV3() {
            return kind.equals("ASEV3");
        }

        String dnsSuffix() {
            return isV3() ? name + ".appserviceenvironment.net" : name + ".p.azurewebsites.net";
        }
    }

    static final class App {
        int index;
        String name;
        String id;
        Ase ase;
        final List<String> hostNames = new ArrayList<>();
    }

    static final class Nic {
        int index;
        String name;
        String id;
        String vmName;
        String vmId;
        Subnet subnet;
        long ip;
        boolean staticIp;
        Nsg nsg;
        PublicIp publicIp;
        final List<Asg> asgs = new ArrayList<>();
        boolean ipForwarding;

        String ipConfigurationId() {
            return id + "/ipConfigurations/ipconfig1";
        }
    }

    static final class Nsg {
        int index;
        String name;
        String id;
        VNet vnet;
        boolean aseRole;
        int ruleCount;
        String etag;
        String resourceGuid;
        final List<Subnet> subnets = new ArrayList<>();
        final List<Nic> nics = new ArrayList<>();
    }

    record Route(String name, String addressPrefix, String nextHopType, String nextHopIpAddress) {}

    static final class RouteTable {
        int index;
        String name;
        String id;
        VNet vnet;
        RouteTableKind kind;
        boolean disableBgpRoutePropagation;
        final List<Route> routes = new ArrayList<>();
        final List<Subnet> subnets = new ArrayList<>();
    }

    static final class Peering {
        String name;
        String id;
        VNet local;
        VNet remote;
        String state;
        boolean allowGatewayTransit;
        boolean useRemoteGateways;
        boolean allowForwardedTraffic;
    }

    record LearnedRoute(String network, String nextHop, String origin, String sourcePeer, String asPath, int weight) {}

    static final class Gateway {
        int index;
        String name;
        String id;
        VNet vnet;
        Subnet subnet;
        String gatewayType;
        String sku;
        boolean bgp;
        long bgpAddress;
        PublicIp publicIp;
        final List<LocalGateway> sites = new ArrayList<>();
        LocalGateway defaultSite;
        final List<LearnedRoute> learnedRoutes = new ArrayList<>();
        final List<String> onPremisesPrefixes = new ArrayList<>();

        String ipConfigurationId() {
            return id + "/ipConfigurations/default";
        }
    }

    static final class LocalGateway {
        int index;
        String name;
        String id;
        Gateway gateway;
        long gatewayIp;
        int asn;
        long bgpAddress;
        final List<String> prefixes = new ArrayList<>();
    }

    static final class Connection {
        String name;
        String id;
        String connectionType;
        Gateway gateway1;
        LocalGateway localGateway2;
        Gateway gateway2;
    }

    static final class NatGateway {
        int index;
        String name;
        String id;
        VNet vnet;
        final List<PublicIp> publicIps = new ArrayList<>();
        final List<Subnet> subnets = new ArrayList<>();
    }

    static final class PublicIp {
        int index;
        String name;
        String id;
        VNet vnet;
        long address;
        String ipConfigurationId;
        NatGateway natGateway;
    }

    static final class Asg {
        int index;
        String name;
        String id;
        VNet vnet;
        String resourceGuid;
    }

    static final class Endpoint {
        String name;
        String id;
        Region region;
        final List<String> addresses = new ArrayList<>();
        String serviceTag;
    }

    private static final String[] SUBNET_ROLES = {"app", "web", "data", "mgmt", "shared", "batch"};
    private static final String[] APP_WORDS = {
        "orders",
        "billing",
        "portal",
        "api",
        "reports",
        "catalog",
        "auth",
        "search",
        "payments",
        "inventory",
        "notify",
        "admin"
    };
    private static final String[] ASG_ROLES = {"web", "logic", "db", "mgmt"};
    private static final String[] NSG_ROLES = {"app", "data", "web", "vm"};
    private static final String[] ASE_KIND_PATTERN = {
        "ASEV1", "ASEV2", "ASEV3", "ASEV2", "ASEV2", "ASEV1", "ASEV3", "ASEV2", "ASEV3", "ASEV2"
    };

    final EstateSpec spec;
    final long seed;
    final List<String> subscriptions = new ArrayList<>();
    final ServiceTagCatalog tags;
    final List<VNet> vnets = new ArrayList<>();
    final List<Subnet> subnets = new ArrayList<>();
    final List<Ase> ases = new ArrayList<>();
    final List<App> apps = new ArrayList<>();
    final List<Nic> nics = new ArrayList<>();
    final List<Nsg> nsgs = new ArrayList<>();
    final List<RouteTable> routeTables = new ArrayList<>();
    final List<Peering> peerings = new ArrayList<>();
    final List<Gateway> gateways = new ArrayList<>();
    final List<LocalGateway> localGateways = new ArrayList<>();
    final List<Connection> connections = new ArrayList<>();
    final List<NatGateway> natGateways = new ArrayList<>();
    final List<PublicIp> publicIps = new ArrayList<>();
    final List<Asg> asgs = new ArrayList<>();
    final List<Endpoint> endpoints = new ArrayList<>();
    final List<String> partnerAddresses = new ArrayList<>();

    private final AddressPool[] regionPublic = new AddressPool[Region.ALL.size()];
    private final AddressPool partnerPool = new AddressPool("partner", Ipv4.of(185, 0, 0, 0), 8);
    private final AddressPool onPremisesPool =
            new AddressPool("on-premises", Ipv4.of(192, 168, 0, 0), 16, Ipv4.of(198, 18, 0, 0), 15);
    private final AddressPool onPremisesPublicPool = new AddressPool("on-premises public", Ipv4.of(81, 16, 0, 0), 12);

    EstatePlan(EstateSpec spec, long seed) {
        this.spec = spec;
        this.seed = seed;
        for (Region r : Region.ALL) {
            regionPublic[r.index()] = new AddressPool(
                    "public IP (" + r.name() + ")",
                    ServiceTagCatalog.publicBlock(r),
                    ServiceTagCatalog.PUBLIC_BLOCK_LENGTH);
        }
        tags = new ServiceTagCatalog(spec.tagPrefixes(), Math.min(spec.vnets(), Region.VNET_REGIONS), random(1));
        planSubscriptions(random(2));
        planVnets();
        planSubnets(random(3));
        planAses(random(4));
        planNatGateways(random(5));
        planAsgs(random(6));
        planNics(random(7));
        planPeerings(random(8));
        planGateways(random(9));
        planRouteTables(random(10));
        planNsgs(random(11));
        planEndpoints(random(12));
        planPartnerAddresses(random(13));
    }

    /** An independent random stream for one phase (or one NSG's rules), derived from the seed. */
    SplittableRandom random(long phase) {
        return new SplittableRandom(seed * 0x9E37_79B9_7F4A_7C15L + phase * 0xBF58_476D_1CE4_E5B9L + phase);
    }

    static String guid(SplittableRandom random) {
        String hex = hex16(random.nextLong()) + hex16(random.nextLong());
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-4" + hex.substring(13, 16) + "-a"
                + hex.substring(17, 20) + "-" + hex.substring(20, 32);
    }

    private static String hex16(long value) {
        String hex = Long.toHexString(value);
        return "0".repeat(16 - hex.length()) + hex;
    }

    private static String networkProvider(String subscription, String resourceGroup) {
        return "/subscriptions/" + subscription + "/resourceGroups/" + resourceGroup + "/providers/Microsoft.Network/";
    }

    String networkId(VNet vnet, String type, String name) {
        return networkProvider(vnet.subscription, vnet.resourceGroup) + type + "/" + name;
    }

    String webResourceGroup(VNet vnet) {
        return "rg-ase-" + vnet.region.name() + "-" + String.format(Locale.ROOT, "%03d", vnet.index);
    }

    private long publicHost(Region region) {
        return regionPublic[region.index()].host();
    }

    private PublicIp newPublicIp(VNet vnet, String name) {
        PublicIp pip = new PublicIp();
        pip.index = publicIps.size();
        pip.name = name;
        pip.id = networkId(vnet, "publicIPAddresses", name);
        pip.vnet = vnet;
        pip.address = publicHost(vnet.region);
        publicIps.add(pip);
        return pip;
    }

    private void planSubscriptions(SplittableRandom random) {
        int count = Math.min(4, 1 + (spec.vnets() - 1) / 150);
        for (int i = 0; i < count; i++) {
            subscriptions.add(guid(random));
        }
    }

    /** VNet spaces: equal blocks from 10.0.0.0/8 then 172.16.0.0/12, as large as the count allows (/16 at most). */
    private void planVnets() {
        int length = 16;
        while (length <= 24 && (1L << (length - 8)) + (1L << (length - 12)) < spec.vnets()) {
            length++;
        }
        if (length > 24) {
            throw new IllegalArgumentException(
                    "vnets (" + spec.vnets() + ") do not fit in 10.0.0.0/8 and 172.16.0.0/12");
        }
        AddressPool pool = new AddressPool("VNet", Ipv4.of(10, 0, 0, 0), 8, Ipv4.of(172, 16, 0, 0), 12);
        for (int v = 0; v < spec.vnets(); v++) {
            VNet vnet = new VNet();
            vnet.index = v;
            vnet.region = Region.ofVnet(v);
            vnet.name = String.format(Locale.ROOT, "vnet-%s-%03d", vnet.region.name(), v);
            vnet.subscription = subscriptions.get(v % subscriptions.size());
            vnet.resourceGroup = String.format(Locale.ROOT, "rg-net-%s-%03d", vnet.region.name(), v);
            vnet.id = networkProvider(vnet.subscription, vnet.resourceGroup) + "virtualNetworks/" + vnet.name;
            vnet.base = pool.allocate(length);
            vnet.length = length;
            vnets.add(vnet);
        }
    }

    /** The hub VNet of gateway {@code g}: gateways are spread evenly over the VNets. */
    private int hubOf(int g) {
        return (int) ((long) g * spec.vnets() / spec.gateways());
    }

    private static String aseKind(int ase) {
        return ASE_KIND_PATTERN[ase % ASE_KIND_PATTERN.length];
    }

    /**
     * Subnets: every VNet first gets one per ASE (ASE a lives in VNet a mod V) and a GatewaySubnet when it is a hub;
     * the remaining subnets are spread round robin. ASE subnets are /26 or /24 (ASEv3 /24), others /24 or /26,
     * allocated upwards; the GatewaySubnet is the /27 at the start of the VNet's last /24.
     */
    private void planSubnets(SplittableRandom random) {
        int v = spec.vnets();
        boolean[] hub = new boolean[v];
        for (int g = 0; g < spec.gateways(); g++) {
            hub[hubOf(g)] = true;
        }
        int regularTotal = spec.subnets() - spec.ases() - spec.gateways();
        for (VNet vnet : vnets) {
            int i = vnet.index;
            vnet.aseCount = spec.ases() / v + (i < spec.ases() % v ? 1 : 0);
            int regular = regularTotal / v + (i < regularTotal % v ? 1 : 0);
            long end = vnet.base + Cidr.blockSize(vnet.length) - (hub[i] ? 256 : 0);
            long cursor = vnet.base;
            int aseOrdinal = 0;
            for (int a = i; aseOrdinal < vnet.aseCount; a += v, aseOrdinal++) {
                String kind = aseKind(a);
                int length = kind.equals("ASEV3") || a % 4 == 1 ? 24 : 26;
                cursor = addSubnet(
                        vnet, SubnetKind.ASE, String.format(Locale.ROOT, "snet-ase-%04d", a), cursor, length, end);
            }
            for (int k = 0; k < regular; k++) {
                int length = random.nextInt(4) == 0 ? 26 : 24;
                String role = SUBNET_ROLES[k % SUBNET_ROLES.length];
                cursor = addSubnet(
                        vnet,
                        SubnetKind.REGULAR,
                        String.format(Locale.ROOT, "snet-%s-%02d", role, k + 1),
                        cursor,
                        length,
                        end);
            }
            if (hub[i]) {
                addSubnet(vnet, SubnetKind.GATEWAY, "GatewaySubnet", end, 27, end + 256);
            }
        }
    }

    private long addSubnet(VNet vnet, SubnetKind kind, String name, long cursor, int length, long end) {
        long base = AddressPool.alignUp(cursor, length);
        if (base + Cidr.blockSize(length) > end) {
            throw new IllegalArgumentException("the subnets of " + vnet.name + " do not fit in its space "
                    + vnet.prefix() + "; ask for fewer subnets per VNet or fewer VNets");
        }
        Subnet s = new Subnet();
        s.index = subnets.size();
        s.vnet = vnet;
        s.kind = kind;
        s.name = name;
        s.id = vnet.id + "/subnets/" + name;
        s.base = base;
        s.length = length;
        s.nextHost = base + 4;
        vnet.subnets.add(s);
        subnets.add(s);
        return base + Cidr.blockSize(length);
    }

    private void planAses(SplittableRandom random) {
        int v = spec.vnets();
        int[] seen = new int[v];
        for (int a = 0; a < spec.ases(); a++) {
            VNet vnet = vnets.get(a % v);
            Subnet subnet = vnet.subnets.get(seen[vnet.index]++);
            Ase ase = new Ase();
            ase.index = a;
            ase.kind = aseKind(a);
            ase.name = String.format(Locale.ROOT, "ase-%04d", a);
            ase.resourceGroup = webResourceGroup(vnet);
            ase.id = "/subscriptions/" + vnet.subscription + "/resourceGroups/" + ase.resourceGroup
                    + "/providers/Microsoft.Web/hostingEnvironments/" + ase.name;
            boolean internal = ase.kind.equals("ASEV1") ? a % 8 == 5 : a % 4 >= 2;
            ase.internalLoadBalancingMode = !internal ? "None" : (a % 16 == 3 ? "Web" : "Web, Publishing");
            ase.subnet = subnet;
            subnet.ase = ase;
            ase.vip = publicHost(vnet.region);
            if (internal) {
                ase.internalAddress = subnet.base + (ase.isV3() ? 4 : 11);
            }
            if (!ase.isV3()) {
                ase.outbound.add(ase.vip);
            }
            ases.add(ase);
        }
        for (int p = 0; p < spec.apps(); p++) {
            Ase ase = p < ases.size() ? ases.get(p) : ases.get(random.nextInt(ases.size()));
            App app = new App();
            app.index = p;
            String word = APP_WORDS[p % APP_WORDS.length];
            app.name = String.format(Locale.ROOT, "app-%05d-%s", p, word);
            app.ase = ase;
            app.id = "/subscriptions/" + ase.subnet.vnet.subscription + "/resourceGroups/" + ase.resourceGroup
                    + "/providers/Microsoft.Web/sites/" + app.name;
            app.hostNames.add(app.name + "." + ase.dnsSuffix());
            if (p % 4 == 3) {
                app.hostNames.add(String.format(Locale.ROOT, "%s-%d.contoso.com", word, p));
            }
            ase.apps.add(app);
            apps.add(app);
        }
    }

    /**
     * NAT gateways: every other one goes to a VNet with an ASEv3 (spread over those), the rest are spread over all
     * VNets. Each attaches to the free ASEv3 subnets of its VNet (ASEv1/v2 do not support NAT gateways) and one
     * regular subnet. An ASEv3 behind a NAT gateway leaves through the NAT addresses.
     */
    private void planNatGateways(SplittableRandom random) {
        List<VNet> withV3 = vnets.stream()
                .filter(v -> v.subnets.stream().anyMatch(s -> s.kind == SubnetKind.ASE && s.ase.isV3()))
                .toList();
        int evenSlots = (spec.natGateways() + 1) / 2;
        for (int n = 0; n < spec.natGateways(); n++) {
            VNet vnet = n % 2 == 0 && !withV3.isEmpty()
                    ? withV3.get((int) ((long) (n / 2) * withV3.size() / evenSlots))
                    : vnets.get((int) ((long) n * spec.vnets() / spec.natGateways()));
            NatGateway nat = new NatGateway();
            nat.index = n;
            nat.vnet = vnet;
            nat.name = String.format(Locale.ROOT, "natgw-%03d", n);
            nat.id = networkId(vnet, "natGateways", nat.name);
            int addresses = n % 5 == 4 ? 2 : 1;
            for (int k = 0; k < addresses; k++) {
                PublicIp pip = newPublicIp(vnet, String.format(Locale.ROOT, "pip-%s-%d", nat.name, k + 1));
                pip.natGateway = nat;
                nat.publicIps.add(pip);
            }
            boolean regularTaken = false;
            for (Subnet s : vnet.subnets) {
                if (s.natGateway != null) {
                    continue;
                }
                boolean v3 = s.kind == SubnetKind.ASE && s.ase.isV3();
                boolean regular = s.kind == SubnetKind.REGULAR && !regularTaken;
                if (v3 || regular) {
                    s.natGateway = nat;
                    nat.subnets.add(s);
                    regularTaken |= regular;
                }
            }
            natGateways.add(nat);
        }
        for (Ase ase : ases) {
            if (!ase.isV3()) {
                continue;
            }
            if (ase.subnet.natGateway != null) {
                ase.subnet.natGateway.publicIps.forEach(p -> ase.outbound.add(p.address));
            } else {
                int count = 1 + random.nextInt(2);
                for (int k = 0; k < count; k++) {
                    ase.outbound.add(publicHost(ase.subnet.vnet.region));
                }
            }
        }
    }

    private void planAsgs(SplittableRandom random) {
        for (int a = 0; a < spec.asgs(); a++) {
            VNet vnet = vnets.get(a % spec.vnets());
            Asg asg = new Asg();
            asg.index = a;
            asg.vnet = vnet;
            asg.name = String.format(Locale.ROOT, "asg-%s-%04d", ASG_ROLES[(a / spec.vnets()) % ASG_ROLES.length], a);
            asg.id = networkId(vnet, "applicationSecurityGroups", asg.name);
            asg.resourceGuid = guid(random);
            vnet.asgs.add(asg);
            asgs.add(asg);
        }
    }

    /** NICs go to random subnets that hold no ASE and no gateway, with unique addresses from .4 upwards. */
    private void planNics(SplittableRandom random) {
        List<Subnet> regular =
                subnets.stream().filter(s -> s.kind == SubnetKind.REGULAR).toList();
        for (int i = 0; i < spec.nics(); i++) {
            int start = random.nextInt(regular.size());
            Subnet subnet = null;
            for (int k = 0; k < regular.size(); k++) {
                Subnet candidate = regular.get((start + k) % regular.size());
                if (candidate.hasRoomForHost()) {
                    subnet = candidate;
                    break;
                }
            }
            if (subnet == null) {
                throw new IllegalArgumentException("nics (" + spec.nics() + ") do not fit in the regular subnets");
            }
            Nic nic = new Nic();
            nic.index = i;
            nic.subnet = subnet;
            VNet vnet = subnet.vnet;
            String role = subnet.name.substring(5, subnet.name.lastIndexOf('-'));
            nic.vmName = String.format(Locale.ROOT, "vm-%s-%05d", role, i);
            nic.name = nic.vmName + "-nic";
            nic.id = networkId(vnet, "networkInterfaces", nic.name);
            nic.vmId = "/subscriptions/" + vnet.subscription + "/resourceGroups/" + vnet.resourceGroup
                    + "/providers/Microsoft.Compute/virtualMachines/" + nic.vmName;
            nic.ip = subnet.nextHost++;
            nic.staticIp = random.nextInt(5) == 0;
            if (!vnet.asgs.isEmpty()) {
                int x = random.nextInt(10);
                int count = x < 4 ? 1 : x < 5 ? 2 : 0;
                count = Math.min(count, vnet.asgs.size());
                int first = random.nextInt(vnet.asgs.size());
                for (int k = 0; k < count; k++) {
                    nic.asgs.add(vnet.asgs.get((first + k) % vnet.asgs.size()));
                }
            }
            if (random.nextInt(20) == 0) {
                nic.publicIp = newPublicIp(vnet, "pip-" + nic.vmName);
                nic.publicIp.ipConfigurationId = nic.ipConfigurationId();
            }
            subnet.nics.add(nic);
            vnet.nics.add(nic);
            nics.add(nic);
        }
        // The first NIC of a VNet is its network virtual appliance (route tables send traffic to it).
        for (VNet vnet : vnets) {
            if (!vnet.nics.isEmpty()) {
                vnet.appliance = vnet.nics.get(0);
                vnet.appliance.ipForwarding = true;
            }
        }
    }

    /**
     * Peerings, one entry per side. Hub and spoke first (each spoke to one hub, using the hub's gateway), then a
     * ring between hubs, then random pairs. About one link in 37 is one-sided (state Initiated: the remote side was
     * never created).
     */
    private void planPeerings(SplittableRandom random) {
        int target = spec.peerings();
        if (target == 0) {
            return;
        }
        List<VNet> hubs = new ArrayList<>();
        List<VNet> spokes = new ArrayList<>();
        boolean[] hub = new boolean[spec.vnets()];
        for (int g = 0; g < spec.gateways(); g++) {
            hub[hubOf(g)] = true;
        }
        for (VNet vnet : vnets) {
            (hub[vnet.index] ? hubs : spokes).add(vnet);
        }
        Set<Long> linked = new HashSet<>();
        int link = 0;
        if (!hubs.isEmpty()) {
            for (int s = 0; s < spokes.size() && peerings.size() < target; s++, link++) {
                addLink(spokes.get(s), hubs.get(s % hubs.size()), link, true, linked);
            }
            for (int h = 0; hubs.size() > 1 && h < hubs.size() && peerings.size() < target; h++) {
                VNet a = hubs.get(h);
                VNet b = hubs.get((h + 1) % hubs.size());
                if (!linked.contains(pairKey(a, b))) {
                    addLink(a, b, link++, false, linked);
                }
            }
        }
        int attempts = 0;
        while (peerings.size() < target && attempts < 20 * target) {
            attempts++;
            VNet a = vnets.get(random.nextInt(vnets.size()));
            VNet b = vnets.get(random.nextInt(vnets.size()));
            if (a != b && !linked.contains(pairKey(a, b))) {
                addLink(a, b, link++, false, linked);
            }
        }
        for (int i = 0; i < vnets.size() && peerings.size() < target; i++) {
            for (int j = i + 1; j < vnets.size() && peerings.size() < target; j++) {
                if (!linked.contains(pairKey(vnets.get(i), vnets.get(j)))) {
                    addLink(vnets.get(i), vnets.get(j), link++, false, linked);
                }
            }
        }
        if (peerings.size() < target) {
            // Every pair is linked; the rest become the missing halves of one-sided links.
            for (Peering p : new ArrayList<>(peerings)) {
                if (peerings.size() >= target) {
                    break;
                }
                if (p.state.equals("Initiated")) {
                    p.state = "Connected";
                    addPeering(p.remote, p.local, "Connected", false, false);
                }
            }
        }
    }

    private static long pairKey(VNet a, VNet b) {
        int lo = Math.min(a.index, b.index);
        int hi = Math.max(a.index, b.index);
        return ((long) lo << 32) | hi;
    }

    private void addLink(VNet a, VNet b, int link, boolean hubAndSpoke, Set<Long> linked) {
        linked.add(pairKey(a, b));
        boolean oneSided = link % 37 == 36 || peerings.size() + 1 == spec.peerings();
        if (oneSided) {
            addPeering(a, b, "Initiated", false, false);
            return;
        }
        // A spoke links to exactly one hub in the hub-and-spoke phase, so it uses at most one remote gateway.
        addPeering(a, b, "Connected", false, hubAndSpoke);
        addPeering(b, a, "Connected", hubAndSpoke, false);
    }

    private void addPeering(
            VNet local, VNet remote, String state, boolean allowGatewayTransit, boolean useRemoteGateways) {
        Peering p = new Peering();
        p.local = local;
        p.remote = remote;
        p.name = local.name + "-to-" + remote.name;
        p.id = local.id + "/virtualNetworkPeerings/" + p.name;
        p.state = state;
        p.allowGatewayTransit = allowGatewayTransit;
        p.useRemoteGateways = useRemoteGateways;
        p.allowForwardedTraffic = allowGatewayTransit || useRemoteGateways;
        local.peerings.add(p);
        peerings.add(p);
    }

    /**
     * Gateways in the hub VNets: mostly VPN with one to three local network gateways (on-premises sites) and an
     * IPsec connection each; every fifth an ExpressRoute gateway whose on-premises prefixes arrive only as BGP
     * learned routes. BGP gateways carry {@code learnedRoutes} as {@code az network vnet-gateway list-learned-routes}
     * prints them; every fourth learns 0.0.0.0/0 (forced tunnelling). Some VPN gateways without BGP force-tunnel
     * through a default site instead. Consecutive VPN gateways are sometimes connected VNet-to-VNet.
     */
    private void planGateways(SplittableRandom random) {
        for (int g = 0; g < spec.gateways(); g++) {
            VNet vnet = vnets.get(hubOf(g));
            Gateway gw = new Gateway();
            gw.index = g;
            gw.vnet = vnet;
            gw.subnet = vnet.subnets.get(vnet.subnets.size() - 1);
            gw.subnet.gateway = gw;
            gw.name = "vgw-" + vnet.name;
            gw.id = networkId(vnet, "virtualNetworkGateways", gw.name);
            boolean expressRoute = g % 5 == 2;
            gw.gatewayType = expressRoute ? "ExpressRoute" : "Vpn";
            gw.sku = expressRoute ? (g % 2 == 0 ? "Standard" : "HighPerformance") : (g % 2 == 0 ? "VpnGw1" : "VpnGw2");
            gw.bgp = expressRoute || g % 3 != 1;
            gw.bgpAddress = gw.subnet.base + 30;
            gw.publicIp = newPublicIp(vnet, "pip-" + gw.name);
            gw.publicIp.ipConfigurationId = gw.ipConfigurationId();
            vnet.gateway = gw;
            String bgpAddress = Ipv4.format(gw.bgpAddress);
            for (String own : List.of(vnet.prefix())) {
                if (gw.bgp) {
                    gw.learnedRoutes.add(new LearnedRoute(own, null, "Network", bgpAddress, "", 32768));
                }
            }
            if (expressRoute) {
                int count = 2 + random.nextInt(3);
                for (int k = 0; k < count; k++) {
                    String prefix = onPremisesPrefix(random);
                    gw.onPremisesPrefixes.add(prefix);
                    String msee = Ipv4.format(gw.subnet.base + 4 + (k % 2));
                    gw.learnedRoutes.add(new LearnedRoute(prefix, msee, "EBgp", msee, "12076-" + (65020 + g), 32769));
                }
            } else {
                int sites = 1 + g % 3;
                for (int k = 0; k < sites; k++) {
                    LocalGateway lng = new LocalGateway();
                    lng.index = localGateways.size();
                    lng.gateway = gw;
                    lng.name = String.format(Locale.ROOT, "lng-site-%03d", lng.index);
                    lng.id = networkId(vnet, "localNetworkGateways", lng.name);
                    lng.gatewayIp = onPremisesPublicPool.host();
                    lng.asn = 65001 + lng.index;
                    int prefixes = 1 + random.nextInt(3);
                    for (int x = 0; x < prefixes; x++) {
                        lng.prefixes.add(onPremisesPrefix(random));
                    }
                    lng.bgpAddress = Cidr.parseBlock(lng.prefixes.get(0)).base() + 1;
                    gw.sites.add(lng);
                    gw.onPremisesPrefixes.addAll(lng.prefixes);
                    localGateways.add(lng);
                    Connection c = new Connection();
                    c.name = "cn-" + gw.name + "-" + lng.name;
                    c.id = networkId(vnet, "connections", c.name);
                    c.connectionType = "IPsec";
                    c.gateway1 = gw;
                    c.localGateway2 = lng;
                    connections.add(c);
                    if (gw.bgp) {
                        String peer = Ipv4.format(lng.bgpAddress);
                        for (String prefix : lng.prefixes) {
                            gw.learnedRoutes.add(
                                    new LearnedRoute(prefix, peer, "EBgp", peer, Integer.toString(lng.asn), 32768));
                        }
                    }
                }
                if (!gw.bgp && g % 2 == 1) {
                    gw.defaultSite = gw.sites.get(0);
                }
            }
            if (gw.bgp && g % 4 == 0) {
                LearnedRoute first = gw.learnedRoutes.get(gw.learnedRoutes.size() - 1);
                gw.learnedRoutes.add(new LearnedRoute(
                        "0.0.0.0/0", first.nextHop(), "EBgp", first.sourcePeer(), first.asPath(), first.weight()));
            }
            gateways.add(gw);
        }
        for (int i = 0; i + 1 < gateways.size(); i++) {
            Gateway a = gateways.get(i);
            Gateway b = gateways.get(i + 1);
            if (i % 7 == 3 && a.gatewayType.equals("Vpn") && b.gatewayType.equals("Vpn")) {
                addVnetToVnet(a, b);
                addVnetToVnet(b, a);
            }
        }
        for (Peering p : peerings) {
            if (p.useRemoteGateways) {
                p.local.remoteGateway = p.remote.gateway;
            }
        }
    }

    private void addVnetToVnet(Gateway from, Gateway to) {
        Connection c = new Connection();
        c.name = "cn-" + from.name + "-to-" + to.name;
        c.id = networkId(from.vnet, "connections", c.name);
        c.connectionType = "Vnet2Vnet";
        c.gateway1 = from;
        c.gateway2 = to;
        connections.add(c);
    }

    private String onPremisesPrefix(SplittableRandom random) {
        int length = ServiceTagCatalog.weighted(new int[] {24, 23, 22, 21}, new int[] {60, 20, 15, 5}, random);
        return new Cidr(onPremisesPool.allocate(length), length).toString();
    }

    /**
     * Route tables, round robin over the VNets, of four kinds: direct Internet (0.0.0.0/0 or its two halves to
     * Internet, the ASE-with-ExpressRoute fix), forced tunnelling (0.0.0.0/0 to the gateway, with
     * AppServiceManagement to Internet), appliance (0.0.0.0/0 and RFC 1918 to the VNet's NVA) and mixed (a
     * blackhole, VnetLocal and a service-tag route, BGP propagation disabled). A kind that needs a gateway or an
     * NVA the VNet lacks falls back to the next one.
     */
    private void planRouteTables(SplittableRandom random) {
        RouteTableKind[] kinds = RouteTableKind.values();
        for (int r = 0; r < spec.routeTables(); r++) {
            VNet vnet = vnets.get(r % spec.vnets());
            RouteTableKind kind = kinds[r % kinds.length];
            if (kind == RouteTableKind.FORCED_TUNNEL && !vnet.hasGatewayAccess()) {
                kind = RouteTableKind.APPLIANCE;
            }
            if (kind == RouteTableKind.APPLIANCE && vnet.appliance == null) {
                kind = RouteTableKind.MIXED;
            }
            RouteTable rt = new RouteTable();
            rt.index = r;
            rt.vnet = vnet;
            rt.kind = kind;
            rt.name = String.format(Locale.ROOT, "rt-%s-%03d", kind.slug, r);
            rt.id = networkId(vnet, "routeTables", rt.name);
            String nva = vnet.appliance == null ? null : Ipv4.format(vnet.appliance.ip);
            switch (kind) {
                case DIRECT_INTERNET -> {
                    if (r % 8 == 4) {
                        rt.routes.add(new Route("Direct-Internet-Range-0", "0.0.0.0/1", "Internet", null));
                        rt.routes.add(new Route("Direct-Internet-Range-1", "128.0.0.0/1", "Internet", null));
                    } else {
                        rt.routes.add(new Route("direct-internet", "0.0.0.0/0", "Internet", null));
                    }
                    if (nva != null) {
                        Gateway gw = vnet.reachableGateway();
                        String target = gw != null && !gw.onPremisesPrefixes.isEmpty()
                                ? gw.onPremisesPrefixes.get(0)
                                : "192.168.0.0/16";
                        rt.routes.add(new Route("on-premises-via-nva", target, "VirtualAppliance", nva));
                    }
                }
                case FORCED_TUNNEL -> {
                    rt.routes.add(new Route("forced-tunnel", "0.0.0.0/0", "VirtualNetworkGateway", null));
                    rt.routes.add(new Route("ase-management", "AppServiceManagement", "Internet", null));
                }
                case APPLIANCE -> {
                    rt.disableBgpRoutePropagation = r % 3 == 0;
                    rt.routes.add(new Route("default-via-nva", "0.0.0.0/0", "VirtualAppliance", nva));
                    rt.routes.add(new Route("rfc1918-10", "10.0.0.0/8", "VirtualAppliance", nva));
                    rt.routes.add(new Route("rfc1918-172", "172.16.0.0/12", "VirtualAppliance", nva));
                    rt.routes.add(new Route("storage-direct", tags.regional("Storage", vnet.region), "Internet", null));
                }
                case MIXED -> {
                    rt.disableBgpRoutePropagation = true;
                    long hole = partnerPool.allocate(24, random.nextLong(1 << 16));
                    rt.routes.add(new Route("blackhole", new Cidr(hole, 24).toString(), "None", null));
                    rt.routes.add(new Route("vnet-local", vnet.prefix(), "VnetLocal", null));
                    rt.routes.add(new Route("sql-direct", tags.regional("Sql", vnet.region), "Internet", null));
                }
                default -> throw new IllegalStateException("unknown kind " + kind);
            }
            vnet.routeTables.add(rt);
            routeTables.add(rt);
        }
        for (VNet vnet : vnets) {
            if (vnet.routeTables.isEmpty()) {
                continue;
            }
            Subnet nvaSubnet = vnet.appliance == null ? null : vnet.appliance.subnet;
            List<Subnet> eligible = vnet.subnets.stream()
                    .filter(s -> s.kind != SubnetKind.GATEWAY && s != nvaSubnet)
                    .toList();
            for (RouteTable rt : vnet.routeTables) {
                boolean forAse = rt.kind == RouteTableKind.DIRECT_INTERNET || rt.kind == RouteTableKind.FORCED_TUNNEL;
                Subnet chosen = null;
                for (Subnet s : eligible) {
                    if (s.routeTable == null && (s.kind == SubnetKind.ASE) == forAse) {
                        chosen = s;
                        break;
                    }
                }
                if (chosen == null) {
                    chosen = eligible.stream()
                            .filter(s -> s.routeTable == null)
                            .findFirst()
                            .orElse(null);
                }
                if (chosen != null) {
                    associate(rt, chosen);
                }
            }
            for (Subnet s : eligible) {
                if (s.routeTable != null) {
                    continue;
                }
                boolean ase = s.kind == SubnetKind.ASE;
                if (random.nextInt(10) < (ase ? 7 : 5)) {
                    associate(rt(vnet, ase, random), s);
                }
            }
        }
    }

    private static RouteTable rt(VNet vnet, boolean ase, SplittableRandom random) {
        if (ase) {
            for (RouteTable rt : vnet.routeTables) {
                if (rt.kind == RouteTableKind.DIRECT_INTERNET) {
                    return rt;
                }
            }
        }
        return vnet.routeTables.get(random.nextInt(vnet.routeTables.size()));
    }

    private static void associate(RouteTable rt, Subnet s) {
        s.routeTable = rt;
        rt.subnets.add(s);
    }

    /**
     * NSGs, round robin over the VNets. In each VNet the first NSGs (one per ASE) are ASE NSGs, the rest general.
     * Most ASE subnets and regular subnets carry one; GatewaySubnets never do; three NICs in ten have their own.
     */
    private void planNsgs(SplittableRandom random) {
        for (int n = 0; n < spec.nsgs(); n++) {
            VNet vnet = vnets.get(n % spec.vnets());
            Nsg nsg = new Nsg();
            nsg.index = n;
            nsg.vnet = vnet;
            nsg.aseRole = vnet.nsgs.size() < vnet.aseCount;
            String role = nsg.aseRole ? "ase" : NSG_ROLES[(vnet.nsgs.size() - vnet.aseCount) % NSG_ROLES.length];
            nsg.name = String.format(Locale.ROOT, "nsg-%s-%04d", role, n);
            nsg.id = networkId(vnet, "networkSecurityGroups", nsg.name);
            nsg.ruleCount = spec.rulesOfNsg(n);
            nsg.etag = "W/\"" + guid(random) + "\"";
            nsg.resourceGuid = guid(random);
            vnet.nsgs.add(nsg);
            nsgs.add(nsg);
        }
        for (VNet vnet : vnets) {
            List<Nsg> list = vnet.nsgs;
            if (list.isEmpty()) {
                continue;
            }
            int aseOrdinal = 0;
            int regularOrdinal = 0;
            for (Subnet s : vnet.subnets) {
                Nsg chosen = null;
                if (s.kind == SubnetKind.ASE) {
                    if (s.ase.index % 10 != 9) {
                        chosen = list.get(aseOrdinal % list.size());
                    }
                    aseOrdinal++;
                } else if (s.kind == SubnetKind.REGULAR) {
                    int general = list.size() - vnet.aseCount;
                    Nsg candidate = general > 0
                            ? list.get(vnet.aseCount + regularOrdinal % general)
                            : list.get(regularOrdinal % list.size());
                    regularOrdinal++;
                    if (random.nextInt(10) != 0) {
                        chosen = candidate;
                    }
                }
                if (chosen != null) {
                    s.nsg = chosen;
                    chosen.subnets.add(s);
                }
            }
            for (Nic nic : vnet.nics) {
                if (random.nextInt(10) < 3) {
                    int general = list.size() - vnet.aseCount;
                    Nsg chosen = general > 0
                            ? list.get(vnet.aseCount + random.nextInt(general))
                            : list.get(random.nextInt(list.size()));
                    nic.nsg = chosen;
                    chosen.nics.add(nic);
                }
            }
        }
    }

    /** Endpoints: Azure SQL, Storage and Key Vault in the VNet regions (addresses from their tags) and partners. */
    private void planEndpoints(SplittableRandom random) {
        String[] kinds = {"sql", "storage", "partner", "keyvault", "partner"};
        int regions = Math.min(spec.vnets(), Region.VNET_REGIONS);
        Set<String> names = new HashSet<>();
        for (int e = 0; e < spec.endpoints(); e++) {
            String kind = kinds[e % kinds.length];
            Endpoint ep = new Endpoint();
            ep.region = Region.ALL.get(e % regions);
            String base;
            switch (kind) {
                case "sql", "storage", "keyvault" -> {
                    String service = kind.equals("sql") ? "Sql" : kind.equals("storage") ? "Storage" : "AzureKeyVault";
                    base = "azure-" + kind + "-" + ep.region.name();
                    ep.serviceTag = tags.regional(service, ep.region);
                    List<String> prefixes = tags.prefixes(ep.serviceTag);
                    int count = Math.min(prefixes.size(), 1 + random.nextInt(2));
                    int first = random.nextInt(prefixes.size());
                    for (int k = 0; k < count; k++) {
                        ep.addresses.add(prefixes.get((first + k) % prefixes.size()));
                    }
                }
                default -> {
                    base = "partner-api";
                    int count = 1 + random.nextInt(3);
                    for (int k = 0; k < count; k++) {
                        int length = ServiceTagCatalog.weighted(new int[] {32, 28, 24}, new int[] {2, 1, 1}, random);
                        long block = partnerPool.allocate(length, random.nextLong(1 << 16));
                        ep.addresses.add(
                                length == 32 && k % 2 == 0 ? Ipv4.format(block) : new Cidr(block, length).toString());
                    }
                }
            }
            String name = base;
            for (int k = 2; !names.add(name); k++) {
                name = base + "-" + k;
            }
            ep.name = name;
            ep.id = "/asegraph/endpoints/" + name;
            endpoints.add(ep);
        }
    }

    /**
     * Public addresses of partners outside Azure that rules allow or deny: bare hosts, /32s and small blocks,
     * a fixed list that NSGs draw from (the same partner ranges recur across NSGs, as in real estates).
     */
    private void planPartnerAddresses(SplittableRandom random) {
        int count = 20 + spec.nsgs() / 20;
        for (int i = 0; i < count; i++) {
            int length = ServiceTagCatalog.weighted(new int[] {32, 29, 28, 24}, new int[] {4, 1, 2, 1}, random);
            long block = partnerPool.allocate(length, random.nextLong(1 << 12));
            if (length == 32) {
                block = AddressPool.isRoundHost(block) ? partnerPool.allocate(32) : block;
                partnerAddresses.add(i % 2 == 0 ? Ipv4.format(block) : new Cidr(block, 32).toString());
            } else {
                partnerAddresses.add(new Cidr(block, length).toString());
            }
        }
    }
}
