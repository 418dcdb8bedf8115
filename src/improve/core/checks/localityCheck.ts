import * as l10n from '@vscode/l10n';
import type { ProposalCheck } from '../../../core/proposal';
import type { LineChanges } from './lineChanges';

/**
 * A proposal that changes this share of the lines or more is a near-total rewrite. A fix of the failures of up to
 * three runs changes the lines they point at and adds a few rules; when fewer than one line in five is left as it
 * was, the parts of the prompt that passed were rewritten too, and each of them may now fail.
 */
const NEAR_TOTAL_REWRITE_PERCENT = 80;

/**
 * Below this many lines (of the longer side) every fix touches most lines, so the share says nothing and no rewrite
 * is warned of: a warning that fires on every short prompt would teach users to ignore it.
 */
const MIN_LINES_FOR_REWRITE_WARNING = 10;

/** The share of lines the proposal changed, and a warning when it rewrote nearly all of them. */
export function localityCheck(changes: LineChanges): ProposalCheck {
	const kind = 'locality';
	const total = Math.max(changes.originalLines, changes.proposedLines);
	if (total === 0) return { kind, ok: true, line: l10n.t('Locality: both prompts are empty.') };
	// Rounded down, so the share shown reaches the threshold exactly when the warning does; never 0% for a change.
	const percent = changes.changed > 0 ? Math.max(1, Math.floor((changes.changed * 100) / total)) : 0;
	const nearTotal = total >= MIN_LINES_FOR_REWRITE_WARNING && changes.changed * 100 >= NEAR_TOTAL_REWRITE_PERCENT * total;
	if (nearTotal) {
		return { kind, ok: false, line: l10n.t('Locality: {0}% of lines changed ({1} of {2}), a near-total rewrite: check that what worked is still there.', percent, changes.changed, total) };
	}
	return { kind, ok: true, line: l10n.t('Locality: {0}% of lines changed ({1} of {2}).', percent, changes.changed, total) };
}
