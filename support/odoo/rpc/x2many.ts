import type { Values } from './client';

/**
 * Odoo's x2many write commands, by name: what `order_line: [[0, 0, {...}]]`
 * means stays here, under support/odoo.
 */
export type X2ManyCommand = [0, 0, Values] | [1, number, Values] | [2, number] | [4, number] | [5, 0, 0] | [6, 0, number[]];

export const x2many = {
  /** A new line with these values. */
  create: (values: Values): X2ManyCommand => [0, 0, values],
  /** A line that exists, with new values. */
  update: (id: number, values: Values): X2ManyCommand => [1, id, values],
  /** Removes (and deletes) a line. */
  remove: (id: number): X2ManyCommand => [2, id],
  /** Adds an existing record to the relation. */
  link: (id: number): X2ManyCommand => [4, id],
  /** Empties the relation. */
  clear: (): X2ManyCommand => [5, 0, 0],
  /** Makes the relation exactly these records. */
  set: (ids: number[]): X2ManyCommand => [6, 0, ids],
};
