/**
 * A failed build as the page shows it: esbuild's messages made
 * project-relative and 1-based ({@link buildErrors}), and the stand-in page
 * script served while no build has succeeded yet ({@link failureScript}).
 */
import { relative, resolve, sep } from "node:path";
import type { Message } from "esbuild";

/** One build error as the page shows it. */
export interface BuildErrorInfo {
  text: string;
  file: string | null;
  line: number | null;
  column: number | null;
  lineText: string | null;
}

/** esbuild's errors as the page shows them: project-relative file, 1-based line and column. */
export function buildErrors(error: unknown, root: string): BuildErrorInfo[] {
  const errors = (error as { errors?: Message[] }).errors;
  if (!Array.isArray(errors) || errors.length === 0) {
    return [{ text: error instanceof Error ? error.message : String(error), file: null, line: null, column: null, lineText: null }];
  }
  return errors.map((e) => ({
    text: e.text,
    file: e.location ? relative(root, resolve(root, e.location.file)).split(sep).join("/") : null,
    line: e.location?.line ?? null,
    column: e.location ? e.location.column + 1 : null,
    lineText: e.location?.lineText ?? null,
  }));
}

/**
 * The page script while the first build fails: shows the errors and reloads
 * on the next good build. The dev client cannot do it: it is part of the
 * bundle that failed.
 */
export function failureScript(errors: BuildErrorInfo[]): string {
  const text = errors.map((e) => `${e.file ?? ""}${e.line !== null ? `:${e.line}:${e.column}` : ""}: ${e.text}${e.lineText ? `\n    ${e.lineText}` : ""}`).join("\n\n");
  return `const panel = document.createElement("div");
panel.setAttribute("role", "alert");
panel.setAttribute("data-testid", "typenative-build-error");
const title = document.createElement("h2");
title.textContent = "Build failed";
const pre = document.createElement("pre");
pre.textContent = ${JSON.stringify(text)};
panel.append(title, pre);
document.body.append(panel);
const events = new EventSource("/__typenative/events");
events.onmessage = (event) => {
  const message = JSON.parse(event.data);
  if (message.type === "update" || message.type === "reload" || message.type === "ok") location.reload();
};
`;
}
