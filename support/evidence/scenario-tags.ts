import { ConfigError } from '../config/errors';

/** Allure's severities, in order from worst to least. */
export const SEVERITIES = ['blocker', 'critical', 'normal', 'minor', 'trivial'] as const;
export type Severity = (typeof SEVERITIES)[number];

/**
 * What a scenario's tags say about it. Feature tags come before scenario
 * tags, so for the single-valued keys the last tag wins: a scenario can
 * override its feature's owner or severity. Channels add up: an order taken
 * in one channel and finished in another belongs to both.
 */
export interface ScenarioTags {
  /** @UAT-O2C-001: the id that sign-off and readiness criteria refer to. */
  id?: string;
  /** @owner:order-to-cash: the process owner who signs the scenario off. */
  owner?: string;
  /** @area:<process area>: the Allure epic and the unit of readiness pass rates. */
  area?: string;
  /** @channel:wholesale (one tag per channel): the Allure features. */
  channels: string[];
  /** @severity:critical; "normal" when the feature does not say. */
  severity: Severity;
  /** @REQ-123 */
  requirements: string[];
  /** @requires:sale_stock: the Odoo modules the scenario needs. */
  modules: string[];
}

const ID = /^UAT-[A-Za-z0-9][A-Za-z0-9-]*$/;
const REQUIREMENT = /^REQ-[A-Za-z0-9][A-Za-z0-9-]*$/;

/** Reads the metadata tags (with or without their "@"); `where` names the scenario in errors. */
export function parseScenarioTags(tags: readonly string[], where: string): ScenarioTags {
  const parsed: ScenarioTags = { severity: 'normal', channels: [], requirements: [], modules: [] };
  for (const raw of tags) {
    const tag = raw.startsWith('@') ? raw.slice(1) : raw;
    const colon = tag.indexOf(':');
    const key = colon < 0 ? tag : tag.slice(0, colon);
    const value = colon < 0 ? '' : tag.slice(colon + 1);
    if (ID.test(tag)) parsed.id = tag;
    else if (REQUIREMENT.test(tag)) addOnce(parsed.requirements, tag);
    else if (key === 'owner' && value) parsed.owner = value;
    else if (key === 'area' && value) parsed.area = value;
    else if (key === 'channel' && value) addOnce(parsed.channels, value);
    else if (key === 'requires' && value) addOnce(parsed.modules, value);
    else if (key === 'severity') parsed.severity = severityOf(value, where);
  }
  return parsed;
}

function severityOf(value: string, where: string): Severity {
  if ((SEVERITIES as readonly string[]).includes(value)) return value as Severity;
  throw new ConfigError(`${where}: tag @severity:${value} is not one of ${SEVERITIES.map((s) => `@severity:${s}`).join(', ')}`);
}

function addOnce(list: string[], value: string): void {
  if (!list.includes(value)) list.push(value);
}
