import { describe, expect, it } from 'vitest';
import { trustedUidOf } from '../../../src/bt/map-env.js';

describe('the TrustedUser option as the maps see it', () => {
  const getpwnam = (name: string) => (name === 'smmta' ? { uid: 102 } : null);

  it('is a uid read as atoi reads it, or a user name looked up in the password file', () => {
    expect(trustedUidOf('102', getpwnam)).toBe(102);
    expect(trustedUidOf('7abc', getpwnam)).toBe(7);
    expect(trustedUidOf('smmta', getpwnam)).toBe(102);
  });

  it('is 0 when unset, empty or an unknown user (sendmail resets it before the lookup)', () => {
    expect(trustedUidOf(undefined, getpwnam)).toBe(0);
    expect(trustedUidOf('', getpwnam)).toBe(0);
    expect(trustedUidOf('nosuchuser', getpwnam)).toBe(0);
  });

  it('keeps the low 32 bits of an overlong number (uid_t), after strtol clamps it', () => {
    expect(trustedUidOf('4294967298', getpwnam)).toBe(2);
    expect(trustedUidOf('99999999999999999999999', getpwnam)).toBe(0xffffffff);
  });
});
