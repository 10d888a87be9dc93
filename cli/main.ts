import { HarnessError } from '../support/config/errors';
import { commands, usage } from './commands';

/**
 * Entry point of `uat`. Errors a person can act on print as one line per
 * problem with a non-zero exit; anything else is a harness bug and keeps its stack.
 */
async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage());
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    console.error(`uat: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  return (await command.load()).run(rest);
}

// `uat readiness | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof HarnessError) {
      for (const line of error.message.split('\n')) console.error(`uat: ${line}`);
      process.exitCode = error.exitCode;
    } else if (error instanceof TypeError && (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`uat: ${error.message}\n\n${usage()}`);
      process.exitCode = 2;
    } else {
      console.error(error);
      process.exitCode = 70;
    }
  },
);
