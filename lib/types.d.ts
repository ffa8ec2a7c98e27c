declare module 'fxa-common-password-list' {
  /** True when the password is in the list of the most common passwords. */
  export function test(password: string): boolean;
}
