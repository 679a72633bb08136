// Shared by the pages: the GraphQL call (same origin, the browser's own credentials), a DOM builder that never parses
// data as HTML, and the small formatting helpers.
"use strict";

const asegraph = (() => {
  /** POST /graphql; resolves to {data, errors} (errors: [] when none); rejects on an HTTP failure. */
  async function gql(query, variables) {
    const response = await fetch("/graphql", {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify({ query, variables: variables || {} }),
    });
    if (!response.ok) {
      throw new Error(`POST /graphql answered HTTP ${response.status}` +
        (response.status === 401 ? " (not signed in)" : response.status === 403 ? " (no role reader)" : ""));
    }
    const body = await response.json();
    return { data: body.data || {}, errors: body.errors || [] };
  }

  /**
   * Calls onChange(change) after each write committed to the estate: the subscription estateChanged over WebSocket
   * (protocol graphql-transport-ws; the browser attaches its own credentials to the upgrade request). Shows its state
   * in the element statusId; sets body[data-live] to "true" once the server has answered a ping sent after the
   * subscribe message (it handles a connection's messages in order); reconnects 5 s after a close.
   */
  function live(onChange, statusId) {
    const url = `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/graphql`;
    const status = (text) => {
      const node = document.getElementById(statusId);
      if (node) node.textContent = text;
    };
    const send = (socket, message) => socket.send(JSON.stringify(message));
    function connect() {
      const socket = new WebSocket(url, "graphql-transport-ws");
      socket.onopen = () => send(socket, { type: "connection_init", payload: {} });
      socket.onmessage = (event) => {
        const message = JSON.parse(event.data);
        if (message.type === "connection_ack") {
          send(socket, { id: "changes", type: "subscribe",
            payload: { query: "subscription { estateChanged { version operation principal } }" } });
          send(socket, { type: "ping" });
        } else if (message.type === "pong") {
          status("Live: refreshed after every change to the estate.");
          document.body.setAttribute("data-live", "true");
        } else if (message.type === "ping") {
          send(socket, { type: "pong" });
        } else if (message.type === "next" && message.payload && message.payload.data) {
          const c = message.payload.data.estateChanged;
          status(`Live: refreshed after version ${c.version} (${c.operation}, by ${c.principal}).`);
          onChange(c);
        } else if (message.type === "error") {
          status(`Live updates refused: ${errorText(message.payload || [])}`);
        }
      };
      socket.onclose = () => {
        document.body.setAttribute("data-live", "false");
        status("Live updates off (reconnecting in 5 s).");
        setTimeout(connect, 5000);
      };
    }
    connect();
  }

  /** One line per GraphQL error: its code and message. */
  function errorText(errors) {
    return errors.map((e) => `${(e.extensions && e.extensions.code) || "ERROR"}: ${e.message}`).join("\n");
  }

  /** el("td", {class: "x"}, "text", otherNode, [more]): text is always a text node. */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k.startsWith("on")) node.addEventListener(k.substring(2), v);
      else node.setAttribute(k, v === true ? "" : v);
    }
    append(node, children);
    return node;
  }

  function append(node, children) {
    for (const c of children) {
      if (c === null || c === undefined || c === false) continue;
      if (Array.isArray(c)) append(node, c);
      else node.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
    }
  }

  /** Replaces the children of the element with this id. */
  function fill(id, ...children) {
    const node = document.getElementById(id);
    node.replaceChildren();
    append(node, children);
    return node;
  }

  /** The last segment of an Azure id (the resource's name), or the value itself. */
  function shortName(id) {
    if (!id) return "";
    const parts = String(id).split("/");
    return parts[parts.length - 1];
  }

  function badge(value) {
    return el("span", { class: `badge ${String(value).toLowerCase()}` }, value);
  }

  function table(headers, rows) {
    return el("table", {},
      el("thead", {}, el("tr", {}, headers.map((h) => el("th", {}, h)))),
      el("tbody", {}, rows.map((r) => el("tr", {}, r.map((c) => el("td", {}, c))))));
  }

  function list(values) {
    return values && values.length ? values.join(", ") : "—";
  }

  /** The page's query parameters as an object, and a way to change them without reloading (for shared links). */
  function params() {
    return Object.fromEntries(new URLSearchParams(location.search));
  }

  function setParams(changes) {
    const p = new URLSearchParams(location.search);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === undefined || v === "") p.delete(k);
      else p.set(k, v);
    }
    const query = p.toString();
    history.replaceState(null, "", location.pathname + (query ? "?" + query : ""));
  }

  function showError(id, error) {
    fill(id, el("pre", { class: "error" }, error instanceof Error ? error.message : String(error)));
  }

  /** The header every page shares: the name and the links to the views. */
  document.addEventListener("DOMContentLoaded", () => {
    const header = document.querySelector("header");
    if (header) {
      header.replaceChildren(el("h1", {}, el("a", { href: "/" }, "asegraph")), el("nav", {},
        el("a", { href: "/" }, "Overview"), el("a", { href: "/#topology" }, "Topology"), el("a", { href: "/path" }, "Path"),
        el("a", { href: "/q/graphql-ui" }, "GraphQL UI")));
    }
  });

  return { gql, errorText, el, fill, shortName, badge, table, list, params, setParams, showError, live };
})();
