import { getEnv } from '../env';
import extension from './extension/extension.json';
import releaseSchema from './extension/release-schema.json';

/** The registry's OCDS extension files; its documentation links made absolute with the public address. */
export function extensionFile(name: string): object | null {
  if (name === 'release-schema.json') return releaseSchema;
  if (name !== 'extension.json') return null;
  const base = getEnv().PUBLIC_URL;
  return { ...extension, documentationUrl: { en: `${base}${extension.documentationUrl.en}`, zh: `${base}${extension.documentationUrl.zh}` } };
}
