import path from 'node:path';
import { parseArgs } from 'node:util';
import { findShardRuns, mergeShards, shardProblems } from '../../support/evidence/shards';

/** A shard that did not report or did not finish leaves the merged run incomplete: the pipeline learns it here too, not only from readiness. */
const INCOMPLETE = 1;

export async function run(args: string[]): Promise<number> {
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
