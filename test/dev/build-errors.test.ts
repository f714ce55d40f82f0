// A failed build as the page shows it (src/dev/build-errors.ts).
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { buildErrors, failureScript } from "../../src/dev/build-errors.js";

describe("build errors (src/dev/build-errors.ts)", () => {
  const root = join("/", "project");

  it("makes esbuild's locations project-relative with a 1-based column", () => {
    const failure = Object.assign(new Error("Build failed with 2 errors"), {
      errors: [
        { text: "Expected \")\" but found \"{\"", location: { file: "src/Counter.ts", line: 4, column: 41, lineText: "export const Counter = pn.component(function Counter( {" } },
        { text: "Could not resolve \"nope\"", location: null },
      ],
    });
    assert.deepEqual(buildErrors(failure, root), [
      { text: "Expected \")\" but found \"{\"", file: "src/Counter.ts", line: 4, column: 42, lineText: "export const Counter = pn.component(function Counter( {" },
      { text: "Could not resolve \"nope\"", file: null, line: null, column: null, lineText: null },
    ]);
  });

  it("keeps the message of an error that lists no esbuild errors", () => {
    assert.deepEqual(buildErrors(new Error("context disposed"), root), [{ text: "context disposed", file: null, line: null, column: null, lineText: null }]);
    assert.deepEqual(buildErrors("plain", root), [{ text: "plain", file: null, line: null, column: null, lineText: null }]);
  });

  it("serves a page script that shows the errors as text and reloads on the next good build", () => {
    const script = failureScript([{ text: "<b>bad</b>", file: "src/a.ts", line: 2, column: 5, lineText: "let x = ;" }]);
    // The errors go in as a JSON string set as textContent: never parsed as markup.
    assert.ok(script.includes(`pre.textContent = ${JSON.stringify("src/a.ts:2:5: <b>bad</b>\n    let x = ;")};`), script);
    assert.doesNotMatch(script, /innerHTML/);
    assert.match(script, /message\.type === "update" \|\| message\.type === "reload" \|\| message\.type === "ok"\) location\.reload\(\)/);
  });
});
