import { errorMessage } from '../../core/errorMessage';
import { isObject } from './jsonObject';
import { redactAndShorten } from './shownText';

/** What a message says of a request that failed in the transport (refused, reset, DNS, TLS, proxy). */
interface NetworkFailure {
	/** The host it was sent to. */
	host: string;
	/** The system error code (ECONNREFUSED…), if any. */
	code: string | undefined;
	/** ` (ECONNREFUSED)`, or empty without a code. */
	codeText: string;
	/** The transport's reason, keys taken out, at most 300 characters. */
	reason: string;
}

/** `withErrno`: a string `errno` counts as the code when `code` is not a string (Cekura's client reads it). */
export function networkFailure(err: unknown, url: string, secrets: readonly (string | undefined)[], withErrno: boolean): NetworkFailure {
	const code = errorCode(err, withErrno);
	return { host: new URL(url).host, code, codeText: code ? ` (${code})` : '', reason: redactAndShorten(errorMessage(err), 300, secrets) };
}

function errorCode(err: unknown, withErrno: boolean): string | undefined {
	if (!isObject(err)) return undefined;
	if (typeof err.code === 'string') return err.code;
	if (withErrno && typeof err.errno === 'string') return err.errno;
	return isObject(err.cause) && typeof err.cause.code === 'string' ? err.cause.code : undefined;
}
