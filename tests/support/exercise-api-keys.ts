import type { HarnessEnvironment } from '../../support/config/environment';
import { Secret } from '../../support/config/secret';
import { ApiKeyRing } from '../../support/odoo/rpc/api-keys';
import { Json2Transport } from '../../support/odoo/rpc/json2-transport';
import type { Outcome } from './exercise-gateway';

/**
 * A key's life as a run lives it, one labelled step each: made from the
 * password through the web session (identity check included), used over
 * JSON-2, revoked, and refused once revoked. Recorded live, replayed offline.
 */
export async function exerciseApiKeys(environment: HarnessEnvironment, mark: (label: string) => void): Promise<Record<string, Outcome>> {
  const outcomes: Record<string, Outcome> = {};
  const step = async (label: string, action: () => Promise<unknown>) => {
    mark(label);
    outcomes[label] = await action().then(
      (value) => ({ value }),
      (error: Error) => ({ error }),
    );
  };
  const { url, db, timeoutMs, admin } = environment.odoo;
  const ring = new ApiKeyRing({ url, db, timeoutMs, label: 'recording' });
  const json2 = (apiKey: Awaited<ReturnType<ApiKeyRing['keyFor']>>) => new Json2Transport({ url, db, login: admin.login, apiKey, timeoutMs });
  await step('wrong-password', () => new ApiKeyRing({ url, db, timeoutMs, label: 'recording' }).keyFor(admin.login, new Secret('not-the-password')));
  await step('make-key', () => ring.keyFor(admin.login, admin.password));
  const key = await ring.keyFor(admin.login, admin.password);
  await step('use-key', () => json2(key).authenticate());
  await step('revoke', () => ring.revokeAll());
  await step('revoked-key', () => json2(key).authenticate());
  return outcomes;
}
