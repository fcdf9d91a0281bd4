import type { Json } from "../crdt/index.js";
import type { AuthClaims } from "./define-service.js";
import type { FunctionEngine } from "./engine.js";
import { toJson } from "./engine.js";
import type { LatticeError } from "./errors.js";
import { LatticeError as Err, toLatticeError } from "./errors.js";
import { checkInput } from "./registry.js";
import type { JournalEntry } from "./stream-journal.js";

export interface StreamRequest {
  readonly service: string;
  readonly key: string;
  readonly stream: string;
  readonly input: Json;
  readonly auth: AuthClaims;
}

/** Where a stream's messages go (a WebSocket subscription id, an SSE response, a test). */
export interface StreamSink {
  message(message: Json): void;
  /** The stream ended from the service side (ctx.end or entity deleted). */
  end(message?: Json): void;
  /** The stream failed (e.g. onChange tried to mutate state). */
  error(err: LatticeError): void;
}

export interface StreamHandle {
  /** Client cancel or disconnect: runs onClose (which may mutate), then releases the entity. */
  cancel(): Promise<void>;
}

/**
 * Opens a streamed command (SPEC §4): onOpen may mutate and return a first message; onChange runs
 * after every change of the converged state, one run at a time, read-only (also when a live-set
 * change changed the entity's vote tallies, see FunctionEngine.watch); onClose runs when the
 * client goes away. The entity stays cached while the stream is open.
 *
 * A stream with an onClose is recorded in the replica's store from before its onOpen until its
 * onClose ran (stream-journal.ts): if the process dies first, the next process on the store runs
 * the onClose (FunctionEngine.recoverStreams), at least once in all.
 */
export async function openStream(engine: FunctionEngine, req: StreamRequest, sink: StreamSink): Promise<StreamHandle> {
  const svc = engine.registry.get(req.service);
  const stream = svc.streams.get(req.stream);
  if (!stream) throw new Err("unknown_command", `service ${req.service} has no stream ${JSON.stringify(req.stream)}`);
  engine.checkKey(req.key);
  const info = () => engine.callInfo(req.service, req.key, req.stream, req.auth);
  await engine.authorizeStream(svc, info());
  checkInput(stream.validate, req.input);
  const def = stream.def;
  // ctx.local: one object for every hook of this stream (define-service.ts StreamContext).
  const local: Record<string, unknown> = {};

  const entity = await engine.replica.pin({ service: req.service, key: req.key }, svc.def.type);
  if (!entity) throw new Error("unreachable: pin with a type always yields an entity");
  let done = false;
  let stop: () => void = () => engine.replica.unpin(entity);
  let record: JournalEntry | undefined;
  /** Over without an onClose to run (ended by the service, failed, entity deleted). */
  const finish = (): void => {
    done = true;
    stop();
    void record?.remove().catch((err: unknown) => engine.replica.onError(err));
  };
  if (entity.deleted) {
    finish();
    throw new Err("entity_deleted", `${req.service}/${req.key} was deleted`);
  }

  try {
    if (def.onClose) record = await engine.streamJournal.open({ service: req.service, key: req.key, stream: req.stream, input: req.input, auth: req.auth });
    if (def.onOpen) {
      // Hooks run by name in the service's runtime (engine.runHook): a worker runs its own copy.
      const out = await engine.runHook(svc, info(), { stream: req.stream, phase: "onOpen", input: req.input, local }, { commit: true });
      await engine.runEffects(out, req.auth);
      if (out.reply !== undefined) sink.message(toJson(out.reply));
      if (out.ended) {
        finish();
        sink.end(out.ended.message);
        return { cancel: () => Promise.resolve() };
      }
      if (record && Object.keys(local).length > 0) await record.update(local);
    }
  } catch (err) {
    finish();
    throw toLatticeError(err);
  }

  // onChange runs one at a time; changes that arrive during a run coalesce into one more run.
  let running = false;
  let again = false;
  const onChange = def.onChange;
  const run = async (): Promise<void> => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        if (done) return;
        if (entity.deleted) {
          finish();
          sink.end();
          return;
        }
        if (!onChange) continue;
        // onChange is read-only: the runtime refuses writes ("onChange may not change state").
        const out = await engine.runHook(svc, info(), { stream: req.stream, phase: "onChange", input: req.input, local }, { commit: false });
        if (done) return;
        await engine.runEffects(out, req.auth);
        if (out.reply !== undefined) sink.message(toJson(out.reply));
        if (out.ended) {
          finish();
          sink.end(out.ended.message);
          return;
        }
      } while (again);
    } catch (err) {
      finish();
      sink.error(toLatticeError(err));
    } finally {
      running = false;
    }
  };
  stop = engine.watch(entity, () => void run());

  const close = async (): Promise<void> => {
    try {
      if (def.onClose && !entity.deleted) {
        const out = await engine.runHook(svc, info(), { stream: req.stream, phase: "onClose", input: req.input, local }, { commit: true });
        await engine.runEffects(out, req.auth);
      }
    } catch (err) {
      // A replica shutting down keeps the record: the next process runs this onClose.
      if (toLatticeError(err).code !== "unavailable") await record?.remove();
      throw err;
    }
    await record?.remove();
  };
  return {
    async cancel() {
      if (done) return;
      done = true;
      stop();
      // Tracked, so that a shutdown waits for it before the store closes.
      await engine.streamJournal.track(close());
    },
  };
}
