import path from 'node:path';
import { parseArgs } from 'node:util';
import { findShardRuns, mergeShards } from '../../support/evidence/shards';
import type { Command } from './index';

export const mergeCommand: Command = {
  summary: "join the run folders of a rehearsal's shards (uat run --shard I/N) into one run, for report, sign-off and readiness",
  usage: 'uat merge DIR... (shard run folders, or folders holding them, as CI artifacts unpack)',
  run,
};

/** A shard that did not report leaves the merged run incomplete: the pipeline learns it here too, not only from readiness. */
const INCOMPLETE = 1;

async function run(args: string[]): Promise<number> {
  const { positionals: folders } = parseArgs({ args, allowPositionals: true, options: {}, strict: true });
  const shards = findShardRuns(folders);
  const merged = mergeShards(shards);
  const shown = path.relative(process.cwd(), merged.dir);
  for (const shard of merged.info.shards ?? []) {
    const outcome = shard.exitCode === null ? 'did not finish' : `exit code ${shard.exitCode}`;
    console.log(`uat: shard ${shard.index}/${shard.total}: run ${shard.runId} on ${shard.host ?? 'an unknown host'}, ${outcome}`);
  }
  for (const index of merged.info.missingShards ?? []) console.log(`uat: shard ${index}/${merged.info.shards?.[0]?.total ?? '?'} did not report: its scenarios have no result, and readiness cannot be GO`);
  console.log(`uat: merged ${shards.length} shard(s) into run ${merged.runId}: ${shown}`);
  return merged.info.missingShards?.length ? INCOMPLETE : 0;
}
