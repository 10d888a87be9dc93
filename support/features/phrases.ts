/** A parameter type's pattern: any of the phrases, longest first so "the warehouse operator" wins over "the warehouse". */
export function anyOfWords(values: readonly string[]): RegExp {
  return new RegExp([...values].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|'));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s');
}
