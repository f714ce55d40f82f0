// Browser side of fetch-realm.test.ts: pn.fetch called with objects made by
// a same-origin iframe's window, whose classes are not this window's.
import * as pn from "typenative";
import { mount } from "typenative/web";

// A root, so pn.Alert has the web's presenter.
mount(pn.Text("realms"), document.getElementById("root")!);

const frame = document.createElement("iframe");
document.body.appendChild(frame);
const other = frame.contentWindow as unknown as typeof globalThis;

/** What the /echo route saw, or the error's name and message. */
async function call(url: string | URL, options: pn.FetchOptions): Promise<unknown> {
  try {
    return (await pn.fetch(url, options)).json();
  } catch (error) {
    return { error: `${(error as Error).name}: ${(error as Error).message}` };
  }
}

(window as unknown as Record<string, unknown>).tn = {
  /** Each class is the iframe's; the same call with this window's is the control. */
  params: (foreign: boolean) => call("/echo", { params: new (foreign ? other : window).URLSearchParams("q=a b&n=1") }),
  url: (foreign: boolean) => call(new (foreign ? other : window).URL("/echo?from=url", location.href), {}),
  headers: (foreign: boolean) => call("/echo", { headers: new (foreign ? other : window).Headers({ "x-realm": "yes" }) }),
  body: (foreign: boolean) => {
    const realm = foreign ? other : window;
    return call("/echo", { method: "POST", body: new realm.Function("return { a: 1 }")() as object });
  },
  bytes: (foreign: boolean) => call("/echo", { method: "POST", body: new (foreign ? other : window).Uint8Array([1, 2, 255]).buffer }),
  /** A signal of the iframe's that aborts once the request is on its way: the call ends with a CancelledError. */
  abort: async (foreign: boolean) => {
    const controller = new (foreign ? other : window).AbortController();
    const pending = call("/hang", { signal: controller.signal });
    controller.abort();
    return pending;
  },
  /** An Alert with the iframe's signal, aborted: the alert closes with a CancelledError. */
  alert: async (foreign: boolean) => {
    const controller = new (foreign ? other : window).AbortController();
    const pending = pn.Alert.confirm("Sure?", { signal: controller.signal }).then(String, (error: Error) => `${error.name}`);
    controller.abort();
    return pending;
  },
};
(window as unknown as { ready: boolean }).ready = true;
