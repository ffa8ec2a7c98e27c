import type { Role } from '../domain/enums';

/** Where each role lands after sign-in. */
export const roleHome: Record<Role, string> = {
  admin: '/admin/users',
  officer: '/desk',
  approver: '/approvals',
  auditor: '/audit',
  contractor: '/portal',
  evaluator: '/evaluations',
};

export type NavItem = { href: string; label: string };

/** Navigation shows only what the role may use; each page checks again on the server. */
export const roleNav: Record<Role, readonly NavItem[]> = {
  admin: [
    { href: '/admin/users', label: 'people' },
    { href: '/desk/matters', label: 'matters' },
    { href: '/desk/contracts', label: 'contracts' },
    { href: '/desk/contractors', label: 'contractors' },
    { href: '/admin/departments', label: 'departments' },
    { href: '/admin/import', label: 'import' },
    { href: '/admin/reports', label: 'reports' },
    { href: '/audit', label: 'audit' },
  ],
  officer: [
    { href: '/desk', label: 'desk' },
    { href: '/desk/matters', label: 'matters' },
    { href: '/desk/contractors', label: 'contractors' },
  ],
  approver: [
    { href: '/approvals', label: 'approvals' },
    { href: '/desk', label: 'desk' },
    { href: '/desk/matters', label: 'matters' },
    { href: '/desk/contractors', label: 'contractors' },
  ],
  auditor: [
    { href: '/audit', label: 'audit' },
    { href: '/desk/contracts', label: 'contracts' },
    { href: '/desk/matters', label: 'matters' },
    { href: '/desk/contractors', label: 'contractors' },
  ],
  contractor: [{ href: '/portal', label: 'portal' }],
  evaluator: [{ href: '/evaluations', label: 'evaluations' }],
};
