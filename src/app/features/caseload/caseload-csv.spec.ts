import { PART_2_NOTICE, PHI_NOTICE } from '../../ui/csv/csv';
import { caseloadCsv } from './caseload-csv';
import { caseload, row } from './caseload-fixture';

describe('caseloadCsv', () => {
  it('starts with the PHI notice, adds the Part 2 notice for substance-use records, and quotes safely', () => {
    const csv = caseloadCsv(caseload(), '2026-11-27 09:00');
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(PHI_NOTICE);
    expect(lines[1]).toBe(PART_2_NOTICE);
    expect(lines[2]).toBe('Generated 2026-11-27 09:00');
    expect(lines[3].split(',')[0]).toBe('Client');
    expect(lines.length).toBe(4 + 5 + 1);
    const ash = lines.find((l) => l.startsWith('Ash Fernhollow'))!;
    expect(ash).toContain(',IOP,week 8 of ~10,PHQ-9,7,Mild,+7,reliable improvement,');
  });

  it('leaves the Part 2 notice out when no row carries substance-use records', () => {
    const csv = caseloadCsv([row({ id: 'p1', name: 'Ash Fernhollow', phq: [14, 7] })], 'now');
    expect(csv).not.toContain('42 CFR');
  });

  it('defuses names a spreadsheet would run as formulas', () => {
    const csv = caseloadCsv([row({ id: 'p9', name: '=HYPERLINK("http://x")', phq: [14] })], 'now');
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
  });
});
