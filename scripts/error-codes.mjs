// Production error codes: keeps `docs/errors.md` and the sources in step.
//
// Every programmer error in src/ is written
//
//   /* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? LONG : /* SHORT */ "typenative #N"
//
// (or `typenative #N: ${part}, ${part}` when parts of the message vary, such as the
// API's or the component's name), where LONG is the development explanation: the minifier
// drops LONG and the comment, so a production bundle carries a number instead of a
// sentence. The text is written out at each site, not built by a shared function, so a
// chunk loaded on first use still imports nothing (test/production/first-use-bundle.test.ts).
//
//   node scripts/error-codes.mjs --convert   numbers every site still written with a plain
//                                            SHORT message (a string or a template literal:
//                                            the template's ${} parts become the arguments)
//                                            and rewrites docs/errors.md
//   node scripts/error-codes.mjs --check     exits 1 if a code is repeated, a site is not
//                                            numbered, or docs/errors.md is out of date
//
// The scanner is a small tokenizer (strings, templates, comments, brackets and the
// ternary's `? :`), not a TypeScript parser: a site it cannot read is reported, never
// guessed at.
import { readFileSync, writeFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, dirname, posix, sep } from "node:path";
import { fileURLToPath } from "node:url";

const REPO = join(dirname(fileURLToPath(import.meta.url)), "..");
const DOCS = join(REPO, "docs", "errors.md");
// `isDev()` in the core; `options.dev` in the modules handed their options (the lazily loaded kits).
const GUARD = /(?:\/\*\s*@__PURE__\s*\*\/\s*isDev\(\)|\b[A-Za-z_$][\w$]*\.dev)\s*&&\s*process\.env\.NODE_ENV\s*!==\s*"production"\s*\?/g;
const CODED = /^\/\*\s*([\s\S]*?)\s*\*\/\s*["`]typenative #(\d+)(?:: [^"`]*)?["`]$/;

/** Source files under src/, repo-relative with forward slashes. */
export function sourceFiles(root = join(REPO, "src")) {
  const out = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.tsx?$/.test(name) && !name.endsWith(".d.ts")) out.push(path);
    }
  };
  walk(root);
  return out;
}

/**
 * Reads one expression starting at `i`: up to a `:` that closes the ternary we are in
 * (`stopAtColon`), or a `,` `)` `]` `}` `;` at depth 0. Returns the end index.
 */
function readExpression(text, i, stopAtColon) {
  let depth = 0;
  let ternaries = 0;
  while (i < text.length) {
    const c = text[i];
    const next = text[i + 1];
    if (c === '"' || c === "'") {
      i = skipString(text, i);
      continue;
    }
    if (c === "`") {
      i = skipTemplate(text, i);
      continue;
    }
    if (c === "/" && next === "/") {
      i = text.indexOf("\n", i);
      if (i < 0) return text.length;
      continue;
    }
    if (c === "/" && next === "*") {
      i = text.indexOf("*/", i) + 2;
      continue;
    }
    if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") {
      if (depth === 0) return i;
      depth--;
    } else if (depth === 0 && (c === "," || c === ";")) return i;
    else if (c === "?" && next !== "." && next !== "?" && text[i - 1] !== "?") {
      if (depth === 0) ternaries++;
    } else if (c === "?" && (next === "?" || next === ".")) {
      i += 2;
      continue;
    } else if (c === ":" && depth === 0) {
      if (ternaries > 0) ternaries--;
      else if (stopAtColon) return i;
      else return i; // the `:` of an enclosing ternary ends this branch too
    }
    i++;
  }
  return i;
}

function skipString(text, i) {
  const quote = text[i];
  for (i++; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === quote) return i + 1;
  }
  throw new Error("unterminated string");
}

function skipTemplate(text, i) {
  for (i++; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === "`") return i + 1;
    else if (text[i] === "$" && text[i + 1] === "{") {
      const end = readExpression(text, i + 2, false);
      if (text[end] !== "}") throw new Error("unbalanced template");
      i = end;
    }
  }
  throw new Error("unterminated template");
}

/** The `${}` expressions of a template literal, in order, or null for anything else. */
function templateParts(expr) {
  if (/^"(?:[^"\\]|\\.)*"$/.test(expr) || /^'(?:[^'\\]|\\.)*'$/.test(expr)) return [];
  if (!expr.startsWith("`") || skipTemplate(expr, 0) !== expr.length) return null;
  const parts = [];
  for (let i = 1; i < expr.length - 1; i++) {
    if (expr[i] === "\\") i++;
    else if (expr[i] === "$" && expr[i + 1] === "{") {
      const end = readExpression(expr, i + 2, false);
      parts.push(expr.slice(i + 2, end).trim());
      i = end;
    }
  }
  return parts;
}

const oneLine = (s) => s.replace(/\s+/g, " ").trim();

/**
 * Every guarded ternary of `text`: the development branch, the production branch and,
 * once numbered, its code and summary.
 */
export function scan(text) {
  const sites = [];
  for (const match of text.matchAll(GUARD)) {
    const longStart = match.index + match[0].length;
    const longEnd = readExpression(text, longStart, true);
    if (text[longEnd] !== ":") throw new Error(`no ':' after the development branch at offset ${match.index}`);
    const shortStart = longEnd + 1;
    const shortEnd = readExpression(text, shortStart, false);
    const long = text.slice(longStart, longEnd).trim();
    const shortRaw = text.slice(shortStart, shortEnd);
    const short = shortRaw.trim();
    const coded = CODED.exec(short);
    sites.push({
      offset: match.index,
      shortStart: shortStart + (shortRaw.length - shortRaw.trimStart().length),
      shortEnd: shortStart + shortRaw.trimEnd().length,
      long,
      short,
      code: coded ? Number(coded[2]) : null,
      summary: coded ? coded[1] : null,
    });
  }
  return sites;
}

function lineOf(text, offset) {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Every site of every source file, with its file and line. */
export function collect(files = sourceFiles()) {
  const all = [];
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    for (const site of scan(text)) all.push({ ...site, file: relative(REPO, file).split(sep).join(posix.sep), line: lineOf(text, site.offset) });
  }
  return all;
}

/** Numbers the sites still written with a plain message; returns what it could not read. */
export function convert(files = sourceFiles()) {
  const sites = collect(files);
  let next = Math.max(0, ...sites.map((s) => s.code ?? 0)) + 1;
  const unreadable = [];
  for (const file of files) {
    let text = readFileSync(file, "utf8");
    const numbered = [];
    for (const site of scan(text)) {
      if (site.code !== null) continue;
      if (templateParts(site.short) === null) unreadable.push(`${relative(REPO, file)}:${lineOf(text, site.offset)}: ${oneLine(site.short)}`);
      else numbered.push(site);
    }
    if (numbered.length === 0) continue;
    const codes = numbered.map(() => next++);
    for (let k = numbered.length - 1; k >= 0; k--) {
      const site = numbered[k];
      const args = templateParts(site.short);
      const summary = oneLine(site.short).replace(/\*\//g, "*\\/");
      const message = args.length === 0 ? `"typenative #${codes[k]}"` : `\`typenative #${codes[k]}: ${args.map((a) => `\${${a}}`).join(", ")}\``;
      const call = `/* ${summary} */ ${message}`;
      text = text.slice(0, site.shortStart) + call + text.slice(site.shortEnd);
    }
    writeFileSync(file, text);
  }
  writeFileSync(DOCS, docs(collect(files)));
  return unreadable;
}

/** docs/errors.md for `sites`. */
export function docs(sites) {
  const rows = sites.filter((s) => s.code !== null).sort((a, b) => a.code - b.code);
  const cell = (s) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");
  const lines = [
    "# Production error codes",
    "",
    "A production build (`process.env.NODE_ENV` defined as `\"production\"`) keeps its errors'",
    "types and drops their explanations: a bad argument throws, say, a `TypeError` whose",
    "message is `typenative #152: callLater(ms, fn)`. The number is the row below; what",
    "follows the colon are the parts of the message that vary. A development build throws",
    "the same error with the full explanation. See [production.md](production.md).",
    "",
    "This file is generated by `node scripts/error-codes.mjs --convert` and checked by the",
    "tests; do not edit it by hand.",
    "",
    "| code | where | what it means (the development message, abridged) |",
    "|---:|---|---|",
  ];
  for (const site of rows) {
    lines.push(`| ${site.code} | \`${site.file}:${site.line}\` | ${cell(oneLine(site.summary))} — ${cell(abridge(site.long))} |`);
  }
  return `${lines.join("\n")}\n`;
}

/** The development branch as a reader sees it: template markers kept, quotes and concatenation removed. */
function abridge(long) {
  const text = oneLine(long)
    .replace(/^["'`]|["'`]$/g, "")
    .replace(/["'`]\s*\+\s*["'`]/g, "");
  return text.length > 220 ? `${text.slice(0, 217)}…` : text;
}

/** Problems with the numbering, or [] when the sources and docs/errors.md agree. */
export function check(files = sourceFiles()) {
  const sites = collect(files);
  const problems = [];
  const seen = new Map();
  for (const site of sites) {
    const where = `${site.file}:${site.line}`;
    if (site.code === null) {
      problems.push(`${where}: not numbered (run node scripts/error-codes.mjs --convert): ${oneLine(site.short)}`);
      continue;
    }
    if (seen.has(site.code)) problems.push(`${where}: code ${site.code} is also used at ${seen.get(site.code)}`);
    seen.set(site.code, where);
  }
  let current = "";
  try {
    current = readFileSync(DOCS, "utf8");
  } catch {
    // Missing: reported below.
  }
  if (current !== docs(sites)) problems.push("docs/errors.md is out of date (run node scripts/error-codes.mjs --convert)");
  return problems;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes("--convert")) {
    const unreadable = convert();
    for (const line of unreadable) console.error(`not converted (write it by hand): ${line}`);
    const problems = check();
    for (const line of problems) console.error(line);
    process.exit(problems.length === 0 ? 0 : 1);
  } else if (process.argv.includes("--check")) {
    const problems = check();
    for (const line of problems) console.error(line);
    process.exit(problems.length === 0 ? 0 : 1);
  } else {
    console.error("usage: node scripts/error-codes.mjs --convert | --check");
    process.exit(2);
  }
}
