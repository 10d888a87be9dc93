import { checkCommand } from './check';
import { demoCommand } from './demo';
import { doctorCommand } from './doctor';
import { historyCommand } from './history';
import { mergeCommand } from './merge';
import { readinessCommand } from './readiness';
import { reportCommand } from './report';
import { runCommand } from './run';
import { signoffCommand } from './signoff';
import { stepsCommand } from './steps';

export interface Command {
  summary: string;
  usage: string;
  run(args: string[]): Promise<number>;
}

export const commands: Record<string, Command> = {
  run: runCommand,
  check: checkCommand,
  doctor: doctorCommand,
  steps: stepsCommand,
  report: reportCommand,
  signoff: signoffCommand,
  readiness: readinessCommand,
  merge: mergeCommand,
  history: historyCommand,
  demo: demoCommand,
};

export function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}\n  ${' '.repeat(10)} ${c.usage}`);
  return `Usage: uat <command> [options]\n\nCommands:\n${lines.join('\n')}`;
}
