import { CucumberExpression, ParameterType, ParameterTypeRegistry } from '@cucumber/cucumber-expressions';
import { editDistance, nearest } from '../data/tables';
import { anyOfWords } from './phrases';
import type { CustomParameter, StepInfo } from './step-registry';

/** Up to five words without quotes: what an unknown {actor} phrase may look like. */
const ANY_PHRASE = /[^\s"]+(?:\s+[^\s"]+){0,4}/;

/** How near a sentence must be (word-level distance over length) to be offered as "did you mean". */
const NEAR_ENOUGH = 0.5;
/** How much further than the nearest sentence another may be and still be offered. */
const CLOSE_BEHIND = 0.15;

interface Compiled {
  step: StepInfo;
  expression: CucumberExpression;
  /** The same pattern with {actor} taking any phrase, to tell an unknown actor from an unknown step. */
  anyActor?: CucumberExpression;
  words: PatternWord[];
}

/** A word of a pattern: the words it accepts ("unit(s)" takes unit and units), or a parameter. */
type PatternWord = { kind: 'word'; accepts: string[] } | { kind: 'parameter'; name: string };

export type StepVerdict =
  | { kind: 'defined'; step: StepInfo }
  | { kind: 'ambiguous'; steps: StepInfo[] }
  | { kind: 'undefined'; unknownActor?: { phrase: string; step: StepInfo; near?: string }; nearest: StepInfo[] };

/**
 * Matches step texts against the step definitions the way playwright-bdd
 * does (Cucumber expressions, whatever the keyword), and for a step that
 * matches none says what was probably meant.
 */
export class StepMatcher {
  readonly #compiled: Compiled[];
  readonly #parameters: readonly CustomParameter[];

  constructor(steps: readonly StepInfo[], parameters: readonly CustomParameter[]) {
    this.#parameters = parameters;
    const registry = new ParameterTypeRegistry();
    const wildcard = new ParameterTypeRegistry();
    for (const { name, values } of parameters) {
      registry.defineParameterType(new ParameterType(name, anyOfWords(values), String, (value: string) => value));
      wildcard.defineParameterType(new ParameterType(name, ANY_PHRASE, String, (value: string) => value));
    }
    this.#compiled = steps.map((step) => ({
      step,
      expression: new CucumberExpression(step.pattern, registry),
      ...(step.pattern.includes('{actor}') && parameters.some((p) => p.name === 'actor') ? { anyActor: new CucumberExpression(step.pattern, wildcard) } : {}),
      words: patternWords(step.pattern),
    }));
  }

  /** The step definitions a step's text matches. */
  matches(text: string): StepInfo[] {
    return this.#compiled.filter((c) => c.expression.match(text) !== null).map((c) => c.step);
  }

  /** The {actor} phrases a step's text names, as the step it matches reads them. */
  actorsIn(text: string): string[] {
    const [match] = this.#compiled.flatMap((c) => {
      const args = c.expression.match(text);
      return args ? [args] : [];
    });
    return (match ?? []).filter((a) => a.parameterType.name === 'actor').map((a) => String(a.getValue(null)));
  }

  verdict(text: string): StepVerdict {
    const matched = this.matches(text);
    if (matched.length === 1) return { kind: 'defined', step: matched[0] as StepInfo };
    if (matched.length > 1) return { kind: 'ambiguous', steps: matched };
    const actors = this.#parameters.find((p) => p.name === 'actor')?.values ?? [];
    for (const c of this.#compiled) {
      const args = c.anyActor?.match(text);
      if (!args) continue;
      const phrase = String(args.find((a) => a.parameterType.name === 'actor')?.getValue(null) ?? '');
      if (actors.includes(phrase)) continue;
      // An actor is offered only when it is a typo away, not merely as long.
      const near = nearest(phrase, actors.filter((a) => editDistance(a.toLowerCase(), phrase.toLowerCase()) <= 3));
      return { kind: 'undefined', unknownActor: { phrase, step: c.step, ...(near ? { near } : {}) }, nearest: [c.step] };
    }
    return { kind: 'undefined', nearest: this.nearest(text) };
  }

  /** The 1 to 3 step definitions whose sentences are nearest to the text, word by word; none when nothing is near. */
  nearest(text: string, most = 3): StepInfo[] {
    const words = textWords(text, this.#parameters);
    const scored = this.#compiled
      .map((c) => ({ step: c.step, score: wordDistance(words, c.words) / Math.max(words.length, c.words.length, 1) }))
      .filter((s) => s.score <= NEAR_ENOUGH)
      .sort((a, b) => a.score - b.score);
    const best = scored[0]?.score ?? 0;
    // Others only when they are nearly as near as the nearest: one clear candidate is worth more than three.
    return scored
      .filter((s) => s.score <= best + CLOSE_BEHIND)
      .slice(0, most)
      .map((s) => s.step);
  }
}

/** A pattern as words: parameters kept as such, optional text ("unit(s)") and alternatives ("a/an") expanded. */
function patternWords(pattern: string): PatternWord[] {
  return pattern
    .split(/\s+/)
    .filter(Boolean)
    .map((raw): PatternWord => {
      const parameter = /^\{(\w*)\}[:,.]?$/.exec(raw);
      if (parameter) return { kind: 'parameter', name: normalParameter(parameter[1] as string) };
      const plain = raw.replace(/\\(.)/g, '$1').toLowerCase().replace(/[:,.]$/, '');
      const alternatives = plain.split('/');
      const accepts = alternatives.flatMap((alt) => {
        const optional = /^(.*)\(([^)]*)\)(.*)$/.exec(alt);
        return optional ? [`${optional[1]}${optional[3]}`, `${optional[1]}${optional[2]}${optional[3]}`] : [alt];
      });
      return { kind: 'word', accepts };
    });
}

const normalParameter = (name: string) => (name === 'int' || name === 'float' || name === 'bigdecimal' || name === 'double' ? 'number' : name);

/** A step's text as words, its quoted texts, numbers and known actors turned into the parameters they would fill. */
function textWords(text: string, parameters: readonly CustomParameter[]): string[] {
  let normal = ` ${text.toLowerCase()} `.replace(/"[^"]*"|'[^']*'/g, ' {string} ');
  for (const { name, values } of parameters) {
    for (const value of [...values].sort((a, b) => b.length - a.length)) {
      normal = normal.replace(new RegExp(`(?<=\\s)${value.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=[\\s:,.])`, 'g'), `{${name}}`);
    }
  }
  return normal
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => word.replace(/[:,.]$/, ''))
    .map((word) => (/^-?\d+(?:[.,]\d+)*$/.test(word) ? '{number}' : word));
}

/** Word-level edit distance; a word one typo away costs half. */
function wordDistance(text: string[], pattern: PatternWord[]): number {
  let previous = Array.from({ length: pattern.length + 1 }, (_, i) => i);
  for (let i = 1; i <= text.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= pattern.length; j += 1) {
      const cost = substitution(text[i - 1] as string, pattern[j - 1] as PatternWord);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[pattern.length] ?? 0;
}

function substitution(word: string, pattern: PatternWord): number {
  if (pattern.kind === 'parameter') {
    if (word === `{${pattern.name}}` || pattern.name === 'word' || pattern.name === '') return 0;
    return 1;
  }
  if (pattern.accepts.includes(word)) return 0;
  if (word.startsWith('{')) return 1;
  const typo = Math.min(...pattern.accepts.map((accepted) => editDistance(word, accepted)));
  return typo <= Math.max(1, Math.floor(word.length / 4)) ? 0.5 : 1;
}
