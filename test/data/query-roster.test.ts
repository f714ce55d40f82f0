import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { Roster } from "../../src/data/query-roster.js";

interface Member {
  name: string;
  slot: number;
}

const member = (name: string): Member => ({ name, slot: -1 });
const roster = (): Roster<"slot", Member> => new Roster<"slot", Member>("slot");
const names = (r: Roster<"slot", Member>): string[] => r.items.filter((m) => m !== null).map((m) => m!.name);

describe("Roster", () => {
  it("takes a first member again after emptying, in a fresh array of one, and keeps joining order", () => {
    const r = roster();
    const [a, b, c] = [member("a"), member("b"), member("c")];
    r.add(a);
    assert.equal(r.items.length, 1);
    r.delete(a);
    assert.deepEqual(names(r), []);
    assert.equal(r.add(b), true);
    assert.equal(b.slot, 0);
    assert.equal(r.add(c), true);
    assert.deepEqual(names(r), ["b", "c"]);
    assert.equal(r.add(a), true);
    assert.deepEqual(names(r), ["b", "c", "a"]);
    const walked: string[] = [];
    r.each((m) => walked.push(m.name));
    assert.deepEqual(walked, ["b", "c", "a"]);
  });

  it("keeps members in joining order, once each", () => {
    const r = roster();
    const [a, b, c] = [member("a"), member("b"), member("c")];
    assert.equal(r.add(a), true);
    assert.equal(r.add(b), true);
    assert.equal(r.add(a), false);
    assert.equal(r.add(c), true);
    assert.deepEqual(names(r), ["a", "b", "c"]);
    assert.equal(r.size, 3);
    assert.equal(r.has(b), true);
  });

  it("removes a member through its slot; a stranger or a second removal is refused", () => {
    const r = roster();
    const [a, b, c] = [member("a"), member("b"), member("c")];
    r.add(a);
    r.add(b);
    assert.equal(r.delete(c), false);
    assert.equal(r.delete(a), true);
    assert.equal(r.delete(a), false);
    assert.equal(a.slot, -1);
    assert.equal(r.has(a), false);
    assert.equal(r.size, 1);
    assert.deepEqual(names(r), ["b"]);
    // Re-joining appends, like a Set's delete and add.
    r.add(a);
    assert.deepEqual(names(r), ["b", "a"]);
  });

  it("a member of another roster (another slot) is not taken for one of this roster", () => {
    const first = roster();
    const second = roster();
    const [a, b] = [member("a"), member("b")];
    first.add(a);
    second.add(b);
    // `b` sits in slot 0 of `second`, where `first` keeps `a`.
    assert.equal(first.has(b), false);
    assert.equal(first.delete(b), false);
    assert.deepEqual(names(first), ["a"]);
  });

  it("squeezes the holes out once they outnumber the members, keeping order and slots right", () => {
    const r = roster();
    const all = Array.from({ length: 100 }, (_, i) => member(String(i)));
    for (const m of all) r.add(m);
    for (let i = 0; i < 90; i++) r.delete(all[i]!);
    assert.equal(r.size, 10);
    assert.ok(r.items.length < 100, "the holes were squeezed out");
    assert.deepEqual(names(r), all.slice(90).map((m) => m.name));
    for (const m of all.slice(90)) assert.equal(r.items[m.slot], m);
    // Removal still finds every member after the squeeze.
    for (const m of all.slice(90)) assert.equal(r.delete(m), true);
    assert.equal(r.size, 0);
    assert.equal(r.items.length, 0);
  });

  it("a walk sees the members present when it began, skips those that left, and is never squeezed under", () => {
    const r = roster();
    const all = Array.from({ length: 10 }, (_, i) => member(String(i)));
    for (const m of all) r.add(m);
    const seen: string[] = [];
    r.each((m) => {
      seen.push(m.name);
      if (m === all[0]) {
        // Leaving (enough to squeeze) and joining during the walk.
        for (let k = 1; k < 9; k++) r.delete(all[k]!);
        r.add(member("late"));
      }
    });
    assert.deepEqual(seen, ["0", "9"]);
    // Squeezed once the walk ended.
    assert.deepEqual(names(r), ["0", "9", "late"]);
    assert.equal(r.items.length, 3);
    for (const m of r.items) assert.equal(r.items[m!.slot], m);
  });
});
