// The exit statuses of <sysexits.h>, as sendmail uses them for its own exit status, for map
// lookup statuses (/map prints them) and for rewrite and delivery statuses.

export const EX_OK = 0;
export const EX_USAGE = 64;
export const EX_DATAERR = 65;
export const EX_NOUSER = 67;
export const EX_NOHOST = 68;
/** sendmail's "not found" status (map lookups) is the same number as EX_NOHOST. */
export const EX_NOTFOUND = EX_NOHOST;
export const EX_UNAVAILABLE = 69;
export const EX_SOFTWARE = 70;
export const EX_OSERR = 71;
export const EX_OSFILE = 72;
export const EX_IOERR = 74;
export const EX_TEMPFAIL = 75;
export const EX_PROTOCOL = 76;
export const EX_CONFIG = 78;
