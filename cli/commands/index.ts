export interface Command {
  summary: string;
  usage: string;
  /** The command's module (cli/commands/<name>.ts), loaded when it runs: `uat run` starts without what `uat report` needs. */
  load(): Promise<{ run(args: string[]): Promise<number> }>;
}

export const commands: Record<string, Command> = {
  run: {
    summary: 'generate the specs from the features and run them against an environment',
    usage: 'uat run --env NAME|FILE.env [--profile NAME] [--tags EXPR] [--mode hybrid|rpc] [--workers N] [--shard I/N] [--headed] [--record FILE] [FEATURE ...]',
    load: () => import('./run'),
  },
  check: {
    summary: 'check feature files offline: syntax, steps, tables and tags, every problem at once',
    usage: 'uat check [--tags EXPR] [FEATURE|FOLDER ...]   (default: features/**/*.feature)',
    load: () => import('./check'),
  },
  doctor: {
    summary: 'check a target: reachable, verified version, role logins and groups, and the modules, settings and rights each feature needs',
    usage: 'uat doctor --env NAME|FILE.env',
    load: () => import('./doctor'),
  },
  steps: {
    summary: 'print every step a feature can use, with its parameters, table columns and an example',
    usage: 'uat steps [--markdown]',
    load: () => import('./steps'),
  },
  report: {
    summary: "build a run's Allure report (one HTML file, or a folder to serve) and its sign-off pack (a page per process owner)",
    usage: 'uat report [--run RUN|latest] [--ledger FILE] [--history DIR] [--multi-file]',
    load: () => import('./report'),
  },
  signoff: {
    summary: 'record, show and verify process-owner sign-offs (ledger: signoff/ledger.jsonl)',
    usage:
      'uat signoff approve|reject --run RUN --scenario ID --owner NAME --comment TEXT [--key SSH_KEY] [--ledger FILE]\n' +
      `${' '.repeat(13)}uat signoff status [--run RUN|latest] [--ledger FILE]\n${' '.repeat(13)}uat signoff verify [--ledger FILE]`,
    load: () => import('./signoff'),
  },
  readiness: {
    summary: 'decide GO, GO WITH RISK or NO-GO for a run against the readiness criteria',
    usage: 'uat readiness [--run RUN|latest] [--criteria FILE] [--ledger FILE] [--strict]',
    load: () => import('./readiness'),
  },
  merge: {
    summary: "join the run folders of a rehearsal's shards (uat run --shard I/N) into one run, for report, sign-off and readiness",
    usage: 'uat merge DIR... (shard run folders, or folders holding them, as CI artifacts unpack)',
    load: () => import('./merge'),
  },
  history: {
    summary: 'compare a run with the earlier runs of its environment: pass rate per area, new failures, fixed, flaky, duration trends',
    usage: 'uat history [--run RUN|latest] [--history DIR] [--last N] [--json]',
    load: () => import('./history'),
  },
  demo: {
    summary: 'a first look with no Odoo: run the shipped features against a recorded Odoo, then build the report, the sign-off pack and the verdict',
    usage: 'uat demo [--odoo 19|18]',
    load: () => import('./demo'),
  },
};

export function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}\n  ${' '.repeat(10)} ${c.usage}`);
  return `Usage: uat <command> [options]\n\nCommands:\n${lines.join('\n')}`;
}
