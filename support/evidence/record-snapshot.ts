import { escapeHtml, safeHref } from './html';

/** One business record a scenario touched, as the evidence shows it. */
export interface RecordSnapshot {
  /** The scenario's name for it: "the order", "the backorder". */
  label: string;
  model: string;
  id: number;
  displayName: string;
  /** Deep link that opens the record in the Odoo web client. */
  url: string;
  /** Field values as read over RPC (many2one as [id, name], as Odoo returns them). */
  fields: Record<string, unknown>;
}

/** Marks the JSON attachment of a record snapshot, so reports can find it among other attachments. */
export const RECORD_KIND = 'odoo-record';

export interface RecordDocument extends RecordSnapshot {
  kind: typeof RECORD_KIND;
}

export function isRecordDocument(value: unknown): value is RecordDocument {
  const v = value as Partial<RecordDocument> | null;
  return typeof v === 'object' && v !== null && v.kind === RECORD_KIND && typeof v.model === 'string' && typeof v.fields === 'object';
}

/** A field value as a person reads it: names instead of [id, name] pairs, "—" for Odoo's false. */
export function readableValue(value: unknown): string {
  if (value === false || value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) {
    if (value.length === 2 && typeof value[0] === 'number' && typeof value[1] === 'string') return `${value[1]} (#${value[0]})`;
    return value.length === 0 ? '—' : value.map(readableValue).join(', ');
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** The record as an HTML table fragment (used in the Allure attachment and the sign-off pack). */
export function recordTable(record: RecordSnapshot): string {
  const href = safeHref(record.url);
  const title = `${escapeHtml(record.label)}: ${escapeHtml(record.displayName)}`;
  const rows = Object.entries(record.fields)
    .map(([name, value]) => `<tr><th>${escapeHtml(name)}</th><td>${escapeHtml(readableValue(value))}</td></tr>`)
    .join('');
  return (
    `<table class="record"><caption>${title} <small>${escapeHtml(record.model)} #${record.id}</small>` +
    (href ? ` <a href="${escapeHtml(href)}">open in Odoo</a>` : '') +
    `</caption><tbody>${rows}</tbody></table>`
  );
}

/** A whole HTML page for the record, so Allure shows it readable on its own. */
export function recordPage(record: RecordSnapshot): string {
  const style =
    'body{font:14px system-ui,sans-serif;margin:1em}table{border-collapse:collapse}caption{text-align:left;font-weight:600;padding:.3em 0}' +
    'th,td{border:1px solid #ccc;padding:.25em .6em;text-align:left;vertical-align:top}th{background:#f4f4f4;font-weight:500}';
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(record.displayName)}</title><style>${style}</style></head><body>${recordTable(record)}</body></html>`;
}
