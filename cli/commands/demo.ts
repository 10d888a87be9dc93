import { parseArgs } from 'node:util';
import { run as decideReadiness } from './readiness';
import { run as buildReport } from './report';
import { run as runSuite } from './run';

export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { odoo: { type: 'string', default: '19' } }, strict: true });
  console.log(`uat demo: no Odoo is used: every answer comes from a recording of a live Odoo ${values.odoo} (tests/recorded/targets/odoo${values.odoo}.json)`);
  const code = await runSuite(['--env', `recorded-${values.odoo}`]);
  await buildReport(['--run', 'latest']);
  // The verdict is part of the look, whatever it says: a recorded run has no sign-offs yet.
  await decideReadiness(['--run', 'latest']);
  console.log('uat demo: open the Allure report and the sign-off pack above in a browser; the answers were recorded, not live');
  return code;
}
