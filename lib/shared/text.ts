// What free text the registry stores: well-formed Unicode (no lone surrogates, which SQLite would silently
// replace, so the record would differ from what was validated and audited) and no control characters
// other than tab, line feed and carriage return (NUL and friends break exports and terminals, and hide
// content). Right-to-left marks, zero-width joiners and the like stay: real names and text use them.

const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const controlCharacter = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** True when the text has no lone surrogates and no control characters but tab, LF and CR. */
export function isPlainText(s: string): boolean {
  return !controlCharacter.test(s) && !new RegExp(loneSurrogate.source).test(s);
}

/** The text with every lone surrogate replaced by U+FFFD, so what is hashed is exactly what is stored. */
export function toWellFormed(s: string): string {
  return s.replace(loneSurrogate, '\ufffd');
}
