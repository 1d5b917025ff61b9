import { instrumentById } from './instrument-catalogue';
import { measureDue } from './measure-due';

const phq9 = instrumentById('phq-9')!;
const pcl5 = instrumentById('pcl-5')!;
const score = (instrumentId: string, date: string) => ({
  id: date,
  patientId: 'p',
  instrumentId,
  date,
  total: 5,
});

describe('measures due and missing', () => {
  it('is due a week after a weekly measure and missing after 10 days', () => {
    const scores = [
      score('phq-9', '2024-05-01'),
      score('phq-9', '2024-05-10T16:00:00-05:00'),
      score('gad-7', '2024-05-19'),
    ];
    expect(measureDue(phq9, scores, '2024-04-01', '2024-05-16', 'America/Chicago')).toEqual({
      instrumentId: 'phq-9',
      lastDay: '2024-05-10',
      daysSince: 6,
      due: false,
      missing: false,
      message: 'no PHQ-9 in 6 days',
    });
    expect(measureDue(phq9, scores, '2024-04-01', '2024-05-17', 'America/Chicago')!.due).toBeTrue();
    const late = measureDue(phq9, scores, '2024-04-01', '2024-05-20', 'America/Chicago')!;
    expect([late.missing, late.message]).toEqual([true, 'no PHQ-9 in 10 days']);
  });

  it('counts from the episode start when nothing was ever recorded, and ignores future dates', () => {
    const none = measureDue(
      pcl5,
      [score('pcl-5', '2024-06-30')],
      '2024-05-01',
      '2024-05-25',
      'UTC',
    )!;
    expect(none.message).toBe('no PCL-5 since the episode began 24 days ago');
    expect(none.missing).toBeTrue();
  });

  it('has nothing to say for instruments without an expected frequency', () => {
    expect(
      measureDue(instrumentById('c-ssrs')!, [], '2024-05-01', '2024-05-25', 'UTC'),
    ).toBeUndefined();
  });
});
