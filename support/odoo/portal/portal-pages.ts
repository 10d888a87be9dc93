import { OdooError } from '../errors';

/**
 * What the harness reads off the customer portal's pages, as Odoo renders
 * them (sale's and sale_stock's portal templates, the payment form), the
 * same on 18 and 19. Pure functions of the page's HTML: the rpc mode reads
 * the pages the buyer's session got, the hybrid mode the page its browser
 * shows.
 */

/** A delivery or an invoice the portal lists on an order, with the status its badge shows. */
export interface PortalDocument {
  id: number;
  name: string;
  /** The badge: Shipped, Preparation, Cancelled (deliveries); Paid, Waiting Payment, Authorized, Reversed (invoices). */
  status: string;
}

/** What the portal shows of one order. */
export interface PortalOrderView {
  /** "Quotation" or "Sales Order", as the page's heading says. */
  stage: string;
  /** The order's number, as the heading shows it. */
  name: string;
  /** The buttons the buyer is offered ("Sign & Pay", "Accept & Sign", "Accept & Pay", "Pay Now"), each once. */
  actions: string[];
  deliveries: PortalDocument[];
  invoices: PortalDocument[];
}

/** The payment form of an order's page (#o_payment_form) with its demo provider option: what the form posts to pay. */
export interface PaymentForm {
  amount: number;
  transactionRoute: string;
  landingRoute: string;
  accessToken: string;
  providerId: number;
  paymentMethodId: number;
}

const DELIVERY_STATUSES = ['Shipped', 'Preparation', 'Cancelled'];
const INVOICE_STATUSES = ['Paid', 'Waiting Payment', 'Authorized', 'Reversed'];

/** The CSRF token of a page's forms (the login form's, for one). */
export function csrfTokenOf(html: string, page: string): string {
  const token = startTags(html, 'input').find((input) => input.name === 'csrf_token')?.value;
  if (!token) throw new OdooError(`${page} has no form with a CSRF token: is it Odoo's page?`);
  return token;
}

/** The reason the login page gives for refusing a login ("Wrong login/password"), if it shows one. */
export function loginRefusalOf(html: string): string | undefined {
  const alert = /<p\b[^>]*class="[^"]*\balert-danger\b[^"]*"[^>]*>([\s\S]*?)<\/p>/.exec(html)?.[1];
  return alert === undefined ? undefined : textOf(alert);
}

/** The link (with its access token) a list of quotations or orders gives to an order, if it lists it. */
export function orderLinkIn(html: string, order: number): string | undefined {
  return startTags(html, 'a')
    .map((a) => a.href ?? '')
    .find((href) => new RegExp(`^/my/orders/${order}(?:[?#]|$)`).test(href));
}

/** What an order's portal page shows: heading, the buyer's buttons, the deliveries and invoices it lists. */
export function orderViewOf(html: string): PortalOrderView {
  const intro = between(html, 'id="introduction"', '</h2>');
  const heading = intro ? textOf(intro.slice(intro.indexOf('<h2'))) : '';
  const match = /^(.*?)\s*-\s*(\S+)$/.exec(heading);
  if (!match) throw new OdooError(`the page is not an order's portal page: it has no heading "Quotation - <number>" (found "${heading.slice(0, 80)}")`);
  const actions = [...new Set(blocksOf(html, /<a\b[^>]*data-bs-target="#modalaccept"[^>]*>/g).map((link) => textOf(link.slice(0, link.indexOf('</a>')))))];
  return { stage: match[1] as string, name: match[2] as string, actions, deliveries: deliveriesOf(html), invoices: invoicesOf(html) };
}

/** The payment form of the page and its demo provider option, or undefined when the page offers no payment. */
export function paymentFormOf(html: string): PaymentForm | undefined {
  const form = startTags(html, 'form').find((f) => f.id === 'o_payment_form');
  if (!form) return undefined;
  const demo = startTags(html, 'input').find((input) => input.name === 'o_payment_radio' && input['data-provider-code'] === 'demo');
  if (!demo) throw new OdooError('the payment form offers no demo provider: publish the demo provider (payment_demo) in test mode');
  const number = (value: string | undefined, what: string) => {
    const parsed = Number(value);
    if (value === undefined || value === '' || Number.isNaN(parsed)) throw new OdooError(`the payment form has no ${what}`);
    return parsed;
  };
  const text = (value: string | undefined, what: string) => {
    if (!value) throw new OdooError(`the payment form has no ${what}`);
    return value;
  };
  return {
    amount: number(form['data-amount'], 'amount'),
    transactionRoute: text(form['data-transaction-route'], 'transaction route'),
    landingRoute: text(form['data-landing-route'], 'landing route'),
    accessToken: text(form['data-access-token'], 'access token'),
    providerId: number(demo['data-provider-id'], 'demo provider id'),
    paymentMethodId: number(demo['data-payment-option-id'], 'demo payment method id'),
  };
}

/** The "Last Delivery Orders" of the page: each delivery's link, name and badge (returns are listed apart, and left out). */
function deliveriesOf(html: string): PortalDocument[] {
  return blocksOf(html, /<div\b[^>]*name="delivery_order"[^>]*>/g).map((block) => documentIn(block, /\/my\/picking\/pdf\/(\d+)/, DELIVERY_STATUSES, 'delivery'));
}

/** The "Last Invoices" of the page: each invoice's link, name and badge. */
function invoicesOf(html: string): PortalDocument[] {
  const section = between(html, 'id="sale_invoices"', 'name="delivery_order"') ?? between(html, 'id="sale_invoices"', '<section');
  if (!section) return [];
  return blocksOf(section, /<a\b[^>]*href="\/my\/invoices\/\d+[^"]*"[^>]*>/g).map((block) => documentIn(block, /\/my\/invoices\/(\d+)/, INVOICE_STATUSES, 'invoice'));
}

/** One listed document: the id in its link, the name the link shows, and the first known badge after it. */
function documentIn(block: string, link: RegExp, statuses: string[], kind: string): PortalDocument {
  const id = Number(link.exec(block)?.[1]);
  const name = textOf(between(block, '>', '</a>') ?? '');
  const after = textOf(block.slice(block.indexOf('</a>')));
  const status = statuses.map((s) => ({ s, at: after.indexOf(s) })).filter(({ at }) => at >= 0).sort((a, b) => a.at - b.at)[0]?.s;
  if (!id || !name) throw new OdooError(`the portal lists a ${kind} without its link or name: ${textOf(block).slice(0, 120)}`);
  return { id, name, status: status ?? `none of ${statuses.join(', ')} (shows "${after.slice(0, 60)}")` };
}

/** The pieces of the page from each match of the start pattern to the next (the last to the end). */
function blocksOf(html: string, start: RegExp): string[] {
  const starts = [...html.matchAll(start)].map((m) => m.index);
  return starts.map((at, i) => html.slice(at, starts[i + 1] ?? html.length));
}

function between(html: string, from: string, to: string): string | undefined {
  const start = html.indexOf(from);
  if (start < 0) return undefined;
  const end = html.indexOf(to, start + from.length);
  return end < 0 ? undefined : html.slice(start + from.length, end);
}

/** The attributes of every start tag of a kind, entity-decoded. */
function startTags(html: string, tag: string): Record<string, string>[] {
  return [...html.matchAll(new RegExp(`<${tag}\\b([^>]*)>`, 'gi'))].map(([, attributes]) =>
    Object.fromEntries([...(attributes ?? '').matchAll(/([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)].map(([, name, double, single]) => [name as string, decodeEntities(double ?? single ?? '')])),
  );
}

/** The text a fragment shows: tags dropped, entities decoded, spaces squeezed. */
export function textOf(fragment: string): string {
  return decodeEntities(fragment.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
}
