import { Injectable, computed, signal } from '@angular/core';

/** A FHIR request waiting to be sent again after a 429 or 503. */
export interface RetryWait {
  /** 429 (the server limits requests) or 503 (temporarily unavailable). */
  readonly status: number;
  /** How long this wait is, in milliseconds. */
  readonly waitMs: number;
  /** The retry this wait comes before (1 = the first retry). */
  readonly retry: number;
}

/**
 * The retries waiting right now, so the page can say why nothing has arrived yet ("the server
 * is busy; trying again in 2 s") instead of showing a silent spinner. The retry interceptor
 * adds a wait when it starts and removes it when the retry is sent or abandoned.
 */
@Injectable({ providedIn: 'root' })
export class FhirRetryStatus {
  private readonly waits = signal<readonly RetryWait[]>([]);

  /** The longest wait in progress, or null when no request is waiting. */
  readonly waiting = computed<RetryWait | null>(() =>
    this.waits().reduce<RetryWait | null>((a, b) => (a && a.waitMs >= b.waitMs ? a : b), null),
  );

  /** Records a wait; the function returned ends it (calling it again does nothing). */
  begin(wait: RetryWait): () => void {
    this.waits.update((list) => [...list, wait]);
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.waits.update((list) => list.filter((w) => w !== wait));
    };
  }
}

/** The sentence shown while a request waits to be retried. */
export function retryWaitSentence(wait: RetryWait): string {
  const seconds = Math.max(1, Math.ceil(wait.waitMs / 1000));
  const why =
    wait.status === 429
      ? 'The FHIR server is busy and asked Waypoint to slow down.'
      : 'The FHIR server is temporarily unavailable.';
  return `${why} Trying again in ${seconds} s…`;
}
