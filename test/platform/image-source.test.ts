// The shared Image source decision, as a host without a document uses it.
// (The web host's use of it is tested in Chromium: test/hosts/web/hardening.test.ts.)
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { IMAGE_PROTOCOLS, resolveImageSource } from "../../src/platform/image-source.js";

describe("resolveImageSource", () => {
  it("decides on the parsed scheme, whatever spaces, controls, tabs or newlines the text holds", () => {
    for (const uri of [" javascript:alert(1)", "java\tscript:alert(1)", "\u0001JAVASCRIPT:x", "j\na\rv\tascript:x", " data:text/html,<b>", "file:///etc/passwd"]) {
      const decision = resolveImageSource({ uri });
      assert.equal(decision.action, "refuse", JSON.stringify(uri));
      assert.ok(decision.action === "refuse" && decision.error instanceof TypeError);
    }
  });

  it("loads allowed absolute URLs as their parsed href", () => {
    assert.deepEqual(resolveImageSource(" HTTPS://Example.com/a b.png "), { action: "load", uri: "https://example.com/a%20b.png" });
    assert.deepEqual(resolveImageSource("data:\timage/png;base64,AAAA"), { action: "load", uri: "data:image/png;base64,AAAA" });
  });

  it("without a base, passes a relative reference through as the parser reads it", () => {
    assert.deepEqual(resolveImageSource("  assets/ph\noto.jpg"), { action: "load", uri: "assets/photo.jpg" });
    assert.deepEqual(resolveImageSource("/home/me/photo.jpg"), { action: "load", uri: "/home/me/photo.jpg" });
  });

  it("with a base, resolves relative references and checks the result", () => {
    assert.deepEqual(resolveImageSource("a.png", { base: "https://app.example/x/" }), { action: "load", uri: "https://app.example/x/a.png" });
    assert.equal(resolveImageSource("a.png", { base: "file:///app/" }).action, "refuse");
    assert.deepEqual(resolveImageSource("a.png", { base: "file:///app/", protocols: [...IMAGE_PROTOCOLS, "file:"] }), { action: "load", uri: "file:///app/a.png" });
  });

  it("clears for an empty source and refuses a non-string uri", () => {
    for (const source of [undefined, null, "", { uri: "" }, { uri: null }]) assert.deepEqual(resolveImageSource(source), { action: "clear" });
    const decision = resolveImageSource({ uri: 42 });
    assert.equal(decision.action, "refuse");
  });
});
