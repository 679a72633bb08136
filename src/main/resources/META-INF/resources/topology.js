// The topology picture of /: one virtual network's neighbourhood (its subnets with their ASEs, apps, NICs, firewalls
// and private endpoints; its gateways and their connections; its peerings), drawn with cytoscape.js. The chosen VNet
// and the selected resource are in the URL (?vnet=…&select=…), so the view is a link that can be shared.
"use strict";

(() => {
  const { gql, errorText, el, fill, shortName, list, params, setParams, showError } = asegraph;
  const VNET_PAGE = 100;
  let cy = null;
  let vnetCursor = null;

  const VNETS = `query($first: Int, $after: String) {
    virtualNetworksConnection(first: $first, after: $after, sort: [{field: NAME}]) {
      totalCount edges { node { id name } } pageInfo { hasNextPage endCursor } } }`;

  const NEIGHBOURHOOD = `query($where: VirtualNetworkWhere) { virtualNetworks(where: $where, limit: 2) {
    id name addressPrefixes
    subnets { id name addressPrefix networkSecurityGroup { name } routeTable { name } natGateway { name }
      environments { id name kind publicVip internalAddress apps { id name defaultHostName } }
      networkInterfaces { id name privateIpAddress virtualMachine networkSecurityGroup { name } }
      azureFirewalls { id name privateIpAddress }
      privateEndpoints { id name privateIpAddresses } }
    gateways { id name gatewayType connections { id name connectionType peer } }
    peerings { id name state remoteVirtualNetwork } } }`;

  const STYLE = [
    { selector: "node", style: { label: "data(label)", "font-size": 11, "text-wrap": "wrap", "text-valign": "bottom",
      "text-margin-y": 3, width: 28, height: 28, "background-color": "#888", color: "#222" } },
    { selector: ":parent", style: { "text-valign": "top", "background-opacity": 0.08, "border-width": 1,
      "border-color": "#999", shape: "round-rectangle", padding: 14 } },
    { selector: "node[kind = 'vnet']", style: { "background-color": "#2b6cb0", "border-color": "#2b6cb0",
      "font-weight": "bold" } },
    { selector: "node[kind = 'subnet']", style: { "background-color": "#4a5568", "border-style": "dashed" } },
    { selector: "node[kind = 'ase']", style: { "background-color": "#805ad5", shape: "hexagon", width: 36, height: 36 } },
    { selector: "node[kind = 'app']", style: { "background-color": "#b794f4", width: 18, height: 18 } },
    { selector: "node[kind = 'nic']", style: { "background-color": "#38a169", shape: "round-rectangle" } },
    { selector: "node[kind = 'firewall']", style: { "background-color": "#e53e3e", shape: "octagon", width: 34,
      height: 34 } },
    { selector: "node[kind = 'endpoint']", style: { "background-color": "#d69e2e", shape: "diamond" } },
    { selector: "node[kind = 'gateway']", style: { "background-color": "#dd6b20", shape: "triangle", width: 34,
      height: 34 } },
    { selector: "node[kind = 'remote']", style: { "background-color": "#63b3ed", shape: "round-rectangle", width: 60,
      height: 30 } },
    { selector: "node[kind = 'peer']", style: { "background-color": "#f6ad55", shape: "round-rectangle" } },
    { selector: "edge", style: { width: 1.5, "line-color": "#a0aec0", "curve-style": "bezier", label: "data(label)",
      "font-size": 9, "text-rotation": "autorotate", color: "#4a5568" } },
    { selector: "edge[kind = 'peering']", style: { "line-color": "#3182ce", "line-style": "dashed", width: 2 } },
    { selector: "edge[kind = 'connection']", style: { "line-color": "#dd6b20", "line-style": "dotted", width: 2 } },
    { selector: ":selected", style: { "border-width": 4, "border-color": "#ecc94b", "line-color": "#ecc94b" } },
  ];

  function key(id) {
    return String(id).toLowerCase();
  }

  /** The cytoscape elements of one VNet's neighbourhood. */
  function elements(vnet) {
    const nodes = [];
    const edges = [];
    const node = (id, kind, label, parent, info) =>
      nodes.push({ data: { id: key(id), kind, label, parent: parent && key(parent), info } });
    node(vnet.id, "vnet", `${vnet.name} ${vnet.addressPrefixes.join(", ")}`, null,
      { kind: "Virtual network", name: vnet.name, id: vnet.id, "address space": list(vnet.addressPrefixes) });
    for (const s of vnet.subnets) {
      const extras = [s.networkSecurityGroup && `NSG ${s.networkSecurityGroup.name}`,
        s.routeTable && `routes ${s.routeTable.name}`, s.natGateway && `NAT ${s.natGateway.name}`].filter(Boolean);
      node(s.id, "subnet", `${s.name}\n${s.addressPrefix}` + (extras.length ? `\n${extras.join("\n")}` : ""), vnet.id,
        { kind: "Subnet", name: s.name, id: s.id, prefix: s.addressPrefix,
          NSG: s.networkSecurityGroup ? s.networkSecurityGroup.name : "none",
          "route table": s.routeTable ? s.routeTable.name : "none", "NAT gateway": s.natGateway ? s.natGateway.name : "none" });
      for (const a of s.environments) {
        node(a.id, "ase", `${a.name}\n${a.publicVip || a.internalAddress || ""}`, s.id,
          { kind: `App Service Environment (${a.kind})`, name: a.name, id: a.id, "public VIP": a.publicVip || "none",
            "internal address": a.internalAddress || "none", apps: list(a.apps.map((p) => p.name)) });
        for (const p of a.apps) {
          node(p.id, "app", p.name, s.id, { kind: "App", name: p.name, id: p.id, "host name": p.defaultHostName });
          edges.push({ data: { id: key(p.id) + "|ase", source: key(p.id), target: key(a.id), kind: "hosted" } });
        }
      }
      for (const n of s.networkInterfaces) {
        node(n.id, "nic", `${n.name}\n${n.privateIpAddress}`, s.id,
          { kind: "Network interface", name: n.name, id: n.id, address: n.privateIpAddress,
            "virtual machine": n.virtualMachine ? shortName(n.virtualMachine) : "none",
            NSG: n.networkSecurityGroup ? n.networkSecurityGroup.name : "none" });
      }
      for (const f of s.azureFirewalls) {
        node(f.id, "firewall", `${f.name}\n${f.privateIpAddress || ""}`, s.id,
          { kind: "Azure Firewall", name: f.name, id: f.id, address: f.privateIpAddress || "not exported" });
      }
      for (const p of s.privateEndpoints) {
        node(p.id, "endpoint", `${p.name}\n${p.privateIpAddresses.join(", ")}`, s.id,
          { kind: "Private endpoint", name: p.name, id: p.id, addresses: list(p.privateIpAddresses) });
      }
    }
    for (const g of vnet.gateways) {
      node(g.id, "gateway", `${g.name}\n${g.gatewayType}`, vnet.id,
        { kind: "Virtual network gateway", name: g.name, id: g.id, type: g.gatewayType });
      for (const c of g.connections) {
        if (!nodes.some((n) => n.data.id === key(c.peer))) {
          node(c.peer, "peer", shortName(c.peer), null, { kind: "Connected network", name: shortName(c.peer), id: c.peer });
        }
        edges.push({ data: { id: key(c.id), source: key(g.id), target: key(c.peer), kind: "connection",
          label: `${c.name} (${c.connectionType})` } });
      }
    }
    for (const p of vnet.peerings) {
      if (!nodes.some((n) => n.data.id === key(p.remoteVirtualNetwork))) {
        node(p.remoteVirtualNetwork, "remote", shortName(p.remoteVirtualNetwork), null,
          { kind: "Peered virtual network", name: shortName(p.remoteVirtualNetwork), id: p.remoteVirtualNetwork,
            open: "click again to open its neighbourhood" });
      }
      edges.push({ data: { id: key(p.id), source: key(vnet.id), target: key(p.remoteVirtualNetwork), kind: "peering",
        label: `${p.name} (${p.state})` } });
    }
    return nodes.concat(edges);
  }

  function draw(vnet) {
    if (cy) cy.destroy();
    cy = cytoscape({
      container: document.getElementById("cy"),
      elements: elements(vnet),
      style: STYLE,
      minZoom: 0.1, maxZoom: 4, wheelSensitivity: 0.3,
    });
    layout();
    window.asegraphTopology = cy;
    cy.on("tap", "node", (e) => {
      const n = e.target;
      if (n.data("kind") === "remote" && n.selected()) {
        open(n.data("info").name, null);
        return;
      }
      select(n.id());
    });
    const wanted = params().select;
    if (wanted && cy.getElementById(key(wanted)).nonempty()) select(key(wanted));
  }

  /** Laid out by cose; then what lies outside the VNet (peered VNets, connected networks) in a column beside it,
   * on the side of what it is linked to. */
  function layout() {
    const outside = cy.nodes().filter((n) => n.data("kind") === "remote" || n.data("kind") === "peer");
    cy.layout({ name: "cose", animate: false, nodeDimensionsIncludeLabels: true, padding: 20 }).run();
    const box = cy.nodes("[kind = 'vnet']").boundingBox();
    const centre = (box.x1 + box.x2) / 2;
    const left = outside.filter((n) => n.neighborhood("node").not(outside).some((m) => m.position("x") < centre));
    column(left, box, box.x1 - 160);
    column(outside.not(left), box, box.x2 + 160);
    cy.fit(undefined, 30);
  }

  /** Places the nodes one under another at x, spread over the height of the box. */
  function column(nodes, box, x) {
    const step = nodes.length > 1 ? Math.max(70, box.h / (nodes.length - 1)) : 0;
    nodes.forEach((n, i) => n.position({ x, y: nodes.length > 1 ? box.y1 + i * step : (box.y1 + box.y2) / 2 }));
  }

  function select(id) {
    const n = cy.getElementById(id);
    if (n.empty()) return false;
    cy.elements().unselect();
    n.select();
    cy.animate({ center: { eles: n }, zoom: Math.max(cy.zoom(), 1.2) }, { duration: 200 });
    const info = n.data("info") || {};
    fill("details", el("h3", {}, info.name || id), el("dl", {}, Object.entries(info).filter(([k]) => k !== "name")
      .map(([k, v]) => [el("dt", {}, k), el("dd", {}, v)])));
    setParams({ select: info.id || id });
    return true;
  }

  /** Opens a VNet's neighbourhood by name or id (and selects a resource in it). */
  async function open(vnet, selectId) {
    setParams({ vnet, select: selectId });
    document.getElementById("search-results").replaceChildren();
    try {
      const where = vnet.startsWith("/") ? { id: { eq: vnet } } : { name: { eq: vnet } };
      const { data, errors } = await gql(NEIGHBOURHOOD, { where });
      if (errors.length) throw new Error(errorText(errors));
      const found = data.virtualNetworks;
      if (found.length !== 1) {
        throw new Error(found.length ? `several virtual networks are named ${vnet}: choose one by its id`
          : `no virtual network ${vnet}`);
      }
      fill("vnet-title", `${found[0].name}: ${found[0].subnets.length} subnets`);
      const select = document.getElementById("vnet-select");
      if (![...select.options].some((o) => o.value === found[0].id)) {
        select.appendChild(el("option", { value: found[0].id }, found[0].name));
      }
      select.value = found[0].id;
      draw(found[0]);
    } catch (e) {
      showError("details", e);
    }
  }

  async function moreVnets() {
    const { data, errors } = await gql(VNETS, { first: VNET_PAGE, after: vnetCursor });
    if (errors.length) throw new Error(errorText(errors));
    const page = data.virtualNetworksConnection;
    const select = document.getElementById("vnet-select");
    for (const e of page.edges) {
      if (![...select.options].some((o) => o.value === e.node.id)) {
        select.appendChild(el("option", { value: e.node.id }, e.node.name));
      }
    }
    vnetCursor = page.pageInfo.endCursor;
    document.getElementById("vnet-more").hidden = !page.pageInfo.hasNextPage;
    return page.edges.map((e) => e.node);
  }

  const SEARCH = `query($where: StringFilter) {
    environments(where: {name: $where}, limit: 10) { id name subnet { virtualNetwork { id name } } }
    apps(where: {name: $where}, limit: 10) { id name environment { subnet { virtualNetwork { id name } } } }
    networkInterfaces(where: {name: $where}, limit: 10) { id name subnet { virtualNetwork { id name } } }
    subnets(where: {name: $where}, limit: 10) { id name virtualNetwork { id name } }
    virtualNetworks(where: {name: $where}, limit: 10) { id name } }`;

  /** Selects a resource of the picture by name; otherwise asks the API which VNet holds resources of that name. */
  async function search(text) {
    const q = text.trim().toLowerCase();
    if (!q) return;
    if (cy) {
      const hit = cy.nodes().filter((n) => (n.data("info").name || "").toLowerCase() === q);
      if (hit.nonempty() && select(hit[0].id())) return;
    }
    try {
      const { data, errors } = await gql(SEARCH, { where: { contains: q } });
      if (errors.length) throw new Error(errorText(errors));
      const vnetOf = {
        environments: (r) => r.subnet && r.subnet.virtualNetwork,
        apps: (r) => r.environment && r.environment.subnet && r.environment.subnet.virtualNetwork,
        networkInterfaces: (r) => r.subnet && r.subnet.virtualNetwork,
        subnets: (r) => r.virtualNetwork,
        virtualNetworks: (r) => r,
      };
      const hits = Object.entries(vnetOf).flatMap(([kind, of]) =>
        data[kind].map((r) => ({ kind, name: r.name, id: r.id, vnet: of(r) })).filter((h) => h.vnet));
      fill("search-results", hits.length
        ? el("ul", { class: "hits" }, hits.map((h) => el("li", {}, el("button", { type: "button",
          onclick: () => open(h.vnet.id, h.id) }, `${h.name}`), ` ${h.kind} in ${h.vnet.name}`)))
        : el("p", { class: "muted" }, `nothing named like “${text}”`));
    } catch (e) {
      showError("search-results", e);
    }
  }

  async function start() {
    document.getElementById("topology-form").addEventListener("submit", (e) => {
      e.preventDefault();
      search(document.getElementById("search").value);
    });
    document.getElementById("vnet-select").addEventListener("change", (e) => open(e.target.value, null));
    document.getElementById("vnet-more").addEventListener("click", () => moreVnets().catch((e) => showError("details", e)));
    document.getElementById("fit").addEventListener("click", () => cy && cy.fit(undefined, 20));
    try {
      const first = await moreVnets();
      const wanted = params().vnet || (first.length ? first[0].id : null);
      if (wanted) await open(wanted, params().select);
      else fill("details", el("p", {}, "No virtual network has been imported."));
    } catch (e) {
      showError("details", e);
    }
  }

  start();
})();
