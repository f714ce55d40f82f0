import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { Animated, AnimatedValue } from "../../src/animated/index.js";
import { runtime } from "../../src/runtime/runtime.js";
import { useHarness } from "./harness.js";

const now = (): number => runtime.getLoop().time();

/** Records "<label> <event> @<time>" lines as values move. */
function timeline(): { log: string[]; watch(label: string, v: AnimatedValue): void } {
  const log: string[] = [];
  return {
    log,
    watch(label, v) {
      let started = false;
      v.addListener((x) => {
        if (!started) {
          started = true;
          log.push(`${label} moves @${Math.round(now())}`);
        }
        if (x === 1) log.push(`${label} ends @${Math.round(now())}`);
      });
    },
  };
}

describe("Animated.delay", () => {
  const h = useHarness();

  it("finishes after ms, and at once for 0", async () => {
    const d = Animated.delay(200).start();
    await h.clock.advance(199);
    assert.equal(d.running, true);
    await h.clock.advance(1);
    assert.deepEqual(await d, { finished: true });
    const zero = Animated.delay(0).start();
    assert.equal(zero.running, false);
    assert.deepEqual(await zero, { finished: true });
    assert.throws(() => Animated.delay(-1), /ms must be a finite number ≥ 0/);
  });
});

describe("Animated.sequence", () => {
  const h = useHarness();

  it("runs in order; the second starts in the instant the first ends", async () => {
    const a = new AnimatedValue(0);
    const b = new AnimatedValue(0);
    const t = timeline();
    t.watch("a", a);
    t.watch("b", b);
    const second = Animated.timing(b, { to: 1, duration: 300 });
    const seq = Animated.sequence([Animated.timing(a, { to: 1, duration: 300 }), second]).start();
    await h.clock.advance(300);
    assert.equal(a.value, 1);
    assert.equal(second.running, true, "the second started on the first's last frame");
    await h.clock.advance(300);
    assert.deepEqual(await seq, { finished: true });
    assert.deepEqual(t.log, ["a moves @17", "a ends @300", "b moves @317", "b ends @600"]);
    assert.equal(h.pendingFrames, 0);
  });

  it("chains two timings on one value without a gap", async () => {
    const v = new AnimatedValue(0);
    const seen: number[] = [];
    v.addListener((x) => seen.push(x));
    const seq = Animated.sequence([
      Animated.timing(v, { to: 1, duration: 150, easing: "linear" }),
      Animated.timing(v, { to: 0, duration: 150, easing: "linear" }),
    ]).start();
    await h.clock.advance(300);
    assert.deepEqual(await seq, { finished: true });
    assert.equal(seen.length, 18, "one value per frame, none skipped or doubled");
    assert.equal(seen[8], 1);
    assert.equal(seen[17], 0);
  });

  it("runs instant children synchronously", async () => {
    const v = new AnimatedValue(0);
    const seq = Animated.sequence([
      Animated.timing(v, { to: 1, duration: 0 }),
      Animated.delay(0),
      Animated.timing(v, { to: 2, duration: 0 }),
    ]).start();
    assert.equal(v.value, 2);
    assert.deepEqual(await seq, { finished: true });
  });

  it("stop stops the current child; the rest resolve { finished: false } without running", async () => {
    const a = new AnimatedValue(0);
    const b = new AnimatedValue(0);
    const first = Animated.timing(a, { to: 1, duration: 300 });
    const second = Animated.timing(b, { to: 1, duration: 300 });
    const seq = Animated.sequence([first, second]).start();
    await h.clock.advance(100);
    seq.stop();
    assert.deepEqual(await seq, { finished: false });
    assert.deepEqual(await first, { finished: false });
    assert.deepEqual(await second, { finished: false });
    await h.clock.advance(600);
    assert.equal(b.value, 0);
    assert.equal(h.pendingFrames, 0);
  });

  it("ends unfinished when a child is interrupted from outside", async () => {
    const a = new AnimatedValue(0);
    const b = new AnimatedValue(0);
    const seq = Animated.sequence([Animated.timing(a, { to: 1 }), Animated.timing(b, { to: 1 })]).start();
    await h.clock.advance(100);
    a.setValue(0.5);
    assert.deepEqual(await seq, { finished: false });
    await h.clock.advance(600);
    assert.equal(b.value, 0);
  });

  it("aborting its signal stops it", async () => {
    const v = new AnimatedValue(0);
    const controller = new AbortController();
    const seq = Animated.sequence([Animated.delay(100), Animated.timing(v, { to: 1 })], { signal: controller.signal });
    seq.start();
    await h.clock.advance(50);
    controller.abort();
    assert.deepEqual(await seq, { finished: false });
    await h.clock.advance(500);
    assert.equal(v.value, 0);
  });

  it("rejects a list with something that is not an animation", () => {
    assert.throws(() => Animated.sequence([Animated.delay(1), 5 as never]), /item 1 is not an animation/);
    assert.throws(() => Animated.sequence("x" as never), /expected an array of animations/);
  });
});

describe("Animated.parallel", () => {
  const h = useHarness();

  it("runs together and finishes when the last one does", async () => {
    const a = new AnimatedValue(0);
    const b = new AnimatedValue(0);
    const t = timeline();
    t.watch("a", a);
    t.watch("b", b);
    const par = Animated.parallel([
      Animated.timing(a, { to: 1, duration: 150 }),
      Animated.timing(b, { to: 1, duration: 300 }),
    ]).start();
    await h.clock.advance(150);
    assert.equal(par.running, true);
    await h.clock.advance(150);
    assert.deepEqual(await par, { finished: true });
    assert.deepEqual(t.log, ["a moves @17", "b moves @17", "a ends @150", "b ends @300"]);
  });

  it("stopping one child stops all (stopTogether)", async () => {
    const a = new AnimatedValue(0);
    const b = new AnimatedValue(0);
    const first = Animated.timing(a, { to: 1 });
    const second = Animated.timing(b, { to: 1 });
    const par = Animated.parallel([first, second]).start();
    await h.clock.advance(100);
    first.stop();
    assert.equal(second.running, false);
    assert.deepEqual(await par, { finished: false });
    assert.equal(h.pendingFrames, 0);
  });

  it("with stopTogether: false the others go on; the result is unfinished", async () => {
    const a = new AnimatedValue(0);
    const b = new AnimatedValue(0);
    const first = Animated.timing(a, { to: 1 });
    const second = Animated.timing(b, { to: 1 });
    const par = Animated.parallel([first, second], { stopTogether: false }).start();
    await h.clock.advance(100);
    first.stop();
    assert.equal(second.running, true);
    await h.clock.advance(200);
    assert.equal(b.value, 1);
    assert.deepEqual(await par, { finished: false });
  });

  it("an empty parallel finishes at once", async () => {
    const par = Animated.parallel([]).start();
    assert.equal(par.running, false);
    assert.deepEqual(await par, { finished: true });
  });
});

describe("Animated.stagger", () => {
  const h = useHarness();

  it("starts the i-th animation i·ms later", async () => {
    const values = [new AnimatedValue(0), new AnimatedValue(0), new AnimatedValue(0)];
    const t = timeline();
    values.forEach((v, i) => t.watch(String(i), v));
    const st = Animated.stagger(
      50,
      values.map((v) => Animated.timing(v, { to: 1, duration: 150 })),
    ).start();
    await h.clock.advance(300);
    assert.deepEqual(await st, { finished: true });
    assert.deepEqual(t.log, [
      "0 moves @17",
      "1 moves @67",
      "2 moves @117",
      "0 ends @150",
      "1 ends @200",
      "2 ends @250",
    ]);
    assert.equal(h.pendingFrames, 0);
  });

  it("stop stops the ones running and the ones still waiting", async () => {
    const values = [new AnimatedValue(0), new AnimatedValue(0)];
    const st = Animated.stagger(200, values.map((v) => Animated.timing(v, { to: 1 }))).start();
    await h.clock.advance(100);
    st.stop();
    assert.deepEqual(await st, { finished: false });
    await h.clock.advance(1000);
    assert.equal(values[1]!.value, 0);
    assert.equal(h.pendingFrames, 0);
  });
});

describe("Animated.loop", () => {
  const h = useHarness();

  it("runs `iterations` times, resetting the value before each", async () => {
    const v = new AnimatedValue(0);
    let ends = 0;
    const starts: number[] = [];
    let last = 0;
    v.addListener((x) => {
      if (x === 1) ends++;
      if (x === 0) starts.push(now());
      last = x;
    });
    const lp = Animated.loop(Animated.timing(v, { to: 1, duration: 150 }), { iterations: 3 }).start();
    await h.clock.advance(450);
    assert.deepEqual(await lp, { finished: true });
    assert.equal(ends, 3);
    assert.deepEqual(starts, [150, 300], "reset back to 0 in the instant each iteration ended");
    assert.equal(last, 1);
    assert.equal(h.pendingFrames, 0);
  });

  it("loops a sequence back and forth until stopped", async () => {
    const v = new AnimatedValue(0);
    let peaks = 0;
    v.addListener((x) => {
      if (x === 1) peaks++;
    });
    const lp = Animated.loop(
      Animated.sequence([Animated.timing(v, { to: 1, duration: 150 }), Animated.timing(v, { to: 0, duration: 150 })]),
    ).start();
    await h.clock.advance(1500);
    assert.equal(peaks, 5);
    assert.equal(lp.running, true);
    lp.stop();
    assert.deepEqual(await lp, { finished: false });
    assert.equal(h.pendingFrames, 0);
  });

  it("without resetBeforeIteration continues from where the last iteration left off", async () => {
    const v = new AnimatedValue(0);
    const step = Animated.sequence([Animated.delay(100), Animated.timing(v, { to: 0, duration: 0 })]);
    const bump = Animated.loop(
      Animated.sequence([Animated.timing(v, { to: 1, duration: 150 }), step]),
      { iterations: 2, resetBeforeIteration: false },
    );
    await Promise.all([bump, h.clock.advance(500)]);
    assert.equal(v.value, 0);
  });

  it("with iterations 0 finishes at once", async () => {
    const v = new AnimatedValue(0);
    const lp = Animated.loop(Animated.timing(v, { to: 1 }), { iterations: 0 }).start();
    assert.deepEqual(await lp, { finished: true });
    assert.equal(h.requestedFrames, 0);
  });

  it("an endless loop of instant animations yields one iteration per frame", async () => {
    const v = new AnimatedValue(0);
    let n = 0;
    const lp = Animated.loop(Animated.timing(v, { to: 1, duration: 0 })).start();
    v.addListener((x) => {
      if (x === 1) n++;
    });
    await h.clock.advance(100);
    assert.ok(n >= 5 && n <= 7, `about one iteration per frame (${n})`);
    lp.stop();
    assert.equal(h.pendingFrames, 0);
  });

  it("rejects bad iterations", () => {
    assert.throws(() => Animated.loop(Animated.delay(1), { iterations: 1.5 }), /iterations must be an integer/);
    assert.throws(() => Animated.loop({} as never), /expected an animation/);
  });
});
