import * as vscode from 'vscode';
import type { Eol } from '../core/eol';

export function eolOf(document: vscode.TextDocument): Eol {
	return document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
}
