import { IconName } from '../ui/icon/icon';

export interface NavItem {
  readonly path: string;
  readonly label: string;
  readonly icon: IconName;
  readonly description: string;
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
  { path: '/outcomes', label: 'Outcomes', icon: 'monitoring', description: 'Program outcomes' },
];
