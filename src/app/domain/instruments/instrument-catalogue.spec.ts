import { bandProblems } from './instrument-config';
import {
  DEFAULT_INSTRUMENTS,
  instrumentById,
  instrumentForCoding,
  itemForCode,
} from './instrument-catalogue';
import { severityOf } from './scoring';

const phq9 = instrumentById('phq-9')!;
const gad7 = instrumentById('gad-7')!;

describe('instrument catalogue', () => {
  it('holds every instrument the program measures, each with a source', () => {
    expect(DEFAULT_INSTRUMENTS.map((i) => i.id)).toEqual([
      'phq-9',
      'gad-7',
      'pcl-5',
      'ders-16',
      'audit-c',
      'bam-use',
      'bam-risk',
      'bam-protective',
      'c-ssrs',
      'oq-45',
    ]);
    for (const instrument of DEFAULT_INSTRUMENTS)
      expect(instrument.source.length).toBeGreaterThan(10);
  });

  it('gives every instrument bands that cover its whole range with no gap or overlap', () => {
    for (const i of DEFAULT_INSTRUMENTS) {
      expect(bandProblems(i.bands, i.range.min, i.range.max))
        .withContext(i.id)
        .toEqual([]);
      for (let score = i.range.min; score <= i.range.max; score++) {
        expect(severityOf(i, score)).withContext(`${i.id} ${score}`).toBeDefined();
      }
    }
  });

  it('places PHQ-9 band edges at 5, 10, 15 and 20 (Kroenke et al. 2001)', () => {
    const label = (s: number) => severityOf(phq9, s)?.label;
    expect([0, 4, 5, 9, 10, 14, 15, 19, 20, 27].map(label)).toEqual([
      'Minimal',
      'Minimal',
      'Mild',
      'Mild',
      'Moderate',
      'Moderate',
      'Moderately severe',
      'Moderately severe',
      'Severe',
      'Severe',
    ]);
    expect(severityOf(phq9, 28)).toBeUndefined();
    expect(severityOf(phq9, -1)).toBeUndefined();
  });

  it('places GAD-7 band edges at 5, 10 and 15 (Spitzer et al. 2006)', () => {
    const label = (s: number) => severityOf(gad7, s)?.label;
    expect([0, 4, 5, 9, 10, 14, 15, 21].map(label)).toEqual([
      'Minimal',
      'Minimal',
      'Mild',
      'Mild',
      'Moderate',
      'Moderate',
      'Severe',
      'Severe',
    ]);
  });

  it('places the PCL-5, AUDIT-C, BAM and OQ-45 edges where their sources do', () => {
    const level = (id: string, s: number) => severityOf(instrumentById(id)!, s)?.label;
    expect([level('pcl-5', 32), level('pcl-5', 33)]).toEqual([
      'Below probable-PTSD threshold',
      'Probable PTSD',
    ]);
    expect([level('audit-c', 2), level('audit-c', 3), level('audit-c', 4)]).toEqual([
      'Negative',
      'Positive for women',
      'Positive',
    ]);
    expect([level('bam-use', 0), level('bam-use', 1)]).toEqual(['No use', 'Any use']);
    expect([level('bam-risk', 11), level('bam-risk', 12)]).toEqual([
      'Below risk threshold',
      'Elevated risk',
    ]);
    expect([level('bam-protective', 12), level('bam-protective', 13)]).toEqual([
      'Low protection',
      'Adequate protection',
    ]);
    expect([level('oq-45', 63), level('oq-45', 64)]).toEqual([
      'Functional range',
      'Dysfunctional range',
    ]);
    expect([0, 1, 2, 3].map((s) => level('c-ssrs', s))).toEqual([
      'No risk identified',
      'Low risk',
      'Moderate risk',
      'High risk',
    ]);
  });

  it('carries the published thresholds', () => {
    expect([phq9.caseness, phq9.reliableChange, phq9.remissionBelow]).toEqual([10, 6, 5]);
    expect([gad7.caseness, gad7.reliableChange]).toEqual([8, 4]);
    const pcl5 = instrumentById('pcl-5')!;
    expect([pcl5.reliableChange, pcl5.clinicallySignificantAtOrBelow]).toEqual([15, 28]);
    expect(instrumentById('oq-45')!.reliableChange).toBe(14);
    expect(instrumentById('bam-protective')!.direction).toBe('higher-is-better');
  });

  it('finds instruments by LOINC total or panel code, including alternates real servers send', () => {
    expect(instrumentForCoding('http://loinc.org', '44261-6')).toEqual({
      instrument: phq9,
      kind: 'total',
    });
    expect(instrumentForCoding('http://loinc.org', '44249-1')).toEqual({
      instrument: phq9,
      kind: 'panel',
    });
    expect(instrumentForCoding('http://loinc.org', '54654-9')?.instrument.id).toBe('phq-9');
    expect(instrumentForCoding('http://loinc.org', '54635-8')?.kind).toBe('panel');
    expect(instrumentForCoding('http://loinc.org', '70274-6')?.instrument.id).toBe('gad-7');
    expect(instrumentForCoding(undefined, '101698-9')?.instrument.id).toBe('pcl-5');
    expect(instrumentForCoding('http://example.org/other', '44261-6')).toBeUndefined();
    expect(instrumentForCoding('http://loinc.org', '55758-7')).toBeUndefined();
    expect(instrumentForCoding('http://loinc.org', undefined)).toBeUndefined();
  });

  it('names PHQ-9 item 9 by its LOINC code 44260-8', () => {
    expect(itemForCode(phq9, '44260-8')).toBe('9');
    expect(itemForCode(phq9, '44250-9')).toBe('1');
    expect(itemForCode(phq9, '70274-6')).toBeUndefined();
    expect(itemForCode(instrumentById('pcl-5')!, '44260-8')).toBeUndefined();
  });
});
