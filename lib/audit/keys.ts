import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { getEnv } from '../env';

export type SigningKey = {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** base64 of the public key's SPKI DER encoding: the form published and stored with each checkpoint. */
  publicKeyBase64: string;
};

function fromPrivateKey(privateKey: KeyObject, file: string): SigningKey {
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new Error(`${file} holds a ${privateKey.asymmetricKeyType ?? 'unknown'} key; audit checkpoints need an Ed25519 key`);
  }
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, publicKeyBase64: publicKey.export({ type: 'spki', format: 'der' }).toString('base64') };
}

function isErrno(e: unknown, ...codes: string[]): boolean {
  return e instanceof Error && 'code' in e && codes.includes(String(e.code));
}

/** Loads the Ed25519 key pair from a PKCS#8 PEM file, creating it (mode 0600) on first use. */
export function loadOrCreateSigningKey(file: string): SigningKey {
  try {
    return fromPrivateKey(createPrivateKey(readFileSync(file)), file);
  } catch (e) {
    if (!isErrno(e, 'ENOENT')) throw e;
  }
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const { privateKey } = generateKeyPairSync('ed25519');
  // Written aside and then linked into place: link fails if another process created the key meanwhile,
  // and nobody ever reads a half-written file.
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  try {
    linkSync(temporary, file);
  } catch (e) {
    if (!isErrno(e, 'EEXIST')) throw e;
    return fromPrivateKey(createPrivateKey(readFileSync(file)), file);
  } finally {
    unlinkSync(temporary);
  }
  return fromPrivateKey(privateKey, file);
}

/** The registry's public key (base64 SPKI DER) when its key file exists and is readable; never creates one. */
export function readPublicKey(file: string): string | undefined {
  try {
    return fromPrivateKey(createPrivateKey(readFileSync(file)), file).publicKeyBase64;
  } catch (e) {
    if (isErrno(e, 'ENOENT', 'EACCES', 'EPERM')) return undefined;
    throw e;
  }
}

/** An Ed25519 public key given as base64 of its SPKI DER encoding, or as PEM. Throws when it is neither. */
export function parsePublicKey(text: string): KeyObject {
  const trimmed = text.trim();
  const key = trimmed.startsWith('-----BEGIN')
    ? createPublicKey(trimmed)
    : createPublicKey({ key: Buffer.from(trimmed, 'base64'), format: 'der', type: 'spki' });
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`not an Ed25519 public key (${key.asymmetricKeyType ?? 'unknown'})`);
  return key;
}

const globalForKey = globalThis as unknown as { auditSigningKey?: SigningKey };

/** The process's signing key from AUDIT_KEY_PATH, loaded (or created) on first use. */
export function getSigningKey(): SigningKey {
  globalForKey.auditSigningKey ??= loadOrCreateSigningKey(getEnv().AUDIT_KEY_PATH);
  return globalForKey.auditSigningKey;
}
