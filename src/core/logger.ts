/** Where core modules write what they do; the extension passes its `Cekura` log channel. */
export interface Logger {
	debug(message: string): void;
	info(message: string): void;
	warn(message: string): void;
	error(message: string): void;
}
