// Browser side of hardening.test.ts: Image sources and unknown view types
// on the real DOM host.
import * as pn from "typenative";
import { mount, type WebApp } from "typenative/web";

const reported: string[] = [];
let app: WebApp | null = null;

const Images = pn.component((p: { sources: unknown[] }) =>
  pn.Column(...p.sources.map((source, i) => pn.Image(source as string, { testID: `img-${i}`, key: i }))),
);

const Unknown = pn.component(function Unknown() {
  return pn.h("div", null, "plain HTML is not a view");
});

const srcs = (count: number): Array<string | null> =>
  Array.from({ length: count }, (_, i) => document.querySelector(`[data-testid="img-${i}"]`)!.getAttribute("src"));
/** The image module is imported on the first `source` (in this unsplit bundle, a few microtasks later). */
const loaded = (): Promise<unknown> => new Promise((resolve) => setTimeout(resolve, 0));

const tn = {
  reported,
  /** Mounts one Image per source; returns each img's src attribute (null when unset) once the image module is in. */
  async images(sources: unknown[]): Promise<Array<string | null>> {
    app?.unmount();
    app = mount(Images({ sources }), document.getElementById("root")!, { errorOverlay: false });
    await loaded();
    return srcs(sources.length);
  },
  /**
   * In a fresh page: mounts an Image, renders a new source while the image
   * module loads, then mounts and unmounts another before it arrives.
   * Returns the src attributes right after mounting, after the load, and of
   * the unmounted image.
   */
  async duringLoad(): Promise<Array<string | null>> {
    app = mount(Images({ sources: ["/a.png"] }), document.getElementById("root")!, { errorOverlay: false });
    const atMount = srcs(1)[0]!;
    app.render(Images({ sources: ["/b.png"] }));
    const gone = document.createElement("div");
    document.body.append(gone);
    const other = mount(Images({ sources: ["/c.png"] }), gone, { errorOverlay: false });
    const removed = gone.querySelector("img")!;
    other.unmount();
    await loaded();
    return [atMount, srcs(1)[0]!, removed.getAttribute("src")];
  },
  /** Renders new sources into the mounted Images; returns the src attributes. */
  async update(sources: unknown[]): Promise<Array<string | null>> {
    app!.render(Images({ sources }));
    // An update commits on the runtime loop, not inside render().
    await new Promise((resolve) => setTimeout(resolve, 0));
    return sources.map((_, i) => document.querySelector(`[data-testid="img-${i}"]`)!.getAttribute("src"));
  },
  unknown(): string {
    app?.unmount();
    app = mount(Unknown(), document.getElementById("root")!, { errorOverlay: false });
    return document.getElementById("root")!.innerHTML;
  },
};

pn.runtime.onError = (error, info) => {
  reported.push(`${info.source}: ${String(error)}`);
};
(window as unknown as { tn: typeof tn }).tn = tn;
(window as unknown as { ready: boolean }).ready = true;
