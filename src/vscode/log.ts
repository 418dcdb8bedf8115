import * as vscode from 'vscode';
import type { Logger } from '../core/logger';
import { redact } from '../core/redact';
import { LOG_CHANNEL_NAME } from '../constants';

/** The one `Cekura` log channel. Every line passes through redaction of the API keys seen in this session. */
export class Log implements Logger, vscode.Disposable {
	private readonly channel = vscode.window.createOutputChannel(LOG_CHANNEL_NAME, { log: true });
	private readonly secrets = new Set<string>();

	/** Registers a value that must never appear in the log. */
	addSecret(secret: string): void {
		this.secrets.add(secret);
	}

	debug(message: string): void {
		this.channel.debug(this.clean(message));
	}
	info(message: string): void {
		this.channel.info(this.clean(message));
	}
	warn(message: string): void {
		this.channel.warn(this.clean(message));
	}
	error(message: string): void {
		this.channel.error(this.clean(message));
	}

	show(): void {
		this.channel.show(true);
	}

	dispose(): void {
		this.channel.dispose();
	}

	/**
	 * `text` without any key seen in this session (any letter case, URL-encoded): every line of the log, and
	 * everything `Ui` shows, passes through here.
	 */
	redact(text: string): string {
		return this.secrets.size ? redact(text, [...this.secrets]) : text;
	}

	private clean(message: string): string {
		return this.redact(message);
	}
}
