import type { Context, OdooClient, Values } from './client';

/** The part of an Odoo window action the harness follows. */
export interface WindowAction {
  type: 'ir.actions.act_window';
  res_model: string;
  res_id?: number | false;
  target?: string;
  context?: Context | string;
  domain?: unknown;
  name?: string;
}

export type OdooAction = WindowAction | { type: string; [key: string]: unknown };

export function isWindowAction(value: unknown): value is WindowAction {
  return !!value && typeof value === 'object' && (value as { type?: unknown }).type === 'ir.actions.act_window';
}

/** True for an action that opens a wizard in a dialog. */
export function isWizardAction(value: unknown): value is WindowAction {
  return isWindowAction(value) && value.target === 'new';
}

/**
 * Clicks a button (a public method) on records. Buttons return nothing, True
 * or an action to follow: the action is returned, anything else is null.
 */
export async function pressButton(
  client: OdooClient,
  model: string,
  ids: readonly number[],
  method: string,
  context?: Context,
): Promise<OdooAction | null> {
  const result = await client.call<unknown>(model, method, { ids, ...(context ? { context } : {}) });
  return result && typeof result === 'object' && 'type' in result ? (result as OdooAction) : null;
}

/**
 * A wizard opened the way the web client opens it: created with the context
 * the button returned (active_model, active_ids, default_*), then one of its
 * buttons pressed.
 */
export class Wizard {
  private constructor(
    private readonly client: OdooClient,
    readonly model: string,
    readonly id: number,
    readonly context: Context,
  ) {}

  /** Opens the wizard an action asks for, with that action's context and the given values. */
  static async fromAction(client: OdooClient, action: OdooAction, values: Values = {}): Promise<Wizard> {
    if (!isWizardAction(action)) {
      throw new Error(`expected a wizard, but the button returned ${describeAction(action)}`);
    }
    const context = actionContext(action);
    const id = await client.create(action.res_model, values, context);
    return new Wizard(client, action.res_model, id, context);
  }

  /** Opens a wizard on records directly, as its menu entry or button would (active_model/active_ids). */
  static async open(client: OdooClient, model: string, active: { model: string; ids: readonly number[] }, values: Values = {}, context: Context = {}): Promise<Wizard> {
    const wizardContext = { active_model: active.model, active_ids: [...active.ids], active_id: active.ids[0], ...context };
    const id = await client.create(model, values, wizardContext);
    return new Wizard(client, model, id, wizardContext);
  }

  read<T = Values>(fields: string[]): Promise<T> {
    return this.client.readOne<T>(this.model, this.id, fields, this.context);
  }

  async write(values: Values): Promise<void> {
    await this.client.write(this.model, [this.id], values, this.context);
  }

  /** Presses one of the wizard's buttons; returns the action it leads to, if any. */
  press(button: string): Promise<OdooAction | null> {
    return pressButton(this.client, this.model, [this.id], button, this.context);
  }
}

/**
 * The context a window action carries. Buttons return it as a dict; an action
 * read from its record holds Python source, which the harness does not evaluate.
 */
export function actionContext(action: WindowAction): Context {
  if (action.context === undefined || action.context === '') return {};
  if (typeof action.context === 'string') {
    throw new Error(`the action "${action.name ?? action.res_model}" carries its context as Python source, which the harness cannot evaluate: ${action.context}`);
  }
  return action.context;
}

/** The record a window action opens, if it opens exactly one. */
export function openedRecord(action: OdooAction | null): { model: string; id: number } | undefined {
  if (isWindowAction(action) && typeof action.res_id === 'number' && action.res_id > 0) {
    return { model: action.res_model, id: action.res_id };
  }
  return undefined;
}

function describeAction(action: OdooAction | null): string {
  if (!action) return 'nothing';
  return isWindowAction(action) ? `a window on ${action.res_model} (target ${action.target ?? 'current'})` : `an action of type ${action.type}`;
}
