import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { HarnessError } from '../config/errors';
import { relativeToRoot } from '../config/sources';

/** The namespace of the harness's signatures, so a sign-off signature means nothing anywhere else. */
const NAMESPACE = 'uat-signoff';

/**
 * The owners' public keys, committed beside the ledger in OpenSSH's
 * allowed-signers format: one line per key, the owner's name (its @owner
 * tag) as principal, e.g. `order-to-cash ssh-ed25519 AAAA... alice@example.com`.
 * Where the file exists, every decision must be signed with a key of its owner.
 */
export function allowedSignersFile(ledgerFile: string): string {
  return path.join(path.dirname(ledgerFile), 'allowed_signers');
}

function sshKeygen(args: string[], input: string): { code: number; output: string } {
  const result = spawnSync('ssh-keygen', args, { input, encoding: 'utf8' });
  if (result.error) throw new HarnessError(`ssh-keygen is needed to sign and check sign-offs (${result.error.message}): install OpenSSH's client`);
  return { code: result.status ?? 1, output: `${result.stdout}${result.stderr}`.trim() };
}

/** Signs what an entry says (its hash before signing) with the owner's private key (ssh-keygen -Y sign). */
export function signDecision(unsignedHash: string, keyFile: string): string {
  if (!existsSync(keyFile)) throw new HarnessError(`${keyFile}: no such key file (--key names the owner's private SSH key)`);
  const { code, output } = sshKeygen(['-Y', 'sign', '-q', '-f', keyFile, '-n', NAMESPACE], unsignedHash);
  if (code !== 0 || !output.includes('BEGIN SSH SIGNATURE')) throw new HarnessError(`could not sign with ${keyFile}: ${output}`);
  return output.slice(output.indexOf('-----BEGIN SSH SIGNATURE-----'));
}

/** Whether a signature of an entry is the owner's, by the allowed-signers file. */
export function signatureProblem(unsignedHash: string, signature: string | undefined, owner: string, allowedSigners: string): string | undefined {
  if (!signature) return `it is not signed, and ${relativeToRoot(allowedSigners)} requires every decision to be signed by its owner`;
  const dir = mkdtempSync(path.join(tmpdir(), 'uat-sig-'));
  try {
    const file = path.join(dir, 'decision.sig');
    writeFileSync(file, `${signature.trim()}\n`);
    const { code, output } = sshKeygen(['-Y', 'verify', '-f', allowedSigners, '-I', owner, '-n', NAMESPACE, '-s', file], unsignedHash);
    return code === 0 ? undefined : `its signature is not one of ${owner}'s keys in ${relativeToRoot(allowedSigners)} (${output.split('\n')[0]})`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
