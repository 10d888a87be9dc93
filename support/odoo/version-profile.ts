import { ConfigError } from '../config/errors';
import type { ServerVersion } from './server';

/**
 * Every difference between Odoo versions that the harness relies on lives
 * here, and nowhere else: tasks and page objects ask the profile, never the
 * version number.
 */
export interface VersionProfile {
  /** Major version this profile was built for (17, 18, 19). */
  major: number;
  /** Path that opens one record in the web client. */
  recordPath(model: string, id: number): string;
  /** The JSON-2 API (/json/2/<model>/<method>) exists from 19. */
  json2: boolean;
  /** res.users' many2many of groups: groups_id until 18, group_ids from 19. */
  userGroupsField: 'groups_id' | 'group_ids';
  /** A user's groups with those they imply: groups_id holds them on 17 and 18, 19 keeps them apart in all_group_ids (seen on 17, 18, 19). */
  userEffectiveGroupsField: 'groups_id' | 'all_group_ids';
  /** The picking form's one2many of stock moves: move_ids_without_package until 18, move_ids from 19. */
  pickingMovesField: 'move_ids_without_package' | 'move_ids';
  /** The return wizard's (stock.return.picking) button: create_returns until 17. */
  createReturnsButton: 'create_returns' | 'action_create_returns';
  /** The shop's address form (/shop/address) submit: the form's a.a-submit link ("Continue checkout") on 17, #save_address on 18, the main "Confirm" button from 19 (seen on 17, 18 and 19). */
  shopAddressSubmit: string;
  /** Groups a role needs on this version beyond its standard ones (see roles.ts). */
  extraRoleGroups: Record<string, string[]>;
  /** Path of a new record's form (17's router needs the model and view in the hash; 18 and 19 take /odoo/<model>/new, seen live). */
  newRecordPath(model: string): string;
  /** Path of a new task form inside a project (17, 18 and 19 checked). */
  newProjectTaskPath(project: number): string;
  /**
   * Where a form on a small screen (a tablet) keeps the status-bar buttons it
   * does not show: 17's "Action" dropdown in the status bar (17's source), 18's
   * cog menu in the control panel, 19's "More" button in the status bar (a bottom
   * sheet on touch screens; 18 and 19 seen at 712 px).
   */
  smallScreenButtonsMenu: string;
  /** Path of a new OCA helpdesk_mgmt ticket form: its Tickets action's path (helpdesk_mgmt's menu data, 18.0 and 19.0 branches; seen on 18 and 19). */
  newHelpdeskTicketPath: string;
  /** account.move's payments matched without a journal entry: matched_payment_ids from 18 (in the 18 and 19 sources; 17 has none). */
  invoiceMatchedPaymentsField: 'matched_payment_ids' | undefined;
  /** What makes a product storable: type 'product' on 17, type 'consu' with is_storable from 18 (seen on 17, 18 and 19). */
  storableProduct: { type: 'product' } | { type: 'consu'; is_storable: true };
  /** sale.order counts its closed tasks (closed_task_count) from 18; 17 shows only the task count (seen on 17). */
  orderCountsClosedTasks: boolean;
  /** The POS app's order sync (see operations/pos-order-payload.ts); 17's create_from_ui, which takes the app's own order format, is not driven yet (never seen live). */
  posOrderSync: PosOrderSync | undefined;
  /** The order a POS refund takes back: refunded_order_ids (many2many) on 17, refunded_order_id from 18 (in the 17, 18, 19 sources). */
  posRefundedOrderField: 'refunded_order_ids' | 'refunded_order_id';
  /**
   * Where the POS app's receipt shows the order's pos_reference, and the words
   * before it: 19's header "Ticket 261-41-000001" (seen live), 18's order data
   * "Order 00019-001-0001", the whole of which is the reference (18's
   * order_receipt.xml; 18's receipt not seen in the harness). 17: not driven.
   */
  posReceiptReference: { selector: string; prefix: RegExp } | undefined;
  /**
   * The address of a store's POS app, where hybrid mode drives it: 19's
   * /pos/ui/<config> (seen live). 17 and 18 serve it at /pos/ui?config_id=<config>
   * (their point_of_sale controllers) with other screens, not driven yet.
   */
  posAppPath: ((store: number) => string) | undefined;
  /** sale.order.line's taxes: tax_id until 18, tax_ids from 19 (in the 17, 18, 19 sources; seen on 18 and 19). */
  saleLineTaxesField: 'tax_id' | 'tax_ids';
}

/** How a version's POS app hands a paid order to Odoo. */
export interface PosOrderSync {
  /** pos.order's model method: sync_from_ui on 18 and 19, each order as pos.order values with its lines and payments as x2many commands. */
  method: 'sync_from_ui';
  /** Where the receipt number comes from: 18 takes the order's `name` as pos_reference; 19 numbers the order itself when pos_reference is not sent. */
  receiptNumber: 'sent as name' | 'numbered by Odoo';
  /** A line's taxes as the app sends them: link commands ([[4, id]]) on 18, plain ids on 19 (both seen from the live apps). */
  lineTaxes: 'link commands' | 'plain ids';
  /** 19's app marks a refund (is_refund, a field 18 lacks). */
  marksRefunds: boolean;
}

const profiles: Record<number, VersionProfile> = {
  17: {
    major: 17,
    recordPath: (model, id) => `/web#model=${model}&id=${id}&view_type=form`,
    newRecordPath: (model) => `/web#model=${model}&view_type=form`,
    smallScreenButtonsMenu: '.o_statusbar_buttons .dropdown-toggle',
    json2: false,
    userGroupsField: 'groups_id',
    userEffectiveGroupsField: 'groups_id',
    pickingMovesField: 'move_ids_without_package',
    createReturnsButton: 'create_returns',
    // 17's address form has no #save_address: its submit is a link that website_sale.js posts (seen on 17).
    shopAddressSubmit: 'form.checkout_autoformat a.a-submit',
    extraRoleGroups: {},
    // 17's router opens a new form only through an action: the project's task action, its default_project_id from active_id (seen on 17).
    newProjectTaskPath: (project) => `/web#action=project.act_project_project_2_project_task_all&active_id=${project}&model=project.task&view_type=form`,
    // 17 has no action paths: the Tickets action by its xml id (helpdesk_mgmt's 17.0 branch; not seen live).
    newHelpdeskTicketPath: '/web#action=helpdesk_mgmt.helpdesk_ticket_action&model=helpdesk.ticket&view_type=form',
    invoiceMatchedPaymentsField: undefined,
    storableProduct: { type: 'product' },
    orderCountsClosedTasks: false,
    posOrderSync: undefined,
    posRefundedOrderField: 'refunded_order_ids',
    saleLineTaxesField: 'tax_id',
    posReceiptReference: undefined,
    posAppPath: undefined,
  },
  18: {
    major: 18,
    recordPath: (model, id) => `/odoo/${model}/${id}`,
    newRecordPath: (model) => `/odoo/${model}/new`,
    smallScreenButtonsMenu: '.o_cp_action_menus button[data-tooltip="Actions"]',
    json2: false,
    userGroupsField: 'groups_id',
    userEffectiveGroupsField: 'groups_id',
    pickingMovesField: 'move_ids_without_package',
    createReturnsButton: 'action_create_returns',
    shopAddressSubmit: '#save_address',
    // With credit limits on, 18's order form reads the customer's credit_limit, which a
    // salesperson may not (seen on live 18; 19's form does not need it).
    extraRoleGroups: { SALES: ['account.group_account_readonly'] },
    newProjectTaskPath: (project) => `/odoo/project/${project}/tasks/new`,
    newHelpdeskTicketPath: '/odoo/helpdesk-tickets/new',
    invoiceMatchedPaymentsField: 'matched_payment_ids',
    storableProduct: { type: 'consu', is_storable: true },
    orderCountsClosedTasks: true,
    posOrderSync: { method: 'sync_from_ui', receiptNumber: 'sent as name', lineTaxes: 'link commands', marksRefunds: false },
    posRefundedOrderField: 'refunded_order_id',
    saleLineTaxesField: 'tax_id',
    posReceiptReference: { selector: '.pos-receipt-order-data > div:not(#order-date)', prefix: /^/ },
    posAppPath: undefined,
  },
  19: {
    major: 19,
    recordPath: (model, id) => `/odoo/${model}/${id}`,
    newRecordPath: (model) => `/odoo/${model}/new`,
    smallScreenButtonsMenu: '.o_statusbar_buttons button[title="More"]',
    json2: true,
    userGroupsField: 'group_ids',
    userEffectiveGroupsField: 'all_group_ids',
    pickingMovesField: 'move_ids',
    createReturnsButton: 'action_create_returns',
    shopAddressSubmit: '[name="website_sale_main_button"]:visible',
    extraRoleGroups: {},
    newProjectTaskPath: (project) => `/odoo/project/${project}/tasks/new`,
    newHelpdeskTicketPath: '/odoo/helpdesk-tickets/new',
    invoiceMatchedPaymentsField: 'matched_payment_ids',
    storableProduct: { type: 'consu', is_storable: true },
    orderCountsClosedTasks: true,
    posOrderSync: { method: 'sync_from_ui', receiptNumber: 'numbered by Odoo', lineTaxes: 'plain ids', marksRefunds: true },
    posRefundedOrderField: 'refunded_order_id',
    saleLineTaxesField: 'tax_ids',
    posReceiptReference: { selector: '.pos-receipt-vat', prefix: /^\s*(?:VAT\s+)?Ticket\s+/ },
    posAppPath: (store) => `/pos/ui/${store}`,
  },
};

/** The series every scenario has been seen passing on, rpc and hybrid. */
export const VERIFIED_SERIES = Object.keys(profiles).map((major) => `${major}.0`);

/** The profile of a verified major version (17, 18, 19). */
export function versionProfile(major: number): VersionProfile {
  const profile = profiles[major];
  if (!profile) throw new ConfigError(`Odoo ${major}.0 is outside the versions the harness is verified on (${VERIFIED_SERIES.join(', ')})`);
  return profile;
}

/**
 * The profile of a server, refusing one outside the verified series: on an
 * Odoo nobody has seen the scenarios pass on (a newer major, or an Online
 * "saas~" release), a failure could be the harness's as much as the rollout's.
 */
export function verifiedProfile(server: ServerVersion, url: string): VersionProfile {
  if (!VERIFIED_SERIES.includes(server.serverSerie)) {
    throw new ConfigError(
      `${url} runs Odoo ${server.serverVersion}, outside the versions the harness is verified on (${VERIFIED_SERIES.join(', ')}): ` +
        'its scenarios have not been seen on it, so results could not be trusted',
    );
  }
  return versionProfile(server.major);
}
