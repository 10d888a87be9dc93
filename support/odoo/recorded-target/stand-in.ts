import { relativeToRoot } from '../../config/sources';
import { ConfigError } from '../../config/errors';
import type { HarnessEnvironment } from '../../config/environment';
import { everySecretOf } from '../roles';
import { RECORDED_TARGET_VARIABLE } from '../portal/recorded-targets';
import { loadRecording, saveRecording, sourceDigests, staleSources, type TargetRecording } from './recording';
import { startRecordingProxy } from './recording-proxy';
import { startReplayServer } from './replay-server';

/** The run tag a recorded run's namespaces are made from, in the recording and every replay of it. */
const RECORDED_RUN_TAG = 'recorded-run';

/**
 * Where a run's RPC goes: the environment's Odoo as it is; through a proxy
 * that records it (`uat run --record FILE`); or, for an environment with
 * UAT_RECORDING, to a local server answering from a recording instead of Odoo.
 */
export interface RunTarget {
  environment: HarnessEnvironment;
  /** Process variables for the test workers (the stand-in's URL, the pinned namespace and seed). */
  childEnv: Record<string, string>;
  /** The seed a recording pins, if any. */
  seed?: number;
  /** A recording is being made or replayed: the run then holds no key of its own. */
  recorded: boolean;
  /** One line to print before the run, saying where the answers come from. */
  banner?: string;
  /** Ends the stand-in: saves the recording, or reports the requests a replay did not hold. */
  close(finished: { server: string; transport: string; seed: number }): Promise<string[]>;
  /** Ends the stand-in of a run that could not start, keeping nothing. */
  abort(): Promise<void>;
}

export async function openRunTarget(environment: HarnessEnvironment, options: { record?: string; features: string[] }): Promise<RunTarget> {
  const secrets = everySecretOf(environment);
  if (options.record && environment.recording) throw new ConfigError(`${environment.file}: UAT_RECORDING makes this a recorded target; record against a live Odoo's environment`);
  if ((options.record || environment.recording) && environment.mode !== 'rpc') {
    throw new ConfigError(`${environment.file}: a recorded target answers RPC only: run it with --mode rpc (this run is in ${environment.mode} mode)`);
  }
  if (options.record) {
    const file = options.record;
    const proxy = await startRecordingProxy(environment.odoo.url, secrets);
    return {
      environment: withUrl(environment, proxy.url),
      childEnv: { ODOO_URL: proxy.url, UAT_NAMESPACE_RUN: RECORDED_RUN_TAG, [RECORDED_TARGET_VARIABLE]: 'true' },
      recorded: true,
      banner: `recording every RPC request and answer into ${relativeToRoot(file)}`,
      async close({ server, transport, seed }) {
        await proxy.close();
        const features = options.features.map((f) => relativeToRoot(f));
        const recording: TargetRecording = { format: 1, server, transport, recordedAt: new Date().toISOString(), namespaceRun: RECORDED_RUN_TAG, seed, features, sources: sourceDigests(features), exchanges: proxy.exchanges };
        saveRecording(file, recording);
        return [`recorded ${proxy.exchanges.length} exchanges into ${relativeToRoot(file)}`];
      },
      abort: () => proxy.close(),
    };
  }
  if (environment.recording) {
    const recording = loadRecording(environment.recording);
    const stale = staleSources(recording);
    const replay = await startReplayServer(recording, secrets);
    return {
      environment: withUrl(environment, replay.url),
      childEnv: { ODOO_URL: replay.url, UAT_NAMESPACE_RUN: recording.namespaceRun, UAT_SEED: String(recording.seed), [RECORDED_TARGET_VARIABLE]: 'true' },
      recorded: true,
      seed: recording.seed,
      banner:
        `the answers come from a recording of Odoo ${recording.server} (${recording.transport}) made on ${recording.recordedAt.slice(0, 10)}, not from a live Odoo` +
        (stale.length ? `; these files changed since, so expect misses: ${stale.join(', ')}` : ''),
      async close() {
        await replay.close();
        return replay.misses.length ? [`${replay.misses.length} requests were not in the recording; the first: ${replay.misses[0]}`] : [];
      },
      abort: () => replay.close(),
    };
  }
  return { environment, childEnv: {}, recorded: false, close: async () => [], abort: async () => undefined };
}

function withUrl(environment: HarnessEnvironment, url: string): HarnessEnvironment {
  return { ...environment, odoo: { ...environment.odoo, url } };
}
