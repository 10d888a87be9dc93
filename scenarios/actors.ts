/**
 * The people of the scenarios, as analysts write them, and the role whose
 * Odoo user each acts as. One role per duty, so segregation of duties is
 * tested along with the process.
 */
export const ACTOR_ROLES: Record<string, string> = {
  'the account manager': 'SALES',
  'the salesperson': 'SALES',
  'the telesales agent': 'SALES',
  'the warehouse': 'WAREHOUSE',
  'the warehouse operator': 'WAREHOUSE',
  'the buyer': 'PURCHASE',
  finance: 'CREDIT',
  'the credit controller': 'CREDIT',
  'the service agent': 'SERVICE',
};

export function roleOf(actor: string): string {
  const role = ACTOR_ROLES[actor];
  if (!role) throw new Error(`"${actor}" is not a known actor: use one of ${Object.keys(ACTOR_ROLES).join(', ')}`);
  return role;
}
