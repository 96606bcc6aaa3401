import { createHash, randomInt } from 'node:crypto';
import type * as Otp from 'otplib';
import type * as QrCode from 'qrcode';
import { onFirstUse } from '@bt/api/core';

/*
 * Time-based one-time passwords (RFC 6238: SHA-1, 6 digits, 30-second steps — what every
 * authenticator app reads from a QR code) and single-use recovery codes. otplib does the
 * cryptography; this file holds the product's choices.
 */

/** otplib and qrcode, required when a second factor is first set up or checked (onFirstUse). */
const otplib = onFirstUse(() => require('otplib') as typeof Otp);
const qrcode = onFirstUse(() => require('qrcode') as typeof QrCode);

/** The name an authenticator app shows above the codes. */
export const TOTP_ISSUER = 'Benchmark Tracker';
/** One step either side of now: a phone whose clock is a little off still signs in. */
const TOLERANCE_SECONDS = 30;
export const RECOVERY_CODE_COUNT = 10;

export function newTotpSecret(): string {
  return otplib().generateSecret();
}

export function totpUri(secret: string, accountEmail: string): string {
  return otplib().generateURI({ issuer: TOTP_ISSUER, label: accountEmail, secret });
}

/**
 * The time step a 6-digit code is good for, or null. A step at or before `lastTimeStep` is refused:
 * a code seen once (over a shoulder, in a log) does not sign in again.
 */
export async function acceptedTimeStep(secret: string, code: string, lastTimeStep: number | null): Promise<number | null> {
  const digits = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(digits)) return null;
  try {
    const result = await otplib().verify({
      secret,
      token: digits,
      epochTolerance: TOLERANCE_SECONDS,
      ...(lastTimeStep !== null ? { afterTimeStep: lastTimeStep } : {}),
    });
    return result.valid && 'timeStep' in result ? result.timeStep : null;
  } catch {
    // otplib refuses a last step beyond the window (a clock that went back, instances out of step): no code is good then.
    return null;
  }
}

/** Ten random codes of 10 characters (49 bits each, no look-alike letters), grouped for reading: `k3m9x-q2wpe`. */
export function newRecoveryCodes(): string[] {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: 10 }, () => alphabet[randomInt(alphabet.length)]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** Recovery codes are random enough that a plain SHA-256 keeps them safe at rest; typed with any case, spaces or dash. */
export function recoveryCodeHash(code: string): string {
  return createHash('sha256')
    .update(code.toLowerCase().replace(/[\s-]+/g, ''))
    .digest('hex');
}

export function looksLikeRecoveryCode(code: string): boolean {
  return code.replace(/[\s-]+/g, '').length === 10;
}

/** The QR code of a URI as one SVG path of its dark modules (drawn by the web app: no image, no inline markup). */
export function qrCodePath(uri: string): { size: number; path: string } {
  const { modules } = qrcode().create(uri, { errorCorrectionLevel: 'M' });
  let path = '';
  for (let y = 0; y < modules.size; y++) {
    for (let x = 0; x < modules.size; x++) {
      if (modules.get(y, x)) path += `M${x} ${y}h1v1h-1z`;
    }
  }
  return { size: modules.size, path };
}
