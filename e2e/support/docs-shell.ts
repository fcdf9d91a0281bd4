/**
 * The small, documented subset of shell that docs samples may run (docs/README.md, "Code
 * samples"): `curl` calls, translated to fetch so the test needs no curl binary, and the
 * `npm start` line that configures a page's replica. Anything else is refused with a message,
 * so a sample cannot silently stop being checked.
 *
 * @module
 */

/** One command of a sample: its words, and the expected output written after it, if any. */
export interface Command {
  readonly words: string[];
  /** `# → …` at the end of a sh line, or the lines after a `$ ` command in a console block. */
  readonly expected: string | undefined;
  /** Where it is, for messages. */
  readonly line: number;
}

/**
 * Splits one logical command line into words: single quotes, double quotes (with `\"` and
 * `\\`), backslash escapes, and a `#` at the start of a word beginning the comment.
 */
export function splitWords(line: string): { words: string[]; comment: string | undefined } {
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    if (ch === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new Error(`unterminated ' in: ${line}`);
      word = (word ?? "") + line.slice(i + 1, end);
      i = end;
    } else if (ch === '"') {
      let s = "";
      let j = i + 1;
      for (; j < line.length && line[j] !== '"'; j++) {
        if (line[j] === "\\" && (line[j + 1] === '"' || line[j + 1] === "\\" || line[j + 1] === "$")) j++;
        s += line[j];
      }
      if (j >= line.length) throw new Error(`unterminated " in: ${line}`);
      if (s.includes("$")) throw new Error(`shell variables are not part of the samples' subset: ${line}`);
      word = (word ?? "") + s;
      i = j;
    } else if (ch === "\\") {
      word = (word ?? "") + (line[i + 1] ?? "");
      i++;
    } else if (/\s/.test(ch)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (ch === "#" && word === undefined) {
      return { words, comment: line.slice(i + 1).trim() };
    } else if (ch === "$" && word === undefined && line[i + 1] !== undefined && /[A-Za-z{(]/.test(line[i + 1] as string)) {
      throw new Error(`shell variables are not part of the samples' subset: ${line}`);
    } else if ("|;&<>`".includes(ch)) {
      throw new Error(`pipes, redirections and command lists are not part of the samples' subset: ${line}`);
    } else {
      word = (word ?? "") + ch;
    }
  }
  if (word !== undefined) words.push(word);
  return { words, comment: undefined };
}

/** Joins `\`-continued lines; returns logical lines with the number of their first line. */
function logicalLines(body: string): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  let acc: { text: string; line: number } | undefined;
  body.split("\n").forEach((raw, i) => {
    const cont = /\\\s*$/.test(raw);
    const piece = cont ? raw.replace(/\\\s*$/, "") : raw;
    if (acc) acc.text += ` ${piece.trim()}`;
    else acc = { text: piece, line: i + 1 };
    if (!cont) {
      out.push(acc);
      acc = undefined;
    }
  });
  if (acc) out.push(acc);
  return out;
}

/** The commands of a `sh run` block: one per logical line; `# → expected` may end a line. */
export function shCommands(body: string): Command[] {
  const out: Command[] = [];
  for (const { text, line } of logicalLines(body)) {
    if (text.trim() === "" || text.trim().startsWith("#")) continue;
    const { words, comment } = splitWords(text);
    const expected = comment?.startsWith("→") ? comment.slice(1).trim() : undefined;
    out.push({ words, expected, line });
  }
  return out;
}

/** The commands of a `console run` transcript: `$ command` lines, each followed by its output. */
export function consoleCommands(body: string): Command[] {
  const out: { words: string[]; expected: string[]; line: number }[] = [];
  for (const { text, line } of logicalLines(body)) {
    if (text.startsWith("$ ")) {
      out.push({ words: splitWords(text.slice(2)).words, expected: [], line });
    } else {
      const last = out[out.length - 1];
      if (!last) {
        if (text.trim() === "") continue;
        throw new Error(`line ${line}: a console transcript starts with a "$ " command`);
      }
      last.expected.push(text);
    }
  }
  return out.map((c) => {
    const text = c.expected.join("\n").trim();
    return { words: c.words, expected: text === "" ? undefined : text, line: c.line };
  });
}

export interface HttpCall {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: string | undefined;
}

/**
 * A curl command as a request. Supported: -s/-S/-sS, -X/--request, -H/--header,
 * -d/--data/--data-raw (defaults the method to POST, as curl does), and one URL; a URL without
 * a scheme is http://, as curl reads it.
 */
export function curlToRequest(words: readonly string[]): HttpCall {
  if (words[0] !== "curl") throw new Error(`only curl commands run in samples, got: ${words.join(" ")}`);
  let method: string | undefined;
  const headers: Record<string, string> = {};
  let body: string | undefined;
  let url: string | undefined;
  for (let i = 1; i < words.length; i++) {
    const w = words[i] as string;
    const value = (): string => {
      const v = words[++i];
      if (v === undefined) throw new Error(`curl ${w} needs a value`);
      return v;
    };
    if (w === "-s" || w === "-S" || w === "-sS" || w === "--silent" || w === "--show-error") continue;
    if (w === "-X" || w === "--request") method = value();
    else if (w === "-H" || w === "--header") {
      const h = value();
      const colon = h.indexOf(":");
      if (colon <= 0) throw new Error(`curl header "${h}" is not "name: value"`);
      headers[h.slice(0, colon).trim().toLowerCase()] = h.slice(colon + 1).trim();
    } else if (w === "-d" || w === "--data" || w === "--data-raw") body = value();
    else if (w.startsWith("-")) throw new Error(`curl option ${w} is not part of the samples' subset`);
    else if (url === undefined) url = /^[a-z]+:\/\//.test(w) ? w : `http://${w}`;
    else throw new Error(`curl with two URLs: ${words.join(" ")}`);
  }
  if (url === undefined) throw new Error(`curl without a URL: ${words.join(" ")}`);
  if (body !== undefined && headers["content-type"] === undefined) {
    // curl -d sends application/x-www-form-urlencoded, which the API refuses: samples must say JSON.
    headers["content-type"] = "application/x-www-form-urlencoded";
  }
  return { method: method ?? (body !== undefined ? "POST" : "GET"), url, headers, body };
}

export interface StartCommand {
  readonly env: Record<string, string>;
  /** Replica flags (what follows `--`), as loadConfig reads argv. */
  readonly argv: string[];
}

/** `[VAR=value …] npm start [-- --flag value …]`, the only way a sample starts a replica. */
export function parseStart(body: string): StartCommand {
  const cmds = shCommands(body);
  if (cmds.length !== 1) throw new Error(`a start block holds exactly one command, got ${cmds.length}`);
  const words = (cmds[0] as Command).words;
  const env: Record<string, string> = {};
  let i = 0;
  for (; i < words.length && /^[A-Z_][A-Z0-9_]*=/.test(words[i] as string); i++) {
    const w = words[i] as string;
    const eq = w.indexOf("=");
    env[w.slice(0, eq)] = w.slice(eq + 1);
  }
  if (words[i] !== "npm" || words[i + 1] !== "start") throw new Error(`a start block runs "npm start", got: ${words.join(" ")}`);
  const rest = words.slice(i + 2);
  if (rest.length > 0 && rest[0] !== "--") throw new Error(`flags of npm start follow "--": ${words.join(" ")}`);
  return { env, argv: rest.slice(1) };
}
