// Least privilege, proven from the code: the IAM policies in iam/ must grant exactly the Amazon Connect
// operations the code can send, no more (a grant nobody uses is attack surface) and no fewer (a missing one
// is an AccessDeniedException in a user's pipeline).
//
// How "the operations the code can send" is derived (the rule, so it stays sound as the adapter grows):
//  1. Every TypeScript file under src/ is parsed with the TypeScript compiler, except src/emulator/ (a server
//     that answers these operations, never a client that sends them).
//  2. A value import of `XxxCommand` from '@aws-sdk/client-connect' (named, renamed, or `ns.XxxCommand`
//     through a namespace import) means the code can send Connect operation `Xxx`, IAM action `connect:Xxx`.
//     Type-only imports send nothing and do not count. Only names the SDK really exports as Command classes
//     count.
//  3. Importing the aggregated `Connect` client class, or importing the SDK dynamically, would hide the
//     operations from this derivation, so either fails the test: send through `client.send(new XxxCommand())`.
//  4. Read or write is decided by the operation's name, which is how AWS names them: Search*, Describe*,
//     List* and Get* read; everything else writes. plan and drift need the reads; apply needs both, because it
//     re-reads before and after writing.
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SDK = '@aws-sdk/client-connect';
const READ_PREFIX = /^(Search|Describe|List|Get)/;
const CONNECT_RESOURCE = /^arn:aws:connect:\*:\*:instance\/\*(\/(routing-profile|queue)\/\*)?$/;

const sdkExports = createRequire(join(repo, 'package.json'))(SDK) as Record<string, unknown>;

function isSdkCommand(name: string): boolean {
  const value = sdkExports[name];
  return /^[A-Z]\w*Command$/.test(name) && typeof value === 'function';
}

function sourceFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (relative(repo, path).split(sep).join('/') === 'src/emulator') continue;
      files.push(...sourceFiles(path));
    } else if (/\.(m|c)?ts$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
      files.push(path);
    }
  }
  return files;
}

interface Derivation {
  /** Operation name -> files that import its Command. */
  operations: Map<string, Set<string>>;
  /** Constructs that would hide operations from the derivation. */
  opaque: string[];
}

function derive(): Derivation {
  const operations = new Map<string, Set<string>>();
  const opaque: string[] = [];
  const add = (command: string, file: string): void => {
    const operation = command.slice(0, -'Command'.length);
    if (!operations.has(operation)) operations.set(operation, new Set());
    operations.get(operation)?.add(file);
  };
  for (const path of sourceFiles(join(repo, 'src'))) {
    const file = relative(repo, path).split(sep).join('/');
    const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
    const namespaces = new Set<string>();
    const visit = (node: ts.Node): void => {
      if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier) && node.moduleSpecifier.text === SDK) {
        const clause = node.importClause;
        if (clause !== undefined && !clause.isTypeOnly) {
          const bindings = clause.namedBindings;
          if (bindings !== undefined && ts.isNamespaceImport(bindings)) namespaces.add(bindings.name.text);
          if (bindings !== undefined && ts.isNamedImports(bindings)) {
            for (const element of bindings.elements) {
              if (element.isTypeOnly) continue;
              const imported = (element.propertyName ?? element.name).text;
              if (imported === 'Connect') opaque.push(`${file}: imports the aggregated Connect client`);
              if (isSdkCommand(imported)) add(imported, file);
            }
          }
        }
      }
      if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
        const [arg] = node.arguments;
        if (arg !== undefined && ts.isStringLiteral(arg) && arg.text === SDK) opaque.push(`${file}: imports ${SDK} dynamically`);
      }
      if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && namespaces.has(node.expression.text)) {
        const name = node.name.text;
        if (name === 'Connect') opaque.push(`${file}: uses the aggregated Connect client`);
        if (isSdkCommand(name)) add(name, file);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { operations, opaque };
}

interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
  Principal?: { Federated?: string };
}
interface PolicyDocument {
  Version: string;
  Statement: Statement[];
}

const list = (v: string | string[]): string[] => (Array.isArray(v) ? v : [v]);

function readPolicy(name: string): PolicyDocument {
  // JSON.parse also proves the file is comment-free JSON, which IAM requires.
  return JSON.parse(readFileSync(join(repo, 'iam', name), 'utf8')) as PolicyDocument;
}

function grantedActions(policy: PolicyDocument): string[] {
  return policy.Statement.flatMap((s) => list(s.Action));
}

const derivation = derive();
const used = [...derivation.operations.keys()].sort();
const reads = used.filter((op) => READ_PREFIX.test(op));
const writes = used.filter((op) => !READ_PREFIX.test(op));
const asActions = (ops: string[]): string[] => ops.map((op) => `connect:${op}`).sort();

describe('the Connect operations the code can send', () => {
  it('are all visible to the derivation', () => {
    expect(derivation.opaque).toEqual([]);
  });

  it('include reads and writes (the adapter exists)', () => {
    // An empty set would make every policy check below vacuous.
    expect(reads.length, `no Connect Command imported under src/ (derived: ${JSON.stringify(used)})`).toBeGreaterThan(0);
    expect(writes.length, `no mutating Connect Command imported under src/ (derived: ${JSON.stringify(used)})`).toBeGreaterThan(0);
  });

  it('cover every call a plan can hold (the Call union), so apply can send what plan promises', async () => {
    const { CALL_ORDER } = await import('../../src/plan/types.js');
    for (const op of CALL_ORDER) expect(writes, `plan can emit ${op}, but no code imports ${op}Command`).toContain(op);
  });

  it("agree with the adapter's own read/write tables (the reader refuses any command outside READ_COMMANDS)", async () => {
    const { READ_OPERATIONS, WRITE_OPERATIONS } = await import('../../src/connect/operations.js');
    const { READ_COMMANDS, WRITE_COMMANDS } = await import('../../src/connect/commands.js');
    expect([...READ_OPERATIONS].sort()).toEqual(reads);
    expect([...WRITE_OPERATIONS].sort()).toEqual(writes);
    expect(Object.keys(READ_COMMANDS).sort()).toEqual(reads);
    expect(Object.keys(WRITE_COMMANDS).sort()).toEqual(writes);
  });
});

describe('iam/plan-policy.json', () => {
  const policy = readPolicy('plan-policy.json');

  it('grants exactly the reads the code sends', () => {
    expect([...new Set(grantedActions(policy))].sort()).toEqual(asActions(reads));
  });

  it('grants no write', () => {
    for (const action of grantedActions(policy)) expect(action.slice('connect:'.length)).toMatch(READ_PREFIX);
  });
});

describe('iam/apply-policy.json', () => {
  const policy = readPolicy('apply-policy.json');

  it('grants exactly the reads and writes the code sends', () => {
    expect([...new Set(grantedActions(policy))].sort()).toEqual(asActions(used));
  });
});

describe('docs/iam.md', () => {
  it('explains exactly the actions the policies grant (its tables list each one, and no other)', () => {
    const rows = readFileSync(join(repo, 'docs', 'iam.md'), 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('| `connect:'));
    const documented = [...new Set(rows.flatMap((line) => [...line.matchAll(/`(connect:[A-Za-z]+)`/g)].map((m) => m[1] ?? '')))].sort();
    expect(documented).toEqual(asActions(used));
  });
});

describe.each(['plan-policy.json', 'apply-policy.json'])('iam/%s', (name) => {
  const policy = readPolicy(name);

  it('is an identity policy of Allow statements without wildcard actions', () => {
    expect(policy.Version).toBe('2012-10-17');
    expect(policy.Statement.length).toBeGreaterThan(0);
    for (const statement of policy.Statement) {
      expect(statement.Effect).toBe('Allow');
      expect(statement.Principal).toBeUndefined();
      for (const action of list(statement.Action)) expect(action).toMatch(/^connect:[A-Z][A-Za-z]+$/);
    }
  });

  it('scopes every grant to Connect instances and their routing profiles and queues', () => {
    for (const statement of policy.Statement) {
      const resources = list(statement.Resource);
      expect(resources.length).toBeGreaterThan(0);
      for (const resource of resources) expect(resource).toMatch(CONNECT_RESOURCE);
    }
  });
});

describe('OIDC trust policies', () => {
  const provider = 'arn:aws:iam::ACCOUNT_ID:oidc-provider/token.actions.githubusercontent.com';

  function subjects(name: string): string[] {
    const policy = readPolicy(name);
    expect(policy.Statement).toHaveLength(1);
    const [statement] = policy.Statement;
    expect(statement.Effect).toBe('Allow');
    expect(statement.Principal?.Federated).toBe(provider);
    expect(statement.Action).toBe('sts:AssumeRoleWithWebIdentity');
    // StringEquals, not StringLike: an exact subject, never a wildcard another repository or branch could match.
    expect(Object.keys(statement.Condition ?? {})).toEqual(['StringEquals']);
    const equals = statement.Condition?.StringEquals ?? {};
    expect(equals['token.actions.githubusercontent.com:aud']).toBe('sts.amazonaws.com');
    const sub = list(equals['token.actions.githubusercontent.com:sub'] ?? []);
    for (const s of sub) {
      expect(s).toMatch(/^repo:OWNER\/REPO:/);
      expect(s).not.toContain('*');
    }
    return sub;
  }

  it('lets only pull requests and main assume the read-only plan role', () => {
    expect(subjects('trust-policy-github-oidc-plan.json').sort()).toEqual(['repo:OWNER/REPO:pull_request', 'repo:OWNER/REPO:ref:refs/heads/main']);
  });

  it('lets only jobs of the production environment assume the apply role', () => {
    expect(subjects('trust-policy-github-oidc-apply.json')).toEqual(['repo:OWNER/REPO:environment:production']);
  });
});
