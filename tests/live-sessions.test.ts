import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { endSession, sessionStateThroughEndpoint } from '../support/odoo/ui/login';
import { liveEnvironment, liveSkipReason } from './support/live';

describe('role sessions on a live Odoo (UAT_LIVE_ENV)', { skip: liveSkipReason }, () => {
  it('a session the harness ends no longer logs anyone in, wherever its cookie was kept', async () => {
    const environment = liveEnvironment();
    const { url, db, admin } = environment.odoo;
    const state = await sessionStateThroughEndpoint(url, db, admin, 10_000);
    const sessionInfo = async () => {
      const response = await fetch(`${url}/web/session/get_session_info`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Cookie: `session_id=${state.cookies[0]?.value}` },
        body: JSON.stringify({ jsonrpc: '2.0', method: 'call', params: {} }),
      });
      return (await response.json()) as { result?: { uid?: number }; error?: { data?: { name?: string } } };
    };
    assert.ok((await sessionInfo()).result?.uid, 'the session logs in before');
    await endSession(url, state, 10_000);
    assert.equal((await sessionInfo()).error?.data?.name, 'odoo.http.SessionExpiredException', 'the session is over on the server after');
  });
});
