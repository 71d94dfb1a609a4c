import { ApiError } from '../api/api-error.js';
import { describeError } from './describe-error.js';

describe('describeError', () => {
  it('says a 403 is a refusal for the role, in the service’s words', () => {
    const refused = ApiError.fromBody(403, {
      error: { code: 'FORBIDDEN', message: 'This route needs the admin role', fields: [] },
    });
    expect(describeError(refused)).toBe(
      'Your role does not allow this (This route needs the admin role). Ask an admin for an editor or admin token.',
    );
  });

  it('says a 404 is something missing, naming it', () => {
    const missing = ApiError.fromBody(404, { error: { code: 'NOT_FOUND', message: 'No flag "gone"', fields: [] } });
    expect(describeError(missing)).toBe(
      'No flag "gone" (not found): it may have been archived or renamed, or the address is wrong.',
    );
  });

  it('still says what the status means when the body carries no error', () => {
    expect(describeError(ApiError.fromBody(403, undefined))).toMatch(/^Your role does not allow this/);
    expect(describeError(ApiError.fromBody(404, undefined))).toMatch(/\(not found\)/);
  });
});
