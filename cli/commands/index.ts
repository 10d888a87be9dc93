import { doctorCommand } from './doctor';
import { runCommand } from './run';

export interface Command {
  summary: string;
  usage: string;
  run(args: string[]): Promise<number>;
}

export const commands: Record<string, Command> = {
  run: runCommand,
  doctor: doctorCommand,
};

export function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}\n  ${' '.repeat(10)} ${c.usage}`);
  return `Usage: uat <command> [options]\n\nCommands:\n${lines.join('\n')}`;
}
