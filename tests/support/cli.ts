import { spawn } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '../../support/config/sources';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `uat` as a user would, in a child process, with the given extra environment. */
export function runCli(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(projectRoot, 'bin', 'uat.js'), ...args], {
      cwd: projectRoot,
      env: { ...cleanEnvironment(), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** The parent's environment without harness keys, so a developer's shell cannot change a test's outcome. */
function cleanEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(UAT|ODOO)_/.test(key)));
}
