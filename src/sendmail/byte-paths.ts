// sendmail hands file names and program arguments to the system as the bytes it read. Our
// text is latin1 strings (one char per byte), while Node encodes a string path or argument as
// UTF-8: these helpers give the system the original bytes.

/** A latin1 byte string as the path Node should use (a Buffer, so no re-encoding). */
export function bytePath(path: string): Buffer {
  return Buffer.from(path, 'latin1');
}

/**
 * A latin1 byte string as a program argument. Node can only pass strings, which it encodes
 * as UTF-8: bytes that form valid UTF-8 go through unchanged; any other 8-bit bytes cannot be
 * passed exactly and go as their latin1 characters.
 */
export function byteArgument(arg: string): string {
  if (!/[\x80-\xff]/.test(arg)) return arg;
  const bytes = Buffer.from(arg, 'latin1');
  const decoded = bytes.toString('utf8');
  return Buffer.from(decoded, 'utf8').equals(bytes) ? decoded : arg;
}

/** A string from the system (a command-line argument, decoded as UTF-8 by Node) as bytes. */
export function systemTextBytes(text: string): string {
  return Buffer.from(text, 'utf8').toString('latin1');
}
