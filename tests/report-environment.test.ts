import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { environmentInfo, withoutAnalytics } from '../support/evidence/allure-report';
import type { Scenario } from '../support/evidence/scenarios';

const scenario = (modules: string[]): Scenario => ({
  id: 'UAT-X-001',
  hasId: true,
  title: 'x',
  tags: { severity: 'normal', channels: [], requirements: [], modules } as Scenario['tags'],
  status: 'passed',
  results: [],
});

describe('report environment block', () => {
  it('takes the edition, the modules and the harness from run.json, not from the version string', () => {
    const info = environmentInfo(
      {
        runId: 'r1',
        odoo: { url: 'http://odoo', db: 'uat18', version: '18.0+e-20241005', edition: 'community' },
        modules: { sale_stock: true, helpdesk: false },
        harness: { version: '0.1.0', commit: 'abc123def456' },
        seed: 42,
      },
      [scenario(['sale_stock']), scenario(['helpdesk', 'sale_stock'])],
    );
    assert.equal(info['Odoo edition'], 'community');
    assert.equal(info['Modules the scenarios require'], 'helpdesk (missing), sale_stock (installed)');
    assert.equal(info['Harness commit'], 'abc123def456');
    assert.equal(info.Seed, '42');
  });

  it('names the shards of a merged run, with their runners and seeds, and a shard that did not report', () => {
    const shard = (index: number, host: string, seed: number) => ({ index, total: 3, runId: `s${index}`, host, commit: 'abc', seed, started: null, finished: null, exitCode: 0 });
    const info = environmentInfo({ runId: 'm1', shards: [shard(1, 'runner-a', 11), shard(3, 'runner-c', 33)], missingShards: [2] }, [scenario(['stock'])]);
    assert.equal(info.Shards, '1/3 run s1 on runner-a (seed 11, exit 0); 3/3 run s3 on runner-c (seed 33, exit 0); 2 did not report');
    assert.equal(environmentInfo({ runId: 'r2' }, [scenario(['stock'])]).Shards, undefined, 'an unsharded run has no Shards line');
  });

  it('says unknown rather than guessing for a run that did not record them', () => {
    const info = environmentInfo({ runId: 'r0' }, [scenario(['stock'])]);
    assert.equal(info['Odoo edition'], 'unknown');
    assert.equal(info['Modules the scenarios require'], 'stock');
    assert.match(info['Harness commit'] ?? '', /^[0-9a-f]{12}|unknown/);
  });

  it("takes Allure's analytics scripts out of the report page and leaves the rest as it was", () => {
    const analytics = `<script async src="https://www.googletagmanager.com/gtag/js?id=G-LNDJ3J7WT0"></script>\n    <script>\n        window.dataLayer = window.dataLayer || [];\n        function gtag(){dataLayer.push(arguments);}\n        gtag('js', new Date());\n        gtag('config', 'G-LNDJ3J7WT0', {"report": "awesome"});\n    </script>`;
    const page = `<body><script>window.allure = {};</script>\n    ${analytics}\n    <script>d("data/x","eyJ9")</script></body>`;
    assert.equal(withoutAnalytics(Buffer.from(page), 'index.html').toString(), page.replace(analytics, ''));
  });

  it("refuses a report page that would still call Google Analytics (an Allure template the harness does not know)", () => {
    const page = '<script>window.allure = {};</script><script src="https://www.googletagmanager.com/gtag/js?id=G-NEW" async></script>';
    assert.throws(() => withoutAnalytics(Buffer.from(page), 'index.html'), /index.html: Allure's page still loads Google Analytics/);
  });
});
