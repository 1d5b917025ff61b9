/**
 * The demo provider: one parent organisation, three IOP programs, their therapists, two
 * psychiatrists and one program director. Names are deliberately, obviously fictional.
 */
export interface ProgramDef {
  readonly id: string;
  readonly name: string;
  /** Presenting-problem groups and the chance a client of this program has each. */
  readonly problemOdds: Readonly<Record<ProblemGroup, number>>;
  readonly therapistIds: readonly string[];
  readonly ageRange: readonly [number, number];
}

export type ProblemGroup = 'depression' | 'anxiety' | 'ptsd' | 'bipolar' | 'substance-use';

export interface StaffDef {
  readonly id: string;
  readonly given: string;
  readonly family: string;
  readonly role: 'therapist' | 'psychiatrist' | 'director';
  readonly organizationId: string;
}

export const PROVIDER = {
  id: 'org-riverside',
  name: 'Riverside Behavioral Health (demo)',
} as const;

export const STAFF: readonly StaffDef[] = [
  {
    id: 'pr-therapist-1',
    given: 'Avery',
    family: 'Lanternfield',
    role: 'therapist',
    organizationId: 'org-adult-iop',
  },
  {
    id: 'pr-therapist-2',
    given: 'Morgan',
    family: 'Quillstone',
    role: 'therapist',
    organizationId: 'org-adult-iop',
  },
  {
    id: 'pr-therapist-3',
    given: 'Rowan',
    family: 'Bramblecote',
    role: 'therapist',
    organizationId: 'org-adult-iop',
  },
  {
    id: 'pr-therapist-4',
    given: 'Sasha',
    family: 'Tidewell',
    role: 'therapist',
    organizationId: 'org-dual-iop',
  },
  {
    id: 'pr-therapist-5',
    given: 'Jordan',
    family: 'Emberly',
    role: 'therapist',
    organizationId: 'org-dual-iop',
  },
  {
    id: 'pr-therapist-6',
    given: 'Quinn',
    family: 'Harrowgate',
    role: 'therapist',
    organizationId: 'org-dual-iop',
  },
  {
    id: 'pr-therapist-7',
    given: 'Emerson',
    family: 'Foxglove',
    role: 'therapist',
    organizationId: 'org-young-adult-iop',
  },
  {
    id: 'pr-therapist-8',
    given: 'Reese',
    family: 'Marigold',
    role: 'therapist',
    organizationId: 'org-young-adult-iop',
  },
  {
    id: 'pr-psychiatrist-1',
    given: 'Harper',
    family: 'Wrenwood',
    role: 'psychiatrist',
    organizationId: PROVIDER.id,
  },
  {
    id: 'pr-psychiatrist-2',
    given: 'Kendall',
    family: 'Oakhollow',
    role: 'psychiatrist',
    organizationId: PROVIDER.id,
  },
  {
    id: 'pr-director-1',
    given: 'Dana',
    family: 'Riverstone',
    role: 'director',
    organizationId: PROVIDER.id,
  },
];

export const PROGRAMS: readonly ProgramDef[] = [
  {
    id: 'org-adult-iop',
    name: 'Adult Mental Health IOP',
    problemOdds: { depression: 0.6, anxiety: 0.45, ptsd: 0.2, bipolar: 0.1, 'substance-use': 0.08 },
    therapistIds: ['pr-therapist-1', 'pr-therapist-2', 'pr-therapist-3'],
    ageRange: [26, 68],
  },
  {
    id: 'org-dual-iop',
    name: 'Dual-Diagnosis IOP',
    problemOdds: { depression: 0.5, anxiety: 0.3, ptsd: 0.25, bipolar: 0.1, 'substance-use': 1 },
    therapistIds: ['pr-therapist-4', 'pr-therapist-5', 'pr-therapist-6'],
    ageRange: [21, 64],
  },
  {
    id: 'org-young-adult-iop',
    name: 'Young Adult IOP',
    problemOdds: {
      depression: 0.55,
      anxiety: 0.5,
      ptsd: 0.15,
      bipolar: 0.08,
      'substance-use': 0.15,
    },
    therapistIds: ['pr-therapist-7', 'pr-therapist-8'],
    ageRange: [18, 25],
  },
];

/** Share of admissions per program (the adult program is the largest). */
export const PROGRAM_WEIGHTS: readonly (readonly [string, number])[] = [
  ['org-adult-iop', 0.45],
  ['org-dual-iop', 0.3],
  ['org-young-adult-iop', 0.25],
];

export const GIVEN_NAMES = [
  'Alder',
  'Briar',
  'Cobalt',
  'Dune',
  'Ember',
  'Fable',
  'Garnet',
  'Hollis',
  'Indigo',
  'Juniper',
  'Kestrel',
  'Linden',
  'Marlow',
  'Nova',
  'Onyx',
  'Pippin',
  'Quincy',
  'Rook',
  'Sparrow',
  'Tamsin',
  'Umber',
  'Vesper',
  'Wren',
  'Yarrow',
  'Zephyr',
  'Aster',
  'Bramble',
  'Clover',
  'Dorian',
  'Ellery',
] as const;

export const FAMILY_NAMES = [
  'Applewhistle',
  'Buttonwood',
  'Cloudberry',
  'Dapplegrove',
  'Elderflower',
  'Fiddlesworth',
  'Gooseberry',
  'Hazelnook',
  'Inkwell',
  'Jubileeford',
  'Kettleburn',
  'Lavenderlea',
  'Moonpenny',
  'Nettlefold',
  'Owlbrook',
  'Puddlecombe',
  'Quibbleton',
  'Rainmaker',
  'Snapdragon',
  'Thistledown',
  'Umbrellafield',
  'Velvetmoss',
  'Whistlewood',
  'Yellowhammer',
  'Zigzagby',
] as const;
