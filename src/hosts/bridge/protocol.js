// The bridge protocol's constants and message checks, shared verbatim by
// every host: Node (the reference applier, tests) and GJS (the GTK host)
// import this same file. Plain JavaScript with no platform API, so any
// JavaScript engine can load it; `protocol.d.ts` types it for TypeScript.
// docs/bridge.md is the normative description.

/** Bumped on any incompatible change; both sides compare it in the handshake. */
export const PROTOCOL_VERSION = 1;

/** The tag of the container every app renders into. It always exists and is never removed. */
export const ROOT_TAG = 0;

/** The type of a text node. */
export const TEXT_TYPE = "#text";

/** The built-in view types a host must know. */
export const VIEW_TYPES = Object.freeze([
  "Text",
  "Button",
  "TextInput",
  "View",
  "Column",
  "Row",
  "ScrollView",
  "Image",
  "Spacer",
  "FlatList",
]);

/** Services a runtime may call; a host answers the ones it has, and fails the others with `unsupported`. */
export const SERVICES = Object.freeze({
  alert: ["present"],
  camera: ["takePhoto", "pickFromGallery"],
  storage: ["get", "set", "remove", "keys", "clear", "flush"],
  frames: ["next"],
  clipboard: ["getText", "setText"],
  focus: ["get", "changed"],
  appearance: ["get", "changed"],
});

/** Deepest nesting a prop value may have (style objects, accessibility state, lists). */
export const MAX_PROP_DEPTH = 16;

/** A handler prop: `onClick`, `onChange`, ... Crosses the bridge as `true` (listening) or not at all. */
export function isHandlerName(name) {
  return name.length > 2 && name.charCodeAt(0) === 111 /* o */ && name.charCodeAt(1) === 110 /* n */ && name.charCodeAt(2) >= 65 && name.charCodeAt(2) <= 90;
}

/** A non-negative safe integer (tags, indices, revisions, sequences, ids). */
export function isCount(value) {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
}

/**
 * Why `value` is not a well-formed prop value, or null when it is: JSON data
 * (null, booleans, finite numbers, strings, arrays, plain objects) at most
 * {@link MAX_PROP_DEPTH} deep.
 */
export function propValueProblem(value, depth = 0) {
  if (value === null) return null;
  switch (typeof value) {
    case "string":
    case "boolean":
      return null;
    case "number":
      return Number.isFinite(value) ? null : "a number must be finite";
    case "object": {
      if (depth >= MAX_PROP_DEPTH) return "nested too deeply";
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          const problem = propValueProblem(value[i], depth + 1);
          if (problem !== null) return problem;
        }
        return null;
      }
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) return "an object must be plain data";
      for (const key of Object.keys(value)) {
        const problem = propValueProblem(value[key], depth + 1);
        if (problem !== null) return problem;
      }
      return null;
    }
    default:
      return `a ${typeof value} cannot cross the bridge`;
  }
}

/** Why `props` is not a well-formed props object, or null. */
export function propsProblem(props) {
  if (typeof props !== "object" || props === null || Array.isArray(props)) return "props must be an object";
  for (const name of Object.keys(props)) {
    const value = props[name];
    if (name === "children" || name === "key") return `"${name}" is not a prop`;
    if (isHandlerName(name)) {
      if (value !== true) return `handler "${name}" must be true (functions never cross the bridge)`;
      continue;
    }
    if (name === "style" && (typeof value !== "object" || value === null || Array.isArray(value))) return "style must be an object";
    const problem = propValueProblem(value);
    if (problem !== null) return `prop "${name}": ${problem}`;
  }
  return null;
}

/** An error a host reports for a commit or a call: `{ code, message }` plus, for commits, the failing op's index. */
export function protocolError(code, message, extra) {
  const error = { code, message };
  if (extra !== undefined) Object.assign(error, extra);
  return error;
}
