import { phq } from '../readiness/snapshot-fixture';
import { primaryInstrument } from './primary-instrument';

describe('primaryInstrument', () => {
  const gad = (day: string) => ({ ...phq(day, 8), id: `gad-${day}`, instrumentId: 'gad-7' });

  it('is PHQ-9 when the client has one, however many other scores they have', () => {
    expect(primaryInstrument([gad('2024-05-01'), gad('2024-05-08'), phq('2024-05-08', 9)]).id).toBe(
      'phq-9',
    );
  });

  it('is otherwise the instrument given most often, and PHQ-9 for a client with no scores', () => {
    const pcl = { ...phq('2024-05-01', 40), id: 'pcl', instrumentId: 'pcl-5' };
    expect(primaryInstrument([gad('2024-05-01'), gad('2024-05-08'), pcl]).id).toBe('gad-7');
    expect(primaryInstrument([]).id).toBe('phq-9');
  });
});
