import { DomainError } from '@cf/platform';

/** More bytes arrived than the caller allowed; nothing was kept. */
export class PayloadTooLargeError extends DomainError {
  constructor(readonly maxBytes: number) {
    super('FILE_TOO_LARGE', `The file is larger than the limit of ${maxBytes} bytes`, 413, { maxBytes });
  }
}

/** A storage key that is not of the allowed form (see `assertValidObjectKey`). */
export class InvalidObjectKeyError extends DomainError {
  constructor(key: string, reason: string) {
    super('INVALID_OBJECT_KEY', `Invalid storage key ${JSON.stringify(key.slice(0, 100))}: ${reason}`, 400);
  }
}
