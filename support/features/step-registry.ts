import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { projectRoot } from '../config/sources';
import type { TableSpec } from '../data/tables';
import type { Role } from '../actors';
import type { TargetNeed } from '../odoo/target-needs';

export type StepKeyword = 'Given' | 'When' | 'Then';

/** A step an analyst can write, as the catalogue and `uat check` know it. */
export interface StepInfo {
  keyword: StepKeyword;
  /** The Cucumber expression, as written in steps/. */
  pattern: string;
  /** steps/<file>.steps.ts:line */
  definedAt: string;
  /** The table the step takes (its last argument), if any. */
  table?: TableSpec;
  /** What the step takes for granted on the target (checked by `uat doctor` and a run's preflight). */
  needs?: readonly TargetNeed[];
  /** Roles the step acts as that its text does not name with an {actor} (e.g. finance books a customer's payment). */
  actsAs?: readonly Role[];
}

/** A parameter type of our own ({actor}), with the words it accepts. */
export interface CustomParameter {
  name: string;
  values: string[];
}

const steps: StepInfo[] = [];
const parameters: CustomParameter[] = [];

export function registerStep(info: Omit<StepInfo, 'definedAt'>, definedAt = callerLocation()): void {
  steps.push({ ...info, definedAt });
}

export function registerParameter(parameter: CustomParameter): void {
  if (!parameters.some((p) => p.name === parameter.name)) parameters.push(parameter);
}

/** Every step registered by the step files imported so far, in file order. */
export function registeredSteps(): readonly StepInfo[] {
  return steps;
}

export function registeredParameters(): readonly CustomParameter[] {
  return parameters;
}

/** The steps/ file and line that called the step's definition (read off the stack, which tsx maps to the .ts source). */
function callerLocation(): string {
  const frames = (new Error().stack ?? '').split('\n').slice(1);
  for (const frame of frames) {
    const match = /(?:\(|at )((?:file:\/\/)?[^()]*?\.steps\.ts):(\d+):\d+\)?$/.exec(frame.trim());
    if (match) {
      const file = (match[1] as string).startsWith('file:') ? fileURLToPath(match[1] as string) : (match[1] as string);
      return `${path.relative(projectRoot, file)}:${match[2]}`;
    }
  }
  return 'steps/?';
}
