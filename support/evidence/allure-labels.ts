import type { TestInfo } from '@playwright/test';
import * as allure from 'allure-js-commons';
import { parseScenarioTags } from './scenario-tags';

/**
 * allure-playwright turns tags into `tag` labels only; this sets the labels
 * process owners browse by. Called by an automatic fixture for every scenario.
 */
export async function labelScenario(testInfo: Pick<TestInfo, 'tags' | 'title' | 'file'>): Promise<void> {
  const tags = parseScenarioTags(testInfo.tags, `${testInfo.file}: scenario "${testInfo.title}"`);
  const labels = [
    { name: 'severity', value: tags.severity },
    { name: 'story', value: tags.id ? `${tags.id} ${testInfo.title}` : testInfo.title },
    ...(tags.owner ? [{ name: 'owner', value: tags.owner }] : []),
    ...(tags.area ? [{ name: 'epic', value: tags.area }] : []),
    ...(tags.channel ? [{ name: 'feature', value: tags.channel }] : []),
    ...(tags.id ? [{ name: 'scenario', value: tags.id }] : []),
    ...tags.requirements.map((value) => ({ name: 'requirement', value })),
    ...tags.modules.map((value) => ({ name: 'requires', value })),
  ];
  await allure.labels(...labels);
}
