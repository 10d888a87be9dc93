import { OdooError } from './errors';

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
  /** The picking form's one2many of stock moves: move_ids_without_package until 18, move_ids from 19. */
  pickingMovesField: 'move_ids_without_package' | 'move_ids';
  /** The return wizard's (stock.return.picking) button: create_returns until 17. */
  createReturnsButton: 'create_returns' | 'action_create_returns';
  /** The shop's address form (/shop/address) submit: #save_address ("Continue checkout") on 18 (17 unchecked), the main "Confirm" button from 19. */
  shopAddressSubmit: string;
  /** Groups a role needs on this version beyond its standard ones (see roles.ts). */
  extraRoleGroups: Record<string, string[]>;
  /** Path of a new task form inside a project (18 and 19 checked; 17 unchecked). */
  newProjectTaskPath(project: number): string;
  /** account.move's payments matched without a journal entry: matched_payment_ids from 18 (in the 18 and 19 sources; 17 has none). */
  invoiceMatchedPaymentsField: 'matched_payment_ids' | undefined;
  /** What makes a product storable: type 'product' on 17, type 'consu' with is_storable from 18 (seen on 17, 18 and 19). */
  storableProduct: { type: 'product' } | { type: 'consu'; is_storable: true };
  /** sale.order counts its closed tasks (closed_task_count) from 18; 17 shows only the task count (seen on 17). */
  orderCountsClosedTasks: boolean;
}

const OLDEST_SUPPORTED = 17;

const profiles: Record<number, VersionProfile> = {
  17: {
    major: 17,
    recordPath: (model, id) => `/web#model=${model}&id=${id}&view_type=form`,
    json2: false,
    userGroupsField: 'groups_id',
    pickingMovesField: 'move_ids_without_package',
    createReturnsButton: 'create_returns',
    shopAddressSubmit: '#save_address',
    extraRoleGroups: {},
    newProjectTaskPath: (project) => `/web#model=project.task&view_type=form&default_project_id=${project}`,
    invoiceMatchedPaymentsField: undefined,
    storableProduct: { type: 'product' },
    orderCountsClosedTasks: false,
  },
  18: {
    major: 18,
    recordPath: (model, id) => `/odoo/${model}/${id}`,
    json2: false,
    userGroupsField: 'groups_id',
    pickingMovesField: 'move_ids_without_package',
    createReturnsButton: 'action_create_returns',
    shopAddressSubmit: '#save_address',
    // With credit limits on, 18's order form reads the customer's credit_limit, which a
    // salesperson may not (seen on live 18; 19's form does not need it).
    extraRoleGroups: { SALES: ['account.group_account_readonly'] },
    newProjectTaskPath: (project) => `/odoo/project/${project}/tasks/new`,
    invoiceMatchedPaymentsField: 'matched_payment_ids',
    storableProduct: { type: 'consu', is_storable: true },
    orderCountsClosedTasks: true,
  },
  19: {
    major: 19,
    recordPath: (model, id) => `/odoo/${model}/${id}`,
    json2: true,
    userGroupsField: 'group_ids',
    pickingMovesField: 'move_ids',
    createReturnsButton: 'action_create_returns',
    shopAddressSubmit: '[name="website_sale_main_button"]:visible',
    extraRoleGroups: {},
    newProjectTaskPath: (project) => `/odoo/project/${project}/tasks/new`,
    invoiceMatchedPaymentsField: 'matched_payment_ids',
    storableProduct: { type: 'consu', is_storable: true },
    orderCountsClosedTasks: true,
  },
};

/** The profile for a server's major version; a newer server gets the newest profile we know. */
export function versionProfile(major: number): VersionProfile {
  if (major < OLDEST_SUPPORTED) {
    throw new OdooError(`Odoo ${major}.0 is not supported: the harness needs Odoo ${OLDEST_SUPPORTED}.0 or newer`);
  }
  const known = Object.keys(profiles).map(Number);
  const best = Math.max(...known.filter((v) => v <= major));
  return profiles[best] as VersionProfile;
}
