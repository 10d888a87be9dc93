import type { TestInfo } from '@playwright/test';

/**
 * Where the web-client driver leaves its evidence. Inside a Playwright test
 * each UI action becomes a step with its screenshot attached; outside one
 * (node:test, a script) the hook does nothing.
 */
export interface UiEvidence {
  step<T>(title: string, body: () => Promise<T>): Promise<T>;
  attach(name: string, body: Buffer | string, contentType: string): Promise<void>;
}

export const noEvidence: UiEvidence = {
  step: (_title, body) => body(),
  attach: async () => undefined,
};

type StepRunner = <T>(title: string, body: () => Promise<T>) => Promise<T>;

/**
 * Evidence for the running Playwright test: pass `test.step` and `test.info()`
 * (or playwright-bdd's `$testInfo`).
 */
export function playwrightEvidence(step: StepRunner, testInfo: Pick<TestInfo, 'attach'>): UiEvidence {
  return {
    step: (title, body) => step(title, body),
    attach: async (name, body, contentType) => testInfo.attach(name, { body, contentType }),
  };
}
