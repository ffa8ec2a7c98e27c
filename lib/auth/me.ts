import type { Role } from '../domain/enums';
import { roleHome } from './homes';
import type { SessionUser } from './sessions';

/**
 * What the header's signed-in island shows on every page, public ones included: the person's name, the key
 * of their role's label and where their work starts. Nothing else leaves (no user, organization or session id,
 * no email): the answer is read by a script on pages any visitor may be shown.
 */
export type Me = { signedIn: false } | { signedIn: true; name: string; role: Role; home: string };

export function meOf(user: Pick<SessionUser, 'name' | 'role' | 'mustChangePassword'> | null): Me {
  if (!user) return { signedIn: false };
  return { signedIn: true, name: user.name, role: user.role, home: user.mustChangePassword ? '/change-password' : roleHome[user.role] };
}
