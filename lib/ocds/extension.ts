import { getEnv } from '../env';
import extension from './extension/extension.json';
import releaseSchema from './extension/release-schema.json';
import metricsExtension from './metrics-extension/extension.json';
import metricsReleaseSchema from './metrics-extension/release-schema.json';

/** The registry's OCDS extension files; its documentation links made absolute with the public address. */
export function extensionFile(name: string): object | null {
  if (name === 'release-schema.json') return releaseSchema;
  if (name !== 'extension.json') return null;
  const base = getEnv().PUBLIC_URL;
  return { ...extension, documentationUrl: { en: `${base}${extension.documentationUrl.en}`, zh: `${base}${extension.documentationUrl.zh}` } };
}

/** The OCDS Metrics extension, as published upstream (lib/ocds/metrics-extension/SOURCE names the commit; Apache 2.0, its LICENSE beside it). */
export function metricsExtensionFile(name: string): object | null {
  if (name === 'extension.json') return metricsExtension;
  if (name === 'release-schema.json') return metricsReleaseSchema;
  return null;
}
