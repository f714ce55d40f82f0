// Holds the example API's requests in tests, so a loading or posting state can be seen.
import type { IncomingMessage } from "node:http";

export /** Holds API requests (by "METHOD /path") until the test releases them; the rest pass at once. */
class Gate {
  private holds = new Map<string, { released: Promise<void>; release: () => void; arrived: number }>();

  readonly delay = async (request: IncomingMessage): Promise<void> => {
    const path = new URL(request.url ?? "/", "http://x").pathname;
    const hold = this.holds.get(`${request.method} ${path}`);
    if (hold === undefined) return;
    hold.arrived++;
    await hold.released;
  };

  /** Holds matching requests from now on; returns a function that lets them (and later ones) through. */
  hold(route: string): { release(): void; arrived(): number } {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const entry = { released, release, arrived: 0 };
    this.holds.set(route, entry);
    return {
      release: () => {
        this.holds.delete(route);
        entry.release();
      },
      arrived: () => entry.arrived,
    };
  }

  releaseAll(): void {
    for (const route of Array.from(this.holds.keys())) {
      const entry = this.holds.get(route)!;
      this.holds.delete(route);
      entry.release();
    }
  }
}
