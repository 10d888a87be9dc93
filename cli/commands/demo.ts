import { parseArgs } from 'node:util';
import type { Command } from './index';
import { readinessCommand } from './readiness';
import { reportCommand } from './report';
import { runCommand } from './run';

export const demoCommand: Command = {
  summary: 'a first look with no Odoo: run the shipped features against a recorded Odoo, then build the report, the sign-off pack and the verdict',
  usage: 'uat demo [--odoo 19|18]',
  run,
};

async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { odoo: { type: 'string', default: '19' } }, strict: true });
  console.log(`uat demo: no Odoo is used: every answer comes from a recording of a live Odoo ${values.odoo} (tests/recorded/targets/odoo${values.odoo}.json)`);
  const code = await runCommand.run(['--env', `recorded-${values.odoo}`]);
  await reportCommand.run(['--run', 'latest']);
  // The verdict is part of the look, whatever it says: a recorded run has no sign-offs yet.
  await readinessCommand.run(['--run', 'latest']);
  console.log('uat demo: open the Allure report and the sign-off pack above in a browser; the answers were recorded, not live');
  return code;
}
