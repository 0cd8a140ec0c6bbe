/**
 * The wording a reader agrees to when subscribing. The signup box shows it
 * and the subscription records it, so the consent on file is what was shown.
 */
export const SIGNUP_HEADING = 'Subscribe to our weekly round-up';
export const SIGNUP_FINE_PRINT = 'One email a week. Unsubscribe with one click.';

/** The full wording on record for a signup, given the publication's pitch at that moment. */
export function consentWording(pitch: string): string {
  return [`${SIGNUP_HEADING}.`, pitch.trim(), SIGNUP_FINE_PRINT].filter(Boolean).join(' ');
}
