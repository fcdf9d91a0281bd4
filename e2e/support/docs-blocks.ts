/**
 * The fenced code blocks of the documentation and what their info strings ask for (the
 * convention is documented in docs/README.md, "Code samples"). Pure: reads text, runs nothing.
 *
 * An info string is `<language> <mode>`:
 * - `file=PATH` (ts, js, mts, mjs): a service module, written to PATH in the page's project;
 * - `test=PATH` (ts): a test file of that project, run with `node --import tsx --test`;
 * - `start` (sh): the command that starts the page's replica (`[VAR=value…] npm start [-- flags]`);
 * - `run` (sh, console, js, ws): run against the page's replica; sh/console run curl commands;
 * - `output` (json, text): the expected output of the run block right before it;
 * - `norun: <reason>`: not run, and the reason says why (or which test covers it).
 *
 * @module
 */

export type BlockMode =
  | { readonly kind: "file"; readonly path: string }
  | { readonly kind: "test"; readonly path: string }
  | { readonly kind: "start" }
  | { readonly kind: "run" }
  | { readonly kind: "output" }
  | { readonly kind: "norun"; readonly reason: string };

export interface Block {
  /** The file it comes from, relative to the repository root. */
  readonly page: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
  readonly lang: string;
  readonly info: string;
  readonly body: string;
}

export interface ClassifiedBlock extends Block {
  readonly mode: BlockMode;
}

const FENCE = /^( {0,3})(`{3,}|~{3,})(.*)$/;

/** Every fenced block of a Markdown text, with its body unindented by the fence's indentation. */
export function extractBlocks(page: string, markdown: string): Block[] {
  const lines = markdown.split("\n");
  const out: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i] as string);
    if (!open) continue;
    const indent = (open[1] as string).length;
    const fence = open[2] as string;
    const info = (open[3] as string).trim();
    // A backtick fence's info string may not contain backticks (CommonMark): that is inline code.
    if (fence.startsWith("`") && info.includes("`")) continue;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const l = lines[j] as string;
      const close = /^( {0,3})(`{3,}|~{3,})\s*$/.exec(l);
      if (close && (close[2] as string)[0] === fence[0] && (close[2] as string).length >= fence.length) break;
      body.push(l.slice(Math.min(indent, l.length - l.trimStart().length)));
    }
    const lang = info.split(/\s+/)[0] ?? "";
    out.push({ page, line: i + 1, lang, info, body: body.join("\n") });
    i = j;
  }
  return out;
}

const LANGS: Record<BlockMode["kind"], readonly string[]> = {
  file: ["ts", "js", "mts", "mjs"],
  test: ["ts", "mts"],
  start: ["sh"],
  run: ["sh", "console", "js", "ws"],
  output: ["json", "text"],
  norun: [],
};

/** A project-relative path: no absolute paths, no `..`, no empty segments. */
function safePath(p: string): boolean {
  return p.length > 0 && !p.startsWith("/") && p.split("/").every((s) => s !== "" && s !== "." && s !== "..");
}

/** The mode of a block, or the reason its info string breaks the convention. */
export function classify(block: Block): ClassifiedBlock | { readonly block: Block; readonly problem: string } {
  const rest = block.info.slice(block.lang.length).trim();
  const fail = (problem: string) => ({ block, problem });
  if (block.lang === "") return fail("has no language and no mode: tag it `<lang> run`, `<lang> output`, or `<lang> norun: <reason>`");
  let mode: BlockMode;
  if (rest.startsWith("norun")) {
    const reason = /^norun:\s*(.*)$/.exec(rest)?.[1]?.trim() ?? "";
    if (reason.length < 10) return fail("is norun without a reason (`norun: <why it is not run, or which test covers it>`)");
    mode = { kind: "norun", reason };
  } else if (/^(file|test)=\S+$/.test(rest)) {
    const [kind, path] = rest.split("=") as ["file" | "test", string];
    if (!safePath(path)) return fail(`names an unsafe path "${path}" (relative, no ..)`);
    mode = { kind, path };
  } else if (rest === "start" || rest === "run" || rest === "output") {
    mode = { kind: rest };
  } else if (rest === "") {
    return fail("is neither run nor marked not runnable: tag it (file=, test=, start, run, output) or `norun: <reason>`");
  } else {
    return fail(`has an unknown mode "${rest}"`);
  }
  if (mode.kind !== "norun" && !LANGS[mode.kind].includes(block.lang)) {
    return fail(`is \`${block.lang} ${mode.kind}\`, but ${mode.kind} blocks are ${LANGS[mode.kind].join(", ")}`);
  }
  return { ...block, mode };
}

export interface PagePlan {
  readonly blocks: ClassifiedBlock[];
  readonly problems: string[];
}

/** Classifies a page's blocks and checks their order: an output block follows a run block. */
export function planPage(page: string, markdown: string): PagePlan {
  const blocks: ClassifiedBlock[] = [];
  const problems: string[] = [];
  const files = new Set<string>();
  let previous: ClassifiedBlock | undefined;
  for (const b of extractBlocks(page, markdown)) {
    const c = classify(b);
    if ("problem" in c) {
      problems.push(`${page}:${b.line}: a \`\`\`${b.info} block ${c.problem}`);
      previous = undefined;
      continue;
    }
    if (c.mode.kind === "output" && previous?.mode.kind !== "run") {
      problems.push(`${page}:${b.line}: an output block must directly follow a run block`);
    }
    if (c.mode.kind === "output" && previous?.mode.kind === "run" && previous.lang === "ws") {
      problems.push(`${page}:${b.line}: a ws run block carries its expected frames itself (← lines)`);
    }
    if (c.mode.kind === "file" || c.mode.kind === "test") {
      if (files.has(c.mode.path)) problems.push(`${page}:${b.line}: ${c.mode.path} is written twice on this page`);
      files.add(c.mode.path);
    }
    blocks.push(c);
    previous = c;
  }
  return { blocks, problems };
}
