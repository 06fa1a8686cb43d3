// The typed API of mailcf.
export { main } from './cli/main.js';
export { memoryIO, type CliIO, type ByteSink, type MemoryIO } from './cli/io.js';
export { M4, type M4Options, type M4Diagnostic, type JsBuiltin, type JsBuiltinCall } from './m4/engine.js';
