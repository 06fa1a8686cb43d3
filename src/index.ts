// The typed API of mailcf.
export { main } from './cli/main.js';
export { memoryIO, type CliIO, type ByteSink, type MemoryIO } from './cli/io.js';
export { M4, type M4Options, type M4Diagnostic, type JsBuiltin, type JsBuiltinCall } from './m4/engine.js';
export { SendmailConfig } from './cf/config.js';
export { createSendmailConfig } from './cf/defaults.js';
export { readCf, readCfFile, type ReadCfOptions } from './cf/reader.js';
export { nodeCfEnvironment, type CfEnvironment } from './cf/environment.js';
export { ErrorChannel, SendmailExit } from './cf/errors.js';
export type { Rule, Mailer, HeaderDefault, HeaderCheck, OptionAssignment } from './cf/model.js';
export { prescan, type PrescanOptions, type PrescanResult } from './rules/prescan.js';
export { rewrite, rewriteTokens } from './rules/rewrite.js';
export { ScanVector, ArrayWorkspace, scanVectorWorkspace, type RewriteEnv } from './rules/context.js';
export { formatTokens, formatText, catTokens } from './rules/tokens.js';
