/**
 * The files `typenative create` writes: one screen with a query, a
 * mutation and a persisted draft, its test on the test host with virtual
 * time, and the scripts to run, test and build it.
 */

export interface TemplateOptions {
  name: string;
  /** The `typenative` dependency (a range, or a `file:` tarball). */
  typenative: string;
  /** Versions of the development dependencies (the ones typenative is tested with). */
  devDependencies: Record<string, string>;
}

export function templateFiles(options: TemplateOptions): Record<string, string> {
  const pkg = {
    name: options.name,
    version: "0.1.0",
    private: true,
    type: "module",
    scripts: {
      dev: "typenative dev",
      build: "typenative build",
      test: "tsc --noEmit && node --import tsx --test src/NotesScreen.test.ts",
    },
    dependencies: { typenative: options.typenative },
    devDependencies: options.devDependencies,
  };
  return {
    "package.json": `${JSON.stringify(pkg, null, 2)}\n`,
    "tsconfig.json": TSCONFIG,
    ".gitignore": "node_modules/\ndist/\n",
    "README.md": readme(options.name),
    "src/main.ts": MAIN,
    "src/api.ts": API,
    "src/NotesScreen.ts": SCREEN,
    "src/NotesScreen.test.ts": TEST,
  };
}

const TSCONFIG = `{
  "compilerOptions": {
    "target": "ES2022",
    "module": "ESNext",
    "moduleResolution": "Bundler",
    "lib": ["ES2022", "DOM", "DOM.Iterable"],
    "types": ["node"],
    "strict": true,
    "exactOptionalPropertyTypes": true,
    "noUncheckedIndexedAccess": true,
    "noPropertyAccessFromIndexSignature": true,
    "noImplicitOverride": true,
    "verbatimModuleSyntax": true,
    "isolatedModules": true,
    "skipLibCheck": false,
    "noEmit": true
  },
  "include": ["src"]
}
`;

function readme(name: string): string {
  return `# ${name}

A [typenative](https://www.npmjs.com/package/typenative) app.

\`\`\`sh
npm install && npm run dev   # the app in the browser, with fast refresh
npm install && npm test      # type-check, then the tests (virtual time, no browser)
\`\`\`

\`npm run build\` writes the production bundle to \`dist/\` (minified, with
source maps); serve that folder with any static file server.

- \`src/main.ts\` mounts the app in the page.
- \`src/NotesScreen.ts\` is the screen: a query, a mutation and a draft that
  survives reloads (\`usePersistedState\`).
- \`src/api.ts\` is a stand-in for your backend (in memory, with latency).
- \`src/NotesScreen.test.ts\` tests the screen on typenative's test host.

Edit a component and save: the page updates in place and keeps its state.
`;
}

const MAIN = `import { mount } from "typenative/web";
import { NotesScreen } from "./NotesScreen.js";

const root = document.getElementById("root");
if (root === null) throw new Error("the page has no #root element");
mount(NotesScreen(), root);
`;

const API = `import * as pn from "typenative";

export type Note = { id: number; text: string };

/** A stand-in backend: notes in memory, answered after a little latency. Replace it with \`pn.fetch\` calls. */
const notes: Note[] = [{ id: 1, text: "Edit src/NotesScreen.ts and save" }];

export const api = {
  async listNotes(signal: AbortSignal): Promise<Note[]> {
    await pn.sleep(300, { signal });
    return [...notes];
  },
  async addNote(text: string): Promise<Note> {
    await pn.sleep(300);
    const note = { id: notes.length + 1, text };
    notes.push(note);
    return note;
  },
};
`;

const SCREEN = `import * as pn from "typenative";
import { api } from "./api.js";

export const NotesScreen = pn.component(function NotesScreen() {
  const notes = pn.useQuery((signal) => api.listNotes(signal), []);
  const [draft, setDraft] = pn.usePersistedState("draft", "");
  const [adding, addNote] = pn.useMutation((text: string) => api.addNote(text));

  const submit = async (): Promise<void> => {
    const text = draft.trim();
    if (text === "") return;
    await addNote(text);
    setDraft("");
    void notes.refetch();
  };

  return pn.Column(
    pn.Text("Notes", { style: { fontSize: 24, fontWeight: "bold" } }),
    pn.Row(
      pn.TextInput({ value: draft, onChange: setDraft, placeholder: "New note", testID: "draft", style: { flex: 1 } }),
      pn.Button(adding.loading ? "Adding…" : "Add", { onClick: () => pn.runAsync(submit()), disabled: adding.loading }),
      { style: { spacing: 8 } },
    ),
    notes.data === undefined
      ? pn.Text(notes.error ? "Could not load the notes" : "Loading…")
      : pn.FlatList(notes.data, { renderItem: (note) => pn.Text(note.text), keyExtractor: (note) => note.id }),
    { style: { padding: 16, spacing: 12, maxWidth: 480 } },
  );
});
`;

const TEST = `import { describe, it, afterEach } from "node:test";
import assert from "node:assert/strict";
import * as pn from "typenative";
import { cleanup, fakeClock, render } from "typenative/testing";
import { NotesScreen } from "./NotesScreen.js";

describe("NotesScreen", () => {
  afterEach(() => {
    cleanup();
    pn.queryClient.clear();
  });

  it("loads the notes, adds one and clears the draft", async () => {
    const clock = fakeClock();
    try {
      const ui = render(NotesScreen());
      ui.getByText("Loading…");
      await clock.advance(300);
      ui.getByText("Edit src/NotesScreen.ts and save");

      ui.changeText(ui.getByTestId("draft"), "Buy milk");
      await ui.settle(); // the draft renders before the button reads it
      ui.press(ui.getByText("Add"));
      await ui.settle();
      ui.getByText("Adding…");
      await clock.advance(600); // the mutation, then the refetch
      ui.getByText("Buy milk");
      assert.equal(ui.getByTestId("draft").props["value"], "");
      ui.unmount();
      await ui.settle();
      assert.equal(pn.runtime.pendingTasks(), 0);
    } finally {
      clock.uninstall();
    }
  });
});
`;
