/**
 * The people of the scenarios, as analysts write them, and the role whose
 * Odoo user each acts as. One role per duty, so segregation of duties is
 * tested along with the process.
 */
export const ACTOR_ROLES = {
  'the account manager': 'SALES',
  'the salesperson': 'SALES',
  'the telesales agent': 'SALES',
  'the field sales rep': 'SALES',
  'the warehouse': 'WAREHOUSE',
  'the warehouse operator': 'WAREHOUSE',
  'the buyer': 'PURCHASE',
  finance: 'CREDIT',
  'the credit controller': 'CREDIT',
  'the service agent': 'SERVICE',
  'the cashier': 'CASHIER',
  'the click and collect cashier': 'COLLECT_CASHIER',
} as const satisfies Record<string, string>;

export type ActorPhrase = keyof typeof ACTOR_ROLES;
export type Role = (typeof ACTOR_ROLES)[ActorPhrase];

/** Who performs a step: the analyst's words and the role whose user acts. */
export interface Actor {
  readonly phrase: ActorPhrase;
  readonly role: Role;
}

export const ACTOR_PHRASES = Object.keys(ACTOR_ROLES) as ActorPhrase[];

export function actorOf(phrase: string): Actor {
  if (!(phrase in ACTOR_ROLES)) throw new Error(`"${phrase}" is not a known actor: use one of ${ACTOR_PHRASES.join(', ')}`);
  return { phrase: phrase as ActorPhrase, role: ACTOR_ROLES[phrase as ActorPhrase] };
}
