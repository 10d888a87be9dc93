import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { HarnessError } from '../config/errors';
import { projectRoot, relativeToRoot } from '../config/sources';
import { registeredParameters, registeredSteps, type CustomParameter, type StepInfo } from './step-registry';

export interface StepDefinitions {
  steps: readonly StepInfo[];
  parameters: readonly CustomParameter[];
}

/**
 * Fills the step registry offline by importing every steps/*.steps.ts (the
 * CLI and the tests run under tsx, which loads TypeScript): nothing connects
 * to Odoo or starts a browser at import time.
 */
export async function loadStepDefinitions(stepsDir = path.join(projectRoot, 'steps')): Promise<StepDefinitions> {
  if (!existsSync(stepsDir)) throw new HarnessError(`${relativeToRoot(stepsDir)}: no step definitions folder`);
  const files = readdirSync(stepsDir)
    .filter((f) => f.endsWith('.steps.ts'))
    .sort();
  for (const file of files) {
    const full = path.join(stepsDir, file);
    try {
      await import(pathToFileURL(full).href);
    } catch (error) {
      throw new HarnessError(`${relativeToRoot(full)}: the step definitions could not be loaded: ${(error as Error).message.split('\n')[0]}`);
    }
  }
  return { steps: registeredSteps(), parameters: registeredParameters() };
}
