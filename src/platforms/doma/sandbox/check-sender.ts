import { DomaErrorCode, DomaErrorType } from '../contract/doma-errors.js';
import { DOMA_DV, SENDER_FINGERPRINT_RE } from '../contract/sender.js';
import { gqlError } from './sandbox-error.js';

/** Every write's `dv: 1` and `sender` with a valid fingerprint, else the whole call fails. */
export function checkSender(data: {
  dv?: unknown;
  sender?: { dv?: unknown; fingerprint?: unknown } | null;
}): void {
  if (data.dv !== DOMA_DV) {
    throw gqlError(DomaErrorCode.badUserInput, 'DV_VERSION_MISMATCH', 'Wrong value for data version number');
  }
  const s = data.sender;
  if (
    !s ||
    s.dv !== DOMA_DV ||
    typeof s.fingerprint !== 'string' ||
    !SENDER_FINGERPRINT_RE.test(s.fingerprint)
  ) {
    throw gqlError(
      DomaErrorCode.badUserInput,
      DomaErrorType.wrongSenderFormat,
      'Invalid data format: sender',
    );
  }
}
