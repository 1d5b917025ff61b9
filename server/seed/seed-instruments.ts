import { ScaleModel } from './score-model';

/**
 * The scales the generator writes, with its own assumptions about baseline and noise for an
 * IOP population. Ranges follow the instruments (CLINICAL.md); instrument ids are the domain
 * catalogue's.
 */
export const SCALES = {
  phq9: {
    id: 'phq-9',
    model: { min: 0, max: 27, baselineMean: 16, baselineSd: 4.5, noiseSd: 1.8, floor: 3 },
  },
  gad7: {
    id: 'gad-7',
    model: { min: 0, max: 21, baselineMean: 13, baselineSd: 4, noiseSd: 1.5, floor: 2 },
  },
  pcl5: {
    id: 'pcl-5',
    model: { min: 0, max: 80, baselineMean: 50, baselineSd: 11, noiseSd: 4, floor: 14 },
  },
  ders16: {
    id: 'ders-16',
    model: { min: 16, max: 80, baselineMean: 58, baselineSd: 9, noiseSd: 3, floor: 30 },
  },
  bamUse: {
    id: 'bam-use',
    model: { min: 0, max: 12, baselineMean: 6, baselineSd: 2.5, noiseSd: 1, floor: 0 },
  },
  bamRisk: {
    id: 'bam-risk',
    model: { min: 0, max: 24, baselineMean: 15, baselineSd: 3.5, noiseSd: 1.5, floor: 5 },
  },
  bamProtective: {
    id: 'bam-protective',
    model: {
      min: 0,
      max: 24,
      baselineMean: 10,
      baselineSd: 3,
      noiseSd: 1.5,
      floor: 4,
      higherIsBetter: true,
    },
  },
} as const satisfies Record<string, { id: string; model: ScaleModel }>;
