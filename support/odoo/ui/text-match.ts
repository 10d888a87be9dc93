/**
 * A pattern for a text that is exactly the label, spaces around it aside: a
 * filter on hasText with a plain string takes any text containing it, so
 * S0001 would match S00012.
 */
export function exactly(label: string): RegExp {
  return new RegExp(`^\\s*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
}
