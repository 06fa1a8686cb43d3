// The time-dependent macros sendmail defines at start-up: $b (the date in RFC 822 form, as its
// arpadate builds it from ctime) and $i (the queue id of the test envelope).

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad2 = (n: number): string => String(n).padStart(2, '0');

/** The local time zone's short name (for the parenthesised part of $b). */
function zoneName(d: Date): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZoneName: 'short' })
    .formatToParts(d)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? '';
}

/** sendmail's arpadate: "Wed, 5 Nov 2025 17:07:28 +0100 (CET)", or "GMT" at offset zero. */
export function arpaDate(d: Date): string {
  const day = d.getDate();
  let out = `${DAYS[d.getDay()]}, ${day} ${MONTHS[d.getMonth()]} ${d.getFullYear()} `;
  out += `${pad2(d.getHours())}:${pad2(d.getMinutes())}:${pad2(d.getSeconds())} `;
  let off = -d.getTimezoneOffset();
  if (off === 0) return out + 'GMT';
  out += off < 0 ? '-' : '+';
  off = Math.min(Math.abs(off), 23 * 60 + 59);
  out += pad2(Math.floor(off / 60)) + pad2(off % 60);
  const zone = zoneName(d);
  return zone !== '' ? `${out} (${zone})` : out;
}

const QUEUE_ID_CHARS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const QIC_LEN = 60;
const QIC_LEN_R = 62;

/** A queue id as sendmail's assign_queueid makes it: time (UTC), a sequence number, the pid. */
export function queueId(d: Date, pid: number, sequence: number): string {
  const seq = sequence % (QIC_LEN * QIC_LEN);
  const c = (i: number): string => QUEUE_ID_CHARS[i];
  return (
    c((d.getUTCFullYear() - 1900) % QIC_LEN) +
    c(d.getUTCMonth()) +
    c(d.getUTCDate()) +
    c(d.getUTCHours()) +
    c(d.getUTCMinutes() % QIC_LEN_R) +
    c(d.getUTCSeconds() % QIC_LEN_R) +
    c(Math.floor(seq / QIC_LEN)) +
    c(seq % QIC_LEN) +
    String(pid).padStart(6, '0')
  );
}
