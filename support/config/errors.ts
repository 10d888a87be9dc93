/**
 * Errors a person can act on. The CLI prints their message as is (no stack)
 * and exits with their code; anything else is a harness bug and keeps its stack.
 */
export class HarnessError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A configuration file or key is missing or wrong; the message names both. */
export class ConfigError extends HarnessError {}

/** The environment is not marked as a disposable test target. */
export class TestTargetRefused extends HarnessError {}
