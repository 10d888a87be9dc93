import path from 'node:path';
import { parseArgs } from 'node:util';
import { findShardRuns, mergeShards, shardProblems } from '../../support/evidence/shards';
import type { Command } from './index';

export const mergeCommand: Command = {
  summary: "join the run folders of a rehearsal's shards (uat run --shard I/N) into one run, for report, sign-off and readiness",
  usage: 'uat merge DIR... (shard run folders, or folders holding them, as CI artifacts unpack)',
  run,
};

/** A shard that did not report or did not finish leaves the merged run incomplete: the pipeline learns it here too, not only from readiness. */
const INCOMPLETE = 1;

async function run(args: string[]): Promise<number> {
  const { positionals: folders } = parseArgs({ args, allowPositionals: true, options: {}, strict: true });
  const merged = mergeShards(findShardRuns(folders));
  for (const shard of merged.info.shards ?? []) {
    const outcome = shard.exitCode === null ? 'did not finish' : `exit code ${shard.exitCode}`;
    console.log(`uat: shard ${shard.index}/${shard.total}: run ${shard.runId} on ${shard.host ?? 'an unknown host'}, ${outcome}`);
  }
  const problems = shardProblems(merged.info);
  for (const problem of problems) console.log(`uat: ${problem}: readiness cannot be GO`);
  console.log(`uat: merged ${merged.info.shards?.length ?? 0} shard(s) into run ${merged.runId}: ${path.relative(process.cwd(), merged.dir)}`);
  return problems.length ? INCOMPLETE : 0;
}
