/** Thrown when an import file as a whole is unusable; nothing is written then. */
export class FormatError extends Error {
  override name = 'FormatError';
}
