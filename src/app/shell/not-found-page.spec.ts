import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { NotFoundPage } from './not-found-page';

describe('NotFoundPage', () => {
  it('names the missing path and links back to the caseload', async () => {
    TestBed.configureTestingModule({
      providers: [provideRouter([{ path: '**', component: NotFoundPage }])],
    });
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/no/such/page');
    const element = harness.routeNativeElement as HTMLElement;
    expect(element.querySelector('h1')?.textContent).toBe('Page not found');
    expect(element.querySelector('code')?.textContent).toBe('/no/such/page');
    expect(element.querySelector('a')?.getAttribute('href')).toBe('/caseload');
  });
});
