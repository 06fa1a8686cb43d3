// The typed API of mailcf.
export { main } from './cli/main.js';
export { memoryIO, type CliIO, type ByteSink, type MemoryIO } from './cli/io.js';
