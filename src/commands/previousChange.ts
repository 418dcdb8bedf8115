import type { ReviewChanges } from '../vscode/review/reviewChanges';
import type { Ui } from '../vscode/ui';
import { goToChange } from '../vscode/review/changeTarget';

/** Moves the cursor of the review's proposal side to the previous undecided change. */
export function previousChange(changes: ReviewChanges, ui: Ui): void {
	goToChange(changes, ui, 'previous');
}
