// The host side of the bridge: handshake, commits through the applier,
// acknowledgements, events with sequence numbers, and service calls that the
// runtime can cancel. Plain JavaScript shared by every host (Node's
// reference host, the GTK host under GJS). docs/bridge.md is normative.
import { PROTOCOL_VERSION, SERVICES, VIEW_TYPES, isCount, propValueProblem, protocolError } from "./protocol.js";
import { createApplier } from "./applier.js";

function errorOf(error) {
  if (typeof error === "object" && error !== null) {
    const code = typeof error.code === "string" ? error.code : "failed";
    return { code, message: String(error.message === undefined ? error : error.message) };
  }
  return { code: "failed", message: String(error) };
}

/**
 * Creates a host endpoint.
 *
 * - `send(message)`: delivers a message to the runtime (the transport).
 * - `backend`: the applier's toolkit backend (see applier.js).
 * - `services`: `{ [service]: { [method](args, call) } }`; a method returns a
 *   value or a promise; `call.onCancel(fn)` registers what to do when the
 *   runtime cancels (close the dialog, ...), `call.cancelled` tells whether it has.
 * - `name`: the host's name for the handshake.
 * - `onError(error)`: protocol problems worth logging (optional).
 *
 * Feed every incoming message to `receive(message)`. The toolkit reports user
 * input with `raise(tag, name, payload)` and `userEdited(tag, text)`.
 */
export function createHostEndpoint(options) {
  const send = options.send;
  const services = options.services || {};
  const applier = createApplier(options.backend || {});
  const onError = options.onError || (() => {});
  /** The app instance the tree belongs to, from the last accepted hello; null before it. */
  let instance = null;
  let sequence = 0;
  /** Calls in flight: id → { cancelled, cancels: [fn] }. */
  const calls = new Map();

  function welcome(message) {
    if (message.protocol !== PROTOCOL_VERSION) {
      const error = protocolError(
        "protocol-mismatch",
        `protocol mismatch: the runtime speaks version ${JSON.stringify(message.protocol)}, this host (${options.name || "host"}) speaks ${PROTOCOL_VERSION}`,
      );
      send({ type: "fatal", error });
      onError(error);
      return;
    }
    if (typeof message.instance !== "string" || message.instance === "") {
      send({ type: "fatal", error: protocolError("malformed", "hello needs an instance id") });
      return;
    }
    if (instance !== null) {
      // A new app instance replaces the old one: its tree and its calls go.
      for (const id of Array.from(calls.keys())) cancelCall(id);
      applier.reset();
    }
    instance = message.instance;
    const available = {};
    for (const service of Object.keys(SERVICES)) {
      if (services[service]) available[service] = SERVICES[service].filter((method) => typeof services[service][method] === "function");
    }
    send({ type: "welcome", protocol: PROTOCOL_VERSION, instance, host: options.name || "host", viewTypes: VIEW_TYPES.slice(), services: available });
  }

  function commit(message) {
    if (instance === null) {
      send({ type: "reject", revision: message.revision, error: protocolError("no-session", "commit before hello") });
      return;
    }
    const error = applier.apply(message);
    if (error === null) send({ type: "ack", revision: message.revision });
    else {
      send({ type: "reject", revision: message.revision, error });
      onError(error);
    }
  }

  function cancelCall(id) {
    const call = calls.get(id);
    if (call === undefined) return;
    calls.delete(id);
    call.cancelled = true;
    for (const cancel of call.cancels) {
      try {
        cancel();
      } catch (error) {
        onError(errorOf(error));
      }
    }
  }

  function startCall(message) {
    const { id } = message;
    if (!isCount(id)) return;
    if (instance === null) return send({ type: "reply", id, error: protocolError("no-session", "call before hello") });
    if (calls.has(id)) return send({ type: "reply", id, error: protocolError("duplicate-id", `call ${id} is already in flight`) });
    const service = services[message.service];
    const method = service === undefined || service === null ? undefined : service[message.method];
    if (typeof method !== "function") {
      return send({ type: "reply", id, error: protocolError("unsupported", `this host has no ${message.service}.${message.method}`) });
    }
    const args = Array.isArray(message.args) ? message.args : [];
    const call = {
      id,
      cancelled: false,
      cancels: [],
      onCancel(fn) {
        if (call.cancelled) fn();
        else call.cancels.push(fn);
      },
    };
    calls.set(id, call);
    const finish = (reply) => {
      // A cancelled call already settled on the runtime side: it gets no reply.
      if (call.cancelled || calls.get(id) !== call) return;
      calls.delete(id);
      send(reply);
    };
    let result;
    try {
      result = method.call(service, args, call);
    } catch (error) {
      return finish({ type: "reply", id, error: errorOf(error) });
    }
    Promise.resolve(result).then(
      (value) => {
        const clean = value === undefined ? null : value;
        const problem = propValueProblem(clean);
        finish(problem === null ? { type: "reply", id, result: clean } : { type: "reply", id, error: protocolError("bad-result", problem) });
      },
      (error) => finish({ type: "reply", id, error: errorOf(error) }),
    );
  }

  const endpoint = {
    applier,

    /** The current app instance id, or null before the handshake. */
    get instance() {
      return instance;
    },

    /** Calls in flight (tests check that a cancel reached the host). */
    get pendingCalls() {
      return calls.size;
    },

    /** Handles one message from the runtime. */
    receive(message) {
      if (typeof message !== "object" || message === null) return onError(protocolError("malformed", "a message must be an object"));
      switch (message.type) {
        case "hello":
          return welcome(message);
        case "commit":
          return commit(message);
        case "call":
          return startCall(message);
        case "cancel":
          return cancelCall(message.id);
        case "bye":
          for (const id of Array.from(calls.keys())) cancelCall(id);
          applier.reset();
          instance = null;
          return;
        default:
          onError(protocolError("unknown-message", `unknown message type ${JSON.stringify(message.type)}`));
      }
    },

    /**
     * Sends event `name` of view `tag` to the runtime, if the view is alive
     * and listens (its `name` prop is true). Returns whether it was sent.
     */
    raise(tag, name, payload) {
      if (instance === null) return false;
      const node = applier.get(tag);
      if (node === undefined || node.props[name] !== true) return false;
      sequence += 1;
      const event = { type: "event", instance, tag, name, revision: applier.revision, sequence };
      if (payload !== undefined) event.payload = payload;
      send(event);
      return true;
    },

    /**
     * The user changed TextInput `tag` to `text`: counts the edit and raises
     * `onChange` with `{ text, edit }`. Returns the edit number (-1 for an unknown view).
     */
    userEdited(tag, text) {
      const edit = applier.userEdited(tag, text);
      if (edit >= 0) endpoint.raise(tag, "onChange", { text, edit });
      return edit;
    },

    /** Tells the runtime that `revision` reached the screen (optional; for latency measurements). */
    presented(revision, extra) {
      const message = { type: "presented", revision };
      if (extra !== undefined) Object.assign(message, extra);
      send(message);
    },
  };
  return endpoint;
}
