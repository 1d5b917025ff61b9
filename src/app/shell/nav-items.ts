import { StaffRole } from '../core/auth/signed-in-user';
import { IconName } from '../ui/icon/icon';

export interface NavItem {
  readonly path: string;
  readonly label: string;
  readonly icon: IconName;
  readonly description: string;
  /** Only these roles see the item (the route also refuses others); every role when absent. */
  readonly roles?: readonly StaffRole[];
}

export const NAV_ITEMS: readonly NavItem[] = [
  {
    path: '/caseload',
    label: 'Caseload',
    icon: 'groups',
    description: 'Who needs attention this week',
  },
  {
    path: '/step-down',
    label: 'Step-down',
    icon: 'stairs_2',
    description: 'Level-of-care journeys',
  },
  {
    path: '/outcomes',
    label: 'Outcomes',
    icon: 'monitoring',
    description: 'Program outcomes',
    roles: ['director'],
  },
];

/** The items a user with this role sees. */
export function navItemsFor(role: StaffRole | undefined): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.roles || (role && item.roles.includes(role)));
}
