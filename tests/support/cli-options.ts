import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { commands } from '../../cli/commands';
import { projectRoot } from '../../support/config/sources';

/** One `npx uat ...` command line of a pipeline: the command, and the options it passes. */
export interface UatInvocation {
  line: string;
  command: string;
  options: string[];
}

/** Every `npx uat` command in a script (continuation lines joined); stops at `||`, `&&`, `;`, `|` or a comment. */
export function uatInvocations(script: string): UatInvocation[] {
  return script
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .flatMap((text) => {
      const at = text.indexOf('npx uat ');
      if (at < 0) return [];
      const line = text.slice(at).split(/\s(?:\|\||&&|;|\||#)/)[0]!.trim();
      // npx uat COMMAND ...: an expression such as ${{ matrix.shard }} is one token.
      const tokens = line.replace(/\$\{\{[^}]*\}\}/g, 'EXPR').split(/\s+/);
      const options = tokens.slice(3).filter((token) => token.startsWith('--'));
      return [{ line, command: tokens[2] ?? '', options: options.map((token) => token.slice(2).split('=')[0]!) }];
    });
}

/**
 * The options a command takes, as the CLI on disk has them: those its usage
 * line names that its parseArgs call also accepts, so a renamed or dropped
 * option is missing here whichever of the two it was changed in.
 */
export function optionsOfCommand(name: string): Set<string> | undefined {
  const command = commands[name];
  if (!command) return undefined;
  const documented = new Set([...command.usage.matchAll(/--([a-z][a-z0-9-]*)/g)].map((match) => match[1]!));
  const accepted = parseArgsOptions(path.join(projectRoot, 'cli', 'commands', `${name}.ts`));
  return new Set([...documented].filter((option) => accepted.has(option)));
}

/** The option names of every `parseArgs({ options: { ... } })` call in a file, following a variable it names. */
function parseArgsOptions(file: string): Set<string> {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const objects = new Map<string, ts.ObjectLiteralExpression>();
  const calls: ts.ObjectLiteralExpression[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && ts.isObjectLiteralExpression(node.initializer)) {
      objects.set(node.name.text, node.initializer);
    }
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'parseArgs') {
      const [config] = node.arguments;
      if (config && ts.isObjectLiteralExpression(config)) calls.push(config);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  const literal = (node: ts.Expression | undefined) => (node && ts.isIdentifier(node) ? objects.get(node.text) : node && ts.isObjectLiteralExpression(node) ? node : undefined);
  const names = new Set<string>();
  const collect = (options: ts.ObjectLiteralExpression | undefined) => {
    for (const property of options?.properties ?? []) {
      if (ts.isSpreadAssignment(property)) collect(literal(property.expression));
      else if (property.name && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))) names.add(property.name.text);
    }
  };
  for (const config of calls) {
    const options = config.properties.find((p): p is ts.PropertyAssignment | ts.ShorthandPropertyAssignment => (ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) && p.name.getText(source) === 'options');
    collect(literal(options && (ts.isPropertyAssignment(options) ? options.initializer : options.name)));
  }
  return names;
}
