// Option values after the .cf (and -O) set them. Every option's last value is kept as text
// (by long name); the options the rest of mailcf acts on are also kept typed, with sendmail's
// defaults.

export type ProbeInterfaces = 'all' | 'none' | 'loopback';

export class OptionState {
  /** Last value given for each option (long name; `g` and `M` by their letter). */
  readonly raw = new Map<string, string>();
  /** Option codes set with sticky (command-line) values: the .cf cannot change them. */
  readonly sticky = new Set<number>();
  /** Milter sub-options set sticky. */
  readonly stickyMilter = new Set<string>();
  /** Timeout codes set sticky. */
  readonly stickyTimeouts = new Set<number>();

  /** OperatorChars (or $o before V7); null until set. */
  operatorChars: string | null = null;
  /** BlankSub: the character put between adjacent atoms when tokens are joined. */
  blankSub = ' ';
  /** ColonOkInAddr (V6+ configs turn it off). */
  colonOkInAddr = true;
  dontProbeInterfaces: ProbeInterfaces = 'all';
  serviceSwitchFile = '/etc/mail/service.switch';
  hostsFile = '/etc/hosts';
  matchGecos = false;
  /** DeliveryMode letter (i, b, q, d). */
  deliveryMode = 'b';
  /** ErrorMode letter. */
  errorMode = 'p';
  aliasFiles: string[] = [];
  helpFile: string | null = null;
  queueDirectory: string | null = null;
  maxQueueChildren = 0;
  niceQueueRun = 0;
  maxHopCount = 25;
  logLevel = 9;
  /** MustQuoteChars, with sendmail's built-in ones in front. */
  mustQuoteChars = "@,;:\\()[].'";
  unixFromLine: string | null = null;
  smtpGreeting: string | null = null;
  /** ResolverOptions flags that matter to test mode. */
  hasWildcardMX = false;
  workAroundBrokenAAAA = false;
  tryNullMXList = false;
  dontExpandCnames = false;
  fallbackMX: string | null = null;
  /** DefaultUser as uid/gid (sendmail picks mailnull/sendmail/daemon before the .cf). */
  defaultUid: number | null = null;
  defaultGid: number | null = null;
  /** Timeouts in seconds by sendmail's timeout name. */
  readonly timeouts = new Map<string, number>();
  /** DaemonPortOptions and ClientPortOptions values, in order. */
  readonly daemonPortOptions: string[] = [];
  readonly clientPortOptions: string[] = [];
  /** PrivacyOptions words recognised. */
  readonly privacy = new Set<string>();
  /** DontBlameSendmail words recognised. */
  readonly dontBlame = new Set<string>();
  /** -v or the Verbose option. */
  verbose = false;
  /** SevenBitInput, SingleLineFromHeader, and other booleans by long name. */
  readonly flags = new Map<string, boolean>();

  /** A boolean option's value (sendmail's atobool of its last value), or the default. */
  flag(name: string, dflt = false): boolean {
    return this.flags.get(name) ?? dflt;
  }
}

/** sendmail's atobool: empty or starting with t, T, y, Y is true. */
export function atobool(s: string): boolean {
  return s === '' || 'tTyY'.includes(s[0]);
}
