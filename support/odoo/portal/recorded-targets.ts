/**
 * A recording holds each request's body and answer, not the cookies and
 * redirects of a web session: the customer portal's scenarios cannot be
 * recorded or replayed, so on a recorded target (`uat run --record`, or an
 * environment with UAT_RECORDING) they are skipped, saying why.
 */

/** Set to "true" by `uat run` for its workers while a recording is made or replayed (recorded-target/stand-in.ts). */
export const RECORDED_TARGET_VARIABLE = 'UAT_RECORDED_TARGET';

/** The tag of the scenarios that act in the customer portal. */
const PORTAL_TAG = '@requires:portal';

export const PORTAL_NOT_RECORDED =
  'acts in the customer portal with a web session (cookies, redirects), which a recorded target does not record: run it against a live Odoo';

/** Whether a scenario (by its tags) acts in the portal while this run makes or replays a recording. */
export function portalOnRecordedTarget(tags: readonly string[], environment: NodeJS.ProcessEnv = process.env): boolean {
  return environment[RECORDED_TARGET_VARIABLE] === 'true' && tags.includes(PORTAL_TAG);
}
