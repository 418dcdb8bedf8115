const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const LONG_DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const day = `(?:${DAYS.join('|')})`;
const month = `(${MONTHS.join('|')})`;
const time = '(\\d{2}):(\\d{2}):(\\d{2})';
/** IMF-fixdate: `Sun, 06 Nov 1994 08:49:37 GMT`. */
const IMF_FIXDATE = new RegExp(`^${day}, (\\d{2}) ${month} (\\d{4}) ${time} GMT$`);
/** Obsolete RFC 850: `Sunday, 06-Nov-94 08:49:37 GMT`. */
const RFC_850 = new RegExp(`^(?:${LONG_DAYS.join('|')}), (\\d{2})-${month}-(\\d{2}) ${time} GMT$`);
/** Obsolete asctime: `Sun Nov  6 08:49:37 1994`. */
const ASCTIME = new RegExp(`^${day} ${month} ( \\d|\\d{2}) ${time} (\\d{4})$`);

/**
 * Reads a Retry-After header as whole seconds from `now` (RFC 9110 §10.2.3): delta-seconds (a non-negative
 * integer) or an HTTP-date in one of its three forms. Anything else (`-5`, `1.5`, `3, 3`, an ISO date) is
 * undefined, so the caller backs off on its own instead of reading it as some date.
 */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
	if (!value) return undefined;
	const trimmed = value.trim();
	if (/^\d+$/.test(trimmed)) {
		const seconds = Number(trimmed);
		return Number.isSafeInteger(seconds) ? seconds : undefined;
	}
	const date = parseHttpDate(trimmed);
	if (date === undefined) return undefined;
	return Math.max(0, Math.ceil((date - now) / 1000));
}

function parseHttpDate(text: string): number | undefined {
	let m = IMF_FIXDATE.exec(text);
	if (m) return utc(Number(m[3]), m[2], Number(m[1]), m[4], m[5], m[6]);
	m = RFC_850.exec(text);
	if (m) {
		// A two-digit year more than 50 years ahead is in the past century (RFC 9110 §5.6.7).
		const thisYear = new Date().getUTCFullYear();
		let year = 2000 + Number(m[3]);
		if (year > thisYear + 50) year -= 100;
		return utc(year, m[2], Number(m[1]), m[4], m[5], m[6]);
	}
	m = ASCTIME.exec(text);
	if (m) return utc(Number(m[6]), m[1], Number(m[2].trim()), m[3], m[4], m[5]);
	return undefined;
}

function utc(year: number, monthName: string, dayOfMonth: number, hours: string, minutes: string, seconds: string): number | undefined {
	const monthIndex = MONTHS.indexOf(monthName);
	const [h, min, s] = [Number(hours), Number(minutes), Number(seconds)];
	if (h > 23 || min > 59 || s > 60) return undefined;
	const date = new Date(Date.UTC(year, monthIndex, dayOfMonth, h, min, s));
	// Date.UTC rolls 31 Feb over into March: such a date is not a date.
	if (date.getUTCDate() !== dayOfMonth || date.getUTCMonth() !== monthIndex) return undefined;
	return date.getTime();
}
