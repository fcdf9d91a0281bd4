/**
 * The demo app (client/demo, served at `/`) and the client SDK in a real browser (issue 5 §4):
 * two replicas as real `npm start` processes (us-east and eu-west, meshed through fault-injecting
 * TCP proxies, support/server-cluster.ts) and Debian's Chromium driven by playwright-core, one
 * page per replica, each a different user:
 *
 * - an item added to the cart in one page appears in the other (and +1, remove);
 * - text typed in one notes editor appears in the other, with the typist's cursor and region
 *   shown there; both typing at once ends in the same text on both sides;
 * - the SDK as bundled in the page: calls, a subscription fed from the other region, reads, and
 *   typed LatticeErrors with their catalogue codes;
 * - with the link between the replicas cut (proxy drop), edits on both sides (cart and notes) stay
 *   on their side, and after the heal both pages show all of them;
 * - presence shows both users online, and one goes offline in the other page once its page closes.
 *
 * A screenshot of both pages side by side goes to e2e/screenshots/ (ignored by git).
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { SignJWT } from "jose";
import type { Page } from "playwright-core";
import type * as Sdk from "../client/index.js";
import { loadExamples } from "../functions/loader.js";
import { loadConfig } from "../server/config.js";
import type { LatticeNode } from "../server/node.js";
import { startNode } from "../server/node.js";
import { DEFAULT_DEMO_DIR } from "../server/plugins/demo.js";
import type { TestBrowser } from "./support/browser.js";
import { CHROMIUM_MISSING, SCREENSHOT_DIR, errorsOf, launchChromiumWhile, sideBySide } from "./support/browser.js";
import { waitFor } from "./support/cluster.js";
import { ServerCluster } from "./support/server-cluster.js";
import { canIdentifySources } from "./support/tcp-proxy.js";

const A = 0;
const B = 1;
const PEER_TIMEOUT_MS = 1500;
/** A change reaches the other page within this (normally: tens of milliseconds). */
const LIVE_MS = 10_000;
/** After a heal: the replicas reconnect (backoff) and anti-entropy runs; then the pages update. */
const HEAL_MS = 30_000;

const skip = CHROMIUM_MISSING ?? (canIdentifySources() ? false : "cutting one replica's link needs /proc to tell which replica dialed a proxy connection");

/**
 * The demo is bundled by scripts/build.mjs. Compiled (npm test), the build made it; run from
 * source (tsx), the test bundles it again when the SDK or demo sources are newer than the bundle,
 * so it never tests a stale one. The replicas read it when they start.
 */
function ensureDemoBuilt(): void {
  const fromSource = import.meta.url.endsWith(".ts");
  const root = fileURLToPath(new URL(fromSource ? "../" : "../../", import.meta.url));
  const bundle = join(DEFAULT_DEMO_DIR, "main.js");
  if (existsSync(join(DEFAULT_DEMO_DIR, "index.html")) && existsSync(bundle)) {
    if (!fromSource) return;
    const sources = readdirSync(join(root, "client"), { recursive: true, encoding: "utf8" }).filter((f) => /\.(ts|css|html)$/.test(f) && !f.endsWith(".test.ts"));
    const built = statSync(bundle).mtimeMs;
    if (sources.every((f) => statSync(join(root, "client", f)).mtimeMs <= built)) return;
  }
  execFileSync(process.execPath, ["scripts/build.mjs", "--demo-only"], { cwd: root, stdio: "inherit" });
}

/** What the tests reach in a page (this project's TypeScript has no DOM types; these run in the page). */
interface PageGlobals {
  lattice: Pick<typeof Sdk, "createClient" | "LatticeError">;
  location: { origin: string };
  sdkStates: unknown[];
  sdkStop: () => void;
  sdkClose: () => Promise<void>;
}

/** The text a page's notes editor holds. */
const textOf = (page: Page): Promise<string> => page.$eval("#notes-text", (el) => (el as unknown as { value: string }).value);

/** What a page shows (replica, connections, people, errors) and its console errors, for failure messages. */
async function pageState(page: Page | undefined, name: string): Promise<string> {
  if (!page || page.isClosed()) return `--- page ${name}: closed`;
  try {
    const shown = await page.evaluate(() => {
      const doc = (globalThis as unknown as { document: { querySelector(s: string): { textContent: string | null } | null } }).document;
      return ["#replica", "#connection", "#notes-status", "#presence-list", "#notes-peers", "#cart-error", "#notes-error", "#presence-error"]
        .map((sel) => `${sel}: ${doc.querySelector(sel)?.textContent ?? "-"}`)
        .join(" | ");
    });
    return `--- page ${name}: ${shown}\nerrors: ${JSON.stringify(errorsOf(page))}`;
  } catch (err) {
    return `--- page ${name}: ${String(err)}`;
  }
}

/** The page's elements, as far as the tests read them. */
interface ElementLike {
  getAttribute(name: string): string | null;
  querySelector(selector: string): { textContent: string | null } | null;
}

/** The cart a page shows: product id → "× quantity". */
const cartOf = (page: Page): Promise<Record<string, string>> =>
  page.$$eval("#cart-items li[data-product]", (lis) =>
    Object.fromEntries((lis as unknown as ElementLike[]).map((li) => [li.getAttribute("data-product") ?? "", li.querySelector(".qty")?.textContent ?? ""])),
  );

describe("demo app and SDK in Chromium, two regions", { timeout: 120_000, skip }, () => {
  let cluster: ServerCluster;
  let browser: TestBrowser | undefined;
  let alice: Page;
  let bob: Page;

  const open = async (i: number, user: string): Promise<Page> => {
    assert.ok(browser);
    const page = await browser.page();
    await page.goto(`${cluster.httpUrl(i)}/?user=${user}&room=e2e`);
    await page.waitForSelector("body[data-ready=true]");
    await page.waitForSelector(`#replica[data-region="${cluster.node(i).region}"]`, { timeout: LIVE_MS });
    await page.waitForSelector("#notes-status[data-synced=true]", { timeout: LIVE_MS });
    await page.waitForSelector("#connection[data-state=open]", { timeout: LIVE_MS });
    return page;
  };

  /** Waits until `check()` holds, polling; on a timeout the message shows both pages and both replicas. */
  const until = (what: string, check: () => Promise<boolean>, timeoutMs = LIVE_MS): Promise<number> =>
    waitFor(check, {
      timeoutMs,
      intervalMs: 50,
      what,
      describe: async () => [await pageState(alice, "alice"), await pageState(bob, "bob"), await cluster.describe()].join("\n"),
    });

  before(async () => {
    ensureDemoBuilt();
    // A cluster that started is closed by `after` even when the launch fails.
    browser = await launchChromiumWhile(async () => {
      cluster = await ServerCluster.start({ size: 2, peerTimeoutMs: PEER_TIMEOUT_MS });
    });
    await cluster.waitConnected();
    [alice, bob] = await Promise.all([open(A, "alice"), open(B, "bob")]);
  });
  after(async () => {
    await browser?.close();
    await cluster?.close();
  });

  it("shows each page its own replica and region, linked to the other", async () => {
    for (const [page, i, other] of [
      [alice, A, B],
      [bob, B, A],
    ] as const) {
      assert.equal(await page.textContent("[data-testid=region]"), cluster.node(i).region);
      assert.equal(await page.textContent("[data-testid=replica-id]"), cluster.node(i).id);
      await page.waitForSelector(`.peers li.up[data-peer="${cluster.node(other).region}"]`, { timeout: LIVE_MS });
    }
  });

  it("an item added to the cart on us-east appears on eu-west, and +1 and remove cross back", async (t) => {
    await alice.fill("#cart-name", "Blue mug");
    await alice.fill("#cart-quantity", "2");
    const t0 = Date.now();
    await alice.click("#cart-form button[type=submit]");
    await bob.waitForSelector('#cart-items li[data-product="blue-mug"]', { timeout: LIVE_MS });
    t.diagnostic(`cart: click on us-east → shown on eu-west in ${Date.now() - t0} ms`);
    assert.deepEqual(await cartOf(bob), { "blue-mug": "× 2" });
    assert.equal(await bob.textContent('#cart-items li[data-product="blue-mug"] .item-name'), "Blue mug");

    await bob.click('#cart-items li[data-product="blue-mug"] button:not([data-action])');
    await bob.fill("#cart-name", "Green pen");
    await bob.press("#cart-name", "Enter");
    await until("alice's cart to have 3 mugs and a pen", async () => JSON.stringify(await cartOf(alice)) === JSON.stringify({ "blue-mug": "× 3", "green-pen": "× 1" }));

    await alice.click('#cart-items li[data-product="green-pen"] button[data-action=remove]');
    await until("bob's cart without the pen", async () => JSON.stringify(await cartOf(bob)) === JSON.stringify({ "blue-mug": "× 3" }));
    // Both regions' writes are in the version vector the page shows.
    const version = await alice.textContent("#cart-version");
    assert.match(version ?? "", /us-east \d+/);
    assert.match(version ?? "", /eu-west \d+/);
  });

  it("a refused command shows its catalogue code in the page", async () => {
    await alice.fill("#cart-name", "Nothing");
    await alice.fill("#cart-quantity", "0");
    await alice.click("#cart-form button[type=submit]");
    await alice.waitForSelector("#cart-error[data-code=failed]", { timeout: LIVE_MS });
    assert.match((await alice.textContent("#cart-error")) ?? "", /^failed: Cannot add a quantity of 0/);
    await alice.fill("#cart-quantity", "1");
    assert.equal((await cartOf(alice)).nothing, undefined);
  });

  it("text typed in one notes editor appears in the other, with the typist's cursor and region", async (t) => {
    await alice.click("#notes-text");
    const t0 = Date.now();
    await alice.keyboard.type("Hello from us-east.");
    await until("bob to see alice's text", async () => (await textOf(bob)) === "Hello from us-east.");
    t.diagnostic(`notes: typed on us-east → on eu-west ${Date.now() - t0} ms after the first key`);

    // Alice's caret (at the end of her text) and her region show up in bob's page.
    await bob.waitForSelector('#notes-overlay .caret[data-user="alice"]', { timeout: LIVE_MS });
    await bob.waitForSelector('#notes-peers li[data-user="alice"][data-region="us-east"]', { timeout: LIVE_MS });
    await until("bob to see where alice's caret is", async () => /line 1, col 20$/.test((await bob.textContent('#notes-peers li[data-user="alice"]')) ?? ""));

    await bob.click("#notes-text");
    await bob.press("#notes-text", "End");
    await bob.keyboard.type(" Hi from eu-west!");
    await until("alice to see bob's reply", async () => (await textOf(alice)) === "Hello from us-east. Hi from eu-west!");
    await alice.waitForSelector('#notes-overlay .caret[data-user="bob"]', { timeout: LIVE_MS });
    await alice.waitForSelector('#notes-peers li[data-user="bob"][data-region="eu-west"]', { timeout: LIVE_MS });
    // Alice's caret was at the end, and like a Yjs relative position it stays at the end when
    // text is appended there: she types on after bob's reply.
    await alice.keyboard.type(" (A)");
    await until("both to read the same", async () => (await textOf(bob)) === "Hello from us-east. Hi from eu-west! (A)");
  });

  it("both typing at once, at opposite ends, ends with the same text in both pages", async () => {
    await alice.press("#notes-text", "Control+Home");
    await bob.press("#notes-text", "Control+End");
    await Promise.all([alice.keyboard.type("[alice first] ", { delay: 15 }), bob.keyboard.type(" [bob last]", { delay: 15 })]);
    const want = "[alice first] Hello from us-east. Hi from eu-west! (A) [bob last]";
    await until("both editors to converge", async () => (await textOf(alice)) === want && (await textOf(bob)) === want);
  });

  it("the SDK runs in the page: calls, a subscription fed from the other region, reads, typed errors", async () => {
    // Bob subscribes on eu-west (resolving once the first state is in); alice increments on us-east.
    const first = await bob.evaluate(async () => {
      const g = globalThis as unknown as PageGlobals;
      const client = g.lattice.createClient(g.location.origin);
      g.sdkStates = [];
      return new Promise<unknown>((resolve) => {
        g.sdkStop = client.entity("counter", "sdk-e2e").subscribe((view) => {
          g.sdkStates.push(view.state);
          if (g.sdkStates.length === 1) resolve(view.state);
        });
        g.sdkClose = () => client.close();
      });
    });
    assert.equal(first, 0);
    const result = await alice.evaluate(async () => {
      const g = globalThis as unknown as PageGlobals;
      const { createClient, LatticeError } = g.lattice;
      const client = createClient(g.location.origin);
      const counter = client.entity("counter", "sdk-e2e");
      const out: Record<string, unknown> = {};
      out.increment = await counter.call("increment", { amount: 5 });
      out.read = (await counter.get()).state;
      const errorOf = async (p: Promise<unknown>) => {
        try {
          await p;
          return "no error";
        } catch (err) {
          return err instanceof LatticeError ? { code: err.code, name: err.name, hasMessage: err.message.length > 0, detail: err.detail ?? null } : `not a LatticeError: ${String(err)}`;
        }
      };
      out.failed = await errorOf(client.entity("cart", "sdk-e2e").call("addItem", { productId: "p1", quantity: -1 }));
      out.invalid = await errorOf(client.entity("cart", "sdk-e2e").call("addItem", { productId: "p1", quantity: "2" }));
      out.unknownService = await errorOf(client.entity("no-such-service", "k").call("x"));
      out.unknownCommand = await errorOf(counter.call("explode"));
      out.state = client.state;
      await client.close();
      out.closed = await errorOf(counter.call("increment"));
      return out;
    });
    assert.equal(result.increment, 5);
    assert.equal(result.read, 5);
    assert.equal(result.state, "open");
    assert.deepEqual(result.failed, { code: "failed", name: "LatticeError", hasMessage: true, detail: { productId: "p1", quantity: -1 } });
    assert.equal((result.invalid as { code: string }).code, "invalid_input");
    assert.equal((result.unknownService as { code: string }).code, "unknown_service");
    assert.equal((result.unknownCommand as { code: string }).code, "unknown_command");
    assert.equal((result.closed as { code: string }).code, "closed");
    await bob.waitForFunction(() => (globalThis as unknown as PageGlobals).sdkStates.includes(5), undefined, { timeout: LIVE_MS });
    const states = await bob.evaluate(async () => {
      const g = globalThis as unknown as PageGlobals;
      g.sdkStop();
      await g.sdkClose();
      return g.sdkStates;
    });
    assert.deepEqual(states, [0, 5]);
  });

  it("edits made on both sides while the link is cut are in both pages after the heal", async (t) => {
    cluster.isolate(A, "drop");
    await until("the cut to be noticed", async () => !(await cluster.info(A)).peers.some((p) => p.connected) && !(await cluster.info(B)).peers.some((p) => p.connected));
    await alice.waitForSelector(`.peers li.down[data-peer="eu-west"]`, { timeout: LIVE_MS });

    // Both sides edit the cart and the notes.
    await alice.fill("#cart-name", "Cut on us-east");
    await alice.press("#cart-name", "Enter");
    await bob.fill("#cart-name", "Cut on eu-west");
    await bob.press("#cart-name", "Enter");
    await alice.click("#notes-text");
    await alice.press("#notes-text", "Control+End");
    await alice.keyboard.type(" {A cut}");
    await bob.click("#notes-text");
    await bob.press("#notes-text", "Control+Home");
    await bob.keyboard.type("{B cut} ");
    await alice.waitForSelector('#cart-items li[data-product="cut-on-us-east"]', { timeout: LIVE_MS });
    await bob.waitForSelector('#cart-items li[data-product="cut-on-eu-west"]', { timeout: LIVE_MS });
    // The cut is real: a second later neither side has the other's edits.
    await new Promise((r) => setTimeout(r, 1000));
    assert.equal((await cartOf(alice))["cut-on-eu-west"], undefined);
    assert.equal((await cartOf(bob))["cut-on-us-east"], undefined);
    assert.ok(!(await textOf(alice)).includes("{B cut}"));
    assert.ok(!(await textOf(bob)).includes("{A cut}"));

    const healAt = Date.now();
    cluster.heal();
    const want = "{B cut} [alice first] Hello from us-east. Hi from eu-west! (A) [bob last] {A cut}";
    await until(
      "both pages to show both sides' edits",
      async () => {
        const [ca, cb, ta, tb] = await Promise.all([cartOf(alice), cartOf(bob), textOf(alice), textOf(bob)]);
        const items = { "blue-mug": "× 3", "cut-on-eu-west": "× 1", "cut-on-us-east": "× 1" };
        return JSON.stringify(ca) === JSON.stringify(items) && JSON.stringify(cb) === JSON.stringify(items) && ta === want && tb === want;
      },
      HEAL_MS,
    );
    t.diagnostic(`healed: both pages complete ${Date.now() - healAt} ms after the heal`);
    await alice.waitForSelector(`.peers li.up[data-peer="eu-west"]`, { timeout: LIVE_MS });
    await bob.waitForSelector(`.peers li.up[data-peer="us-east"]`, { timeout: LIVE_MS });
  });

  it("presence shows both users online in both pages; screenshot of both regions", async () => {
    const shown = async (page: Page, selector: string) => (await page.$(selector)) !== null;
    await until("both users online in both pages", async () => {
      for (const page of [alice, bob]) {
        for (const user of ["alice", "bob"]) if (!(await shown(page, `#presence-list li[data-user="${user}"][data-online=true]`))) return false;
      }
      return true;
    });
    // The replicas dropped each other's awareness when the link went down; when the session
    // returned, each announced its own clients again, so the carets are back without anyone typing.
    await until("each page to show the other user's caret", async () => (await shown(alice, '#notes-overlay .caret[data-user="bob"]')) && (await shown(bob, '#notes-overlay .caret[data-user="alice"]')));
    assert.ok(browser);
    const shots = await Promise.all([alice.screenshot({ fullPage: true }), bob.screenshot({ fullPage: true })]);
    await sideBySide(
      browser,
      [
        { caption: `alice on ${cluster.node(A).region} (${cluster.httpUrl(A)})`, png: shots[0] },
        { caption: `bob on ${cluster.node(B).region} (${cluster.httpUrl(B)})`, png: shots[1] },
      ],
      join(SCREENSHOT_DIR, "demo-two-regions.png"),
    );
    assert.ok(existsSync(join(SCREENSHOT_DIR, "demo-two-regions.png")));
    // Nothing went wrong in either page so far.
    assert.deepEqual(errorsOf(alice), []);
    assert.deepEqual(errorsOf(bob), []);
  });

  it("closing bob's page takes him offline in alice's page on the other region", async (t) => {
    const t0 = Date.now();
    await bob.context().close();
    await alice.waitForSelector('#presence-list li[data-user="bob"][data-online=false]', { timeout: LIVE_MS });
    t.diagnostic(`bob's page closed on eu-west → offline on us-east in ${Date.now() - t0} ms`);
    await alice.waitForSelector('#presence-list li[data-user="alice"][data-online=true]');
    // His cursor leaves alice's notes too (the replica drops a closed socket's awareness).
    await alice.waitForSelector('#notes-overlay .caret[data-user="bob"]', { state: "detached", timeout: LIVE_MS });
    await alice.waitForSelector('#notes-peers li[data-user="bob"]', { state: "detached", timeout: LIVE_MS });
  });
});

describe("demo app in Chromium with auth on", { timeout: 60_000, skip: CHROMIUM_MISSING ?? false }, () => {
  const SECRET = "browser-test-secret-that-is-32-bytes-or-more";
  let node: LatticeNode;
  let browser: TestBrowser | undefined;

  before(async () => {
    ensureDemoBuilt();
    const config = loadConfig({ LATTICE_AUTH_SECRET: SECRET, LATTICE_CLUSTER_SECRET: "browser-test" }, ["--memory", "--port", "0", "--region", "auth-region"]);
    browser = await launchChromiumWhile(async () => {
      node = await startNode(config, { logger: false, services: await loadExamples() });
    });
  });
  after(async () => {
    await browser?.close();
    await node?.close();
  });

  it("with ?token= the page reads the replica, edits the cart and syncs notes; the token leaves the address bar", async () => {
    assert.ok(browser);
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ sub: "carol" }).setProtectedHeader({ alg: "HS256" }).setIssuedAt(now).setExpirationTime(now + 600).sign(new TextEncoder().encode(SECRET));
    const page = await browser.page();
    await page.goto(`${node.url}/?user=carol&room=auth&token=${token}`);
    await page.waitForSelector('#replica[data-region="auth-region"]', { timeout: LIVE_MS });
    await page.waitForSelector("#connection[data-state=open]", { timeout: LIVE_MS });
    await page.waitForSelector("#notes-status[data-synced=true]", { timeout: LIVE_MS });
    assert.ok(!page.url().includes("token="), page.url());
    await page.fill("#cart-name", "Key");
    await page.press("#cart-name", "Enter");
    await page.waitForSelector('#cart-items li[data-product="key"]', { timeout: LIVE_MS });
    await page.click("#notes-text");
    await page.keyboard.type("authorised");
    // What the page typed is in the replica's document (the notes view), read with the token.
    await waitFor(
      async () => {
        const res = await fetch(`${node.url}/v1/entities/notes/auth`, { headers: { authorization: `Bearer ${token}` } });
        return JSON.stringify(await res.json()).includes("authorised");
      },
      { timeoutMs: LIVE_MS, what: "the notes typed in the page on the replica" },
    );
    assert.deepEqual(errorsOf(page), []);
    await page.context().close();
  });

  it("without a token the page says how to get in instead of failing silently", async () => {
    assert.ok(browser);
    const page = await browser.page();
    await page.goto(`${node.url}/?user=mallory&room=auth`);
    await page.waitForSelector("#connection[data-state=closed]", { timeout: LIVE_MS });
    assert.equal(await page.textContent("#connection"), "closed (unauthorized)");
    await page.waitForFunction(() => /has auth on: open the page with \?token=/.test((globalThis as unknown as { document: { body: { textContent: string } } }).document.body.textContent), undefined, { timeout: LIVE_MS });
    await page.waitForSelector("#notes-error:not([hidden])", { timeout: LIVE_MS });
    await page.context().close();
  });
});
