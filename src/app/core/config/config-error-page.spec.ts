import { TestBed } from '@angular/core/testing';
import { CONFIG_FAILURE, ConfigErrorPage } from './config-error-page';

describe('ConfigErrorPage', () => {
  async function render(problems: { field: string; message: string }[]) {
    TestBed.configureTestingModule({
      imports: [ConfigErrorPage],
      providers: [{ provide: CONFIG_FAILURE, useValue: { file: 'config.json', problems } }],
    });
    const fixture = TestBed.createComponent(ConfigErrorPage);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('names the file and every field with its problem, as an alert', async () => {
    const page = await render([
      { field: 'fhirBaseUrl', message: 'is required' },
      { field: 'programTimeZone', message: '"Nowhere" is not a known IANA time zone' },
    ]);
    expect(page.querySelector('[role="alert"]')).not.toBeNull();
    expect(page.querySelector('.file')?.textContent).toBe('config.json');
    expect(page.textContent).toContain('has 2 problems');
    const items = Array.from(page.querySelectorAll('li')).map((li) => li.textContent?.trim());
    expect(items).toEqual([
      'fhirBaseUrl is required',
      'programTimeZone "Nowhere" is not a known IANA time zone',
    ]);
  });

  it('uses the singular for one problem', async () => {
    const page = await render([
      { field: '(file)', message: 'the file could not be loaded (HTTP 404)' },
    ]);
    expect(page.textContent).toContain('has a problem');
  });
});
