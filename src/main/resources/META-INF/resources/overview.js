// The estate overview of /: counts, every ASE with its health (a page at a time), exposures, shadowed rules per NSG,
// and what changed: the latest versions and, for the one selected, its diff.
"use strict";

(() => {
  const { gql, errorText, el, fill, shortName, badge, table, list, params, setParams, showError, live } = asegraph;
  const PAGE = 25;
  const SHOWN = 50;

  const COUNTS = `{
    environments: environmentsConnection(first: 0) { totalCount }
    apps: appsConnection(first: 0) { totalCount }
    virtualNetworks: virtualNetworksConnection(first: 0) { totalCount }
    subnets: subnetsConnection(first: 0) { totalCount }
    networkInterfaces: networkInterfacesConnection(first: 0) { totalCount }
    networkSecurityGroups: networkSecurityGroupsConnection(first: 0) { totalCount }
    gateways: virtualNetworkGatewaysConnection(first: 0) { totalCount }
    peerings: peeringsConnection(first: 0) { totalCount }
  }`;
  /** Apart from the counts: the first health audit after a write takes its time on a large estate (see README). */
  const UNHEALTHY = `{ environmentsHealth(healthy: false) { name } }`;
  const LABELS = {
    environments: "ASEs", apps: "apps", virtualNetworks: "virtual networks", subnets: "subnets",
    networkInterfaces: "network interfaces", networkSecurityGroups: "NSGs", gateways: "gateways", peerings: "peerings",
  };

  async function counts() {
    try {
      const { data, errors } = await gql(COUNTS);
      if (errors.length) throw new Error(errorText(errors));
      fill("counts", Object.keys(LABELS).map((k) =>
        el("div", { class: "count" }, el("strong", {}, data[k].totalCount), " ", LABELS[k])),
      el("div", { class: "count", id: "unhealthy" }, "… unhealthy ASEs"));
      const health = await gql(UNHEALTHY);
      if (health.errors.length) throw new Error(errorText(health.errors));
      const unhealthy = health.data.environmentsHealth.length;
      fill("unhealthy", el("strong", {}, unhealthy), " unhealthy ASEs").classList.toggle("bad", unhealthy > 0);
    } catch (e) {
      showError("counts", e);
    }
  }

  const ENVIRONMENTS = `query($first: Int, $after: String) {
    environmentsConnection(first: $first, after: $after, sort: [{field: NAME}]) {
      totalCount
      edges { node { id name kind publicVip internalAddress subnet { name addressPrefix virtualNetwork { name } } } }
      pageInfo { hasNextPage endCursor } } }`;

  /** One page of ASEs, then the health of just those (one request, an alias per ASE). */
  async function environments(after) {
    try {
      const { data, errors } = await gql(ENVIRONMENTS, { first: PAGE, after: after || null });
      if (errors.length) throw new Error(errorText(errors));
      const page = data.environmentsConnection;
      const nodes = page.edges.map((e) => e.node);
      const health = await healthOf(nodes);
      fill("ase-total", `(${page.totalCount})`);
      fill("environments", table(["ASE", "Kind", "Public VIP", "Subnet", "Virtual network", "Health", "Failing checks"],
        nodes.map((n, i) => [
          el("a", { href: `/?vnet=${encodeURIComponent(n.subnet ? n.subnet.virtualNetwork.name : "")}` +
            `&select=${encodeURIComponent(n.id)}#topology`, class: "ase-name" }, n.name),
          n.kind,
          n.publicVip || n.internalAddress || "—",
          n.subnet ? `${n.subnet.name} (${n.subnet.addressPrefix})` : "—",
          n.subnet && n.subnet.virtualNetwork ? n.subnet.virtualNetwork.name : "—",
          health[i].status ? badge(health[i].status) : el("span", { class: "error" }, health[i].error),
          failing(health[i].checks),
        ])));
      fill("environments-pager",
        after ? el("button", { type: "button", onclick: () => turn(null) }, "« first page") : null,
        page.pageInfo.hasNextPage
          ? el("button", { type: "button", onclick: () => turn(page.pageInfo.endCursor) }, "next page »") : null);
    } catch (e) {
      showError("environments", e);
    }
  }

  function turn(cursor) {
    setParams({ ases: cursor });
    environments(cursor);
  }

  async function healthOf(nodes) {
    if (!nodes.length) return [];
    const fields = nodes.map((n, i) =>
      `h${i}: environmentHealth(environment: ${JSON.stringify(n.id)}) { status checks { name status detail } }`);
    const { data, errors } = await gql(`{ ${fields.join("\n")} }`);
    return nodes.map((n, i) => {
      const h = data && data[`h${i}`];
      if (h) return h;
      const error = errors.find((e) => e.path && e.path[0] === `h${i}`);
      return { error: error ? errorText([error]) : "no answer", checks: [] };
    });
  }

  function failing(checks) {
    const bad = (checks || []).filter((c) => c.status !== "PASS");
    if (!bad.length) return "—";
    return el("ul", { class: "checks" }, bad.map((c) =>
      el("li", {}, el("details", {}, el("summary", {}, badge(c.status), " ", el("strong", {}, c.name)), c.detail))));
  }

  const EXPOSURES = `{ exposures { targetName targetKind publicAddress port protocol verdict exposedSummary admittedBy } }`;

  async function exposures() {
    try {
      const { data, errors } = await gql(EXPOSURES);
      if (errors.length) throw new Error(errorText(errors));
      const rows = data.exposures;
      const render = (all) => fill("exposures",
        rows.length ? el("p", {}, `${rows.length} exposures`) : el("p", {}, "Nothing exposed on the default ports."),
        rows.length ? table(["Target", "Kind", "Public address", "Port", "Verdict", "Exposed to", "Admitted by"],
          (all ? rows : rows.slice(0, SHOWN)).map((r) => [r.targetName, r.targetKind, r.publicAddress || "—",
            `${r.protocol} ${r.port}`, badge(r.verdict), r.exposedSummary, list(r.admittedBy.map(shortName))]))
          : null,
        !all && rows.length > SHOWN
          ? el("button", { type: "button", onclick: () => render(true) }, `show all ${rows.length}`) : null);
      render(false);
    } catch (e) {
      showError("exposures", e);
    }
  }

  const SHADOWED = `{ shadowedRules { nsg nsgName rule priority } }`;

  async function shadowed() {
    try {
      const { data, errors } = await gql(SHADOWED);
      if (errors.length) throw new Error(errorText(errors));
      const byNsg = new Map();
      for (const r of data.shadowedRules) {
        if (!byNsg.has(r.nsg)) byNsg.set(r.nsg, { name: r.nsgName, rules: [] });
        byNsg.get(r.nsg).rules.push(r);
      }
      const groups = [...byNsg.values()].sort((a, b) => b.rules.length - a.rules.length);
      fill("shadowed", groups.length
        ? table(["NSG", "Shadowed rules", "Rules (priority)"], groups.slice(0, SHOWN).map((g) => [
          g.name, g.rules.length, g.rules.map((r) => `${shortName(r.rule)} (${r.priority})`).join(", ")]))
        : el("p", {}, "No NSG has a shadowed rule."),
        groups.length > SHOWN ? el("p", { class: "muted" }, `the ${SHOWN} NSGs with most of ${groups.length}`) : null);
    } catch (e) {
      showError("shadowed", e);
    }
  }

  const VERSIONS = `query($limit: Int) { estateVersions(limit: $limit) {
    version at principal operation created updated unchanged removed diffable } }`;
  const DIFF = `query($from: Int!, $to: Int) { estateDiff(from: $from, to: $to) {
    resources { id name type change details } } }`;
  const VERSIONS_SHOWN = 15;

  /** The latest versions: when, who, what and its counts; each a button that shows its diff with the one before. */
  async function versions() {
    try {
      const { data, errors } = await gql(VERSIONS, { limit: VERSIONS_SHOWN });
      if (errors.length) throw new Error(errorText(errors));
      const rows = data.estateVersions;
      fill("versions", rows.length
        ? table(["Version", "When", "Who", "What", "Created", "Updated", "Unchanged", "Removed"], rows.map((v) => [
          el("button", { type: "button", class: "version-link", "data-version": v.version,
            onclick: () => diff(v) }, `v${v.version}`),
          v.at.replace("T", " ").replace(/\.\d+/, ""), v.principal, v.operation,
          v.created, v.updated, v.unchanged, v.removed]))
        : el("p", {}, "No write has been committed yet."));
      const shown = document.getElementById("version-diff").getAttribute("data-version");
      const again = shown && rows.find((v) => String(v.version) === shown);
      if (again) diff(again);
    } catch (e) {
      showError("versions", e);
    }
  }

  /** What version v changed: estateDiff(v - 1, v), one row per resource, its detail lines under it. */
  async function diff(v) {
    const node = fill("version-diff", el("p", { class: "muted" }, `Loading version ${v.version}…`));
    node.setAttribute("data-version", v.version);
    try {
      const { data, errors } = await gql(DIFF, { from: v.version - 1, to: v.version });
      if (errors.length) throw new Error(errorText(errors));
      const changed = data.estateDiff.resources;
      fill("version-diff",
        el("h3", {}, `Version ${v.version}: ${v.operation} by ${v.principal}`),
        changed.length
          ? table(["Resource", "Type", "Change", "Details"], changed.map((r) => [
            el("span", { title: r.id }, r.name), r.type || "—", badge(r.change),
            r.details.length ? el("ul", { class: "checks" }, r.details.map((d) => el("li", {}, d))) : "—"]))
          : el("p", {}, "It changed no resource (every resource it stated was already as stated)."));
    } catch (e) {
      showError("version-diff", e);
    }
  }

  function all() {
    counts();
    environments(params().ases);
    exposures();
    shadowed();
    versions();
  }

  all();
  live(all, "live");
})();
