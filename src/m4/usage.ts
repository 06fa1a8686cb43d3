// What `m4 --help` and `m4 --version` print (GNU m4 1.4.19's texts: users compare them).

/** The default --warn-macro-sequence regular expression. */
export const DEFAULT_MACRO_SEQUENCE = '\\$\\({[^}]*}\\|[0-9][0-9]+\\)';

export function helpText(programName: string, nestingLimit: number): string {
  return `Usage: ${programName} [OPTION]... [FILE]...
Process macros in FILEs.  If no FILE or if FILE is \`-', standard input
is read.

Mandatory or optional arguments to long options are mandatory or optional
for short options too.

Operation modes:
      --help                   display this help and exit
      --version                output version information and exit
  -E, --fatal-warnings         once: warnings become errors, twice: stop
                                 execution at first error
  -i, --interactive            unbuffer output, ignore interrupts
  -P, --prefix-builtins        force a \`m4_' prefix to all builtins
  -Q, --quiet, --silent        suppress some warnings for builtins
      --warn-macro-sequence[=REGEXP]
                               warn if macro definition matches REGEXP,
                                 default ${DEFAULT_MACRO_SEQUENCE}

Preprocessor features:
  -D, --define=NAME[=VALUE]    define NAME as having VALUE, or empty
  -I, --include=DIRECTORY      append DIRECTORY to include path
  -s, --synclines              generate \`#line NUM "FILE"' lines
  -U, --undefine=NAME          undefine NAME

Limits control:
  -g, --gnu                    override -G to re-enable GNU extensions
  -G, --traditional            suppress all GNU extensions
  -H, --hashsize=PRIME         set symbol lookup hash table size [509]
  -L, --nesting-limit=NUMBER   change nesting limit, 0 for unlimited [${nestingLimit}]

Frozen state files:
  -F, --freeze-state=FILE      produce a frozen state on FILE at end
  -R, --reload-state=FILE      reload a frozen state from FILE at start

Debugging:
  -d, --debug[=FLAGS]          set debug level (no FLAGS implies \`aeq')
      --debugfile[=FILE]       redirect debug and trace output to FILE
                                 (default stderr, discard if empty string)
  -l, --arglength=NUM          restrict macro tracing size
  -t, --trace=NAME             trace NAME when it is defined

FLAGS is any of:
  a   show actual arguments
  c   show before collect, after collect and after call
  e   show expansion
  f   say current input file name
  i   show changes in input files
  l   say current input line number
  p   show results of path searches
  q   quote values as necessary, with a or e flag
  t   trace for all macro calls, not only traceon'ed
  x   add a unique macro call id, useful with c flag
  V   shorthand for all of the above flags

If defined, the environment variable \`M4PATH' is a colon-separated list
of directories included after any specified by \`-I'.

Exit status is 0 for success, 1 for failure, 63 for frozen file version
mismatch, or whatever value was passed to the m4exit macro.

Report bugs to: bug-m4@gnu.org
GNU M4 home page: <https://www.gnu.org/software/m4/>
General help using GNU software: <https://www.gnu.org/gethelp/>
`;
}

/** The author's name as gnulib's proper_name_utf8 prints it: UTF-8 bytes only in a UTF-8 locale. */
function authorName(env: NodeJS.ProcessEnv): string {
  const locale = env.LC_ALL || env.LC_CTYPE || env.LANG || '';
  return /utf-?8/i.test(locale) ? 'Ren\u00c3\u00a9 Seindal' : "Rene' Seindal";
}

export function versionText(env: NodeJS.ProcessEnv): string {
  return `m4 (GNU M4) 1.4.19
Copyright (C) 2021 Free Software Foundation, Inc.
License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.
This is free software: you are free to change and redistribute it.
There is NO WARRANTY, to the extent permitted by law.

Written by ${authorName(env)}.
`;
}

/** GNU's usage(EXIT_FAILURE) line. */
export function tryHelpText(programName: string): string {
  return `Try \`${programName} --help' for more information.\n`;
}
