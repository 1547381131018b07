// Run `fn`, expect it to throw a CodedError, and return it for the caller's own assertions.
import { expect } from 'vitest';
import { CodedError } from '../../core/result';

export function codedError(fn: () => unknown): CodedError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(CodedError);
    return e as CodedError;
  }
  throw new Error('expected a CodedError, nothing was thrown');
}
