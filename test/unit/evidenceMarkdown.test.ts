import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Run } from '../../src/core/apiTypes';
import { dashboardResultUrl, escapeMarkdown, renderEvidenceMarkdown, type EvidencePage } from '../../src/improve/core/evidenceMarkdown';
import { rescheduleRun, timeOfTurn } from '../support/runFixtures';

function page(overrides: Partial<EvidencePage> = {}): EvidencePage {
	return { sourceName: 'front-desk.md', author: 'Cekura', runIds: [5546], runs: [rescheduleRun({ result_id: 101, result_name: 'Nightly regression' })], baseUrl: 'http://127.0.0.1:4010', ...overrides };
}

/** What a Markdown reader shows of escaped text: the backslash escapes removed. */
function shown(markdown: string): string {
	return markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

describe('escapeMarkdown', () => {
	test('no Markdown or HTML can start in server text, and it stays on its line', () => {
		const hostile = '# Title\n- item\n<img src=x onerror=alert(1)> [click](javascript:alert(1)) ![i](http://x/y.png) **bold** `code` | a | b |\n\n    indented &amp; <https://evil.example>';
		const escaped = escapeMarkdown(hostile);
		assert.doesNotMatch(escaped, /\n/, 'a line break would let the text start a new block');
		assert.doesNotMatch(escaped, /(^|[^\\])[<>[\]()*`#|&!_]/, 'an unescaped Markdown or HTML character is left');
		assert.equal(shown(escaped), hostile.replace(/\s*\n\s*/g, ' '), 'the reader must still see the text as the server sent it');
	});

	test('drops control characters and keeps non-ASCII text', () => {
		assert.equal(escapeMarkdown('Grüße\u0000 \u0007ok ❌'), 'Grüße ok ❌');
	});
});

describe('dashboardResultUrl', () => {
	test('links to Cekura\'s web app only for Cekura\'s own API', () => {
		assert.equal(dashboardResultUrl('https://api.cekura.ai', 742, 101), 'https://dashboard.cekura.ai/742/results/101');
		assert.equal(dashboardResultUrl('https://api.cekura.ai/', 742, 101), 'https://dashboard.cekura.ai/742/results/101');
		assert.equal(dashboardResultUrl('http://127.0.0.1:4010', 742, 101), undefined);
		assert.equal(dashboardResultUrl('https://api.cekura.ai.evil.example', 742, 101), undefined);
		assert.equal(dashboardResultUrl('http://api.cekura.ai', 742, 101), undefined);
		assert.equal(dashboardResultUrl('not a url', 742, 101), undefined);
	});

	test('needs both IDs as positive integers', () => {
		assert.equal(dashboardResultUrl('https://api.cekura.ai', undefined, 101), undefined);
		assert.equal(dashboardResultUrl('https://api.cekura.ai', 742, null), undefined);
		assert.equal(dashboardResultUrl('https://api.cekura.ai', '742/../x', 101), undefined);
		assert.equal(dashboardResultUrl('https://api.cekura.ai', 742, 1.5), undefined);
		assert.equal(dashboardResultUrl('https://api.cekura.ai', -1, 101), undefined);
	});
});

describe('renderEvidenceMarkdown', () => {
	test('shows per run its ID, scenario, outcome, failing metrics, categories with feedback and the missed outcome', () => {
		const md = shown(renderEvidenceMarkdown(page()));
		assert.match(md, /^# Evidence for the review of front-desk.md$/m);
		assert.match(md, /^## Run 5546: Reschedule cleaning to next week$/m);
		assert.match(md, /^- \*\*Run ID:\*\* 5546$/m);
		assert.match(md, /^- \*\*Outcome:\*\* Failed \(status completed\)$/m);
		assert.match(md, /^- \*\*Booking confirmed\*\* \(metric 7\)\n {2}- The agent never read back the new appointment time/m);
		assert.match(md, /^- \*\*Alternatives offered\*\* \(metric 9\)/m, 'a v2 binary metric with passed: false is failing');
		assert.doesNotMatch(md, /Caller verified\*\* \(metric 8\)|Latency/, 'a passed or non-binary metric is not a failure');
		assert.match(md, /^- \*\*Ends call before confirming booking\*\* \(category 311, critical\)\n {2}- Feedback: Hung up while the caller hesitated/m);
		assert.doesNotMatch(md, /Interrupts the caller|Long pauses/, 'categories marked wrong or "not a bug" are left out');
		assert.match(md, /^### Expected outcome not met \(score 0\/100\)$/m);
		assert.match(md, /^- \*\*Missed:\*\* Call ended before confirmation \(depends on the prompt's words: “Keep calls short.”\)$/m);
		assert.doesNotMatch(md, /Missed:\*\* Caller verified/, 'an aligned outcome is no miss');
	});

	test('shows the transcript around the cited moment with speaker and time, the cited turns marked', () => {
		const md = shown(renderEvidenceMarkdown(page()));
		const heading = new RegExp(`^### Transcript around ${timeOfTurn(37)}, ${timeOfTurn(38)} \\(turns \\d+–\\d+ of 40\\)$`, 'm');
		assert.match(md, heading);
		assert.ok(md.includes(`- ▶ **[${timeOfTurn(37)}] Main Agent:** Thursday at 8:30 is booked for you. Goodbye! (turn 37)`), md);
		assert.ok(md.includes(`- ▶ **[${timeOfTurn(38)}] Testing Agent:** Wait, I wasn't sure about Thursday... (turn 38)`));
		assert.ok(!md.includes('(turn 10)'), 'the excerpt is around the failure, not the whole call');
	});

	test('links the run\'s result to Cekura\'s web app only when the server is Cekura\'s', () => {
		const local = renderEvidenceMarkdown(page({ projectIdOf: () => 742 }));
		assert.doesNotMatch(local, /dashboard\.cekura\.ai|\]\(/, 'a local server\'s run is not on Cekura\'s dashboard');
		assert.match(shown(local), /^- \*\*Result:\*\* Nightly regression \(101\)$/m);
		const cekura = renderEvidenceMarkdown(page({ baseUrl: 'https://api.cekura.ai', projectIdOf: (run) => (run.agent === 42 ? 742 : undefined), runs: [rescheduleRun({ agent: 42, result_id: 101, result_name: 'Nightly regression' })] }));
		assert.ok(cekura.includes('[Open in Cekura](https://dashboard.cekura.ai/742/results/101)'), cekura);
		const unknownProject = renderEvidenceMarkdown(page({ baseUrl: 'https://api.cekura.ai' }));
		assert.doesNotMatch(unknownProject, /dashboard\.cekura\.ai/, 'without the project there is no link to guess');
	});

	test('server text cannot inject Markdown, HTML or links, and keys are cleaned out before escaping', () => {
		const evil = rescheduleRun({
			scenario_name: 'Evil</h2><script>alert(1)</script>',
			critical_categories: [{ category_id: 1, category: '[phish](https://evil.example)', feedback: '![x](https://evil.example/t.png) ck_live_SECRET', priority: 'critical' }],
			transcript_object: [{ role: '<b>Main Agent</b>', time: '00:01', content: '# not a heading\n\n<iframe src="https://evil.example">' }],
			transcript: null,
		});
		const md = renderEvidenceMarkdown(page({ runs: [evil], clean: (text) => text.replaceAll('ck_live_SECRET', '***') }));
		assert.doesNotMatch(md, /(^|[^\\])<(script|iframe|\/h2|b>)|(^|[^\\])\]\(https|(^|[^\\])!\[x/m);
		assert.doesNotMatch(md, /^#+ not a heading/m);
		assert.doesNotMatch(md, /SECRET/);
		const text = shown(md);
		assert.ok(text.includes('Evil</h2><script>alert(1)</script>'), 'the reader still sees what the server sent, as text');
		assert.ok(text.includes('**[00:01] <b>Main Agent</b>:** # not a heading <iframe src="https://evil.example">'));
	});

	test('says what is missing: a run Cekura did not send, an infrastructure error, a passed run, no transcript', () => {
		const broken = rescheduleRun({ id: 5547, status: 'failed', error_message: 'Could not reach the agent\'s phone number.', evaluation: null, critical_categories: [], expected_outcome: null, expected_outcome_prompt: null, transcript_object: [], transcript: '' });
		const passed = rescheduleRun({ id: 5548, success: true, evaluation: null, critical_categories: [], expected_outcome: { score: 100, explanation: [], outcome_alignments: [] } });
		const md = shown(renderEvidenceMarkdown(page({ runIds: [5546, 5547, 5548, 5549], runs: [rescheduleRun(), broken, passed] })));
		assert.ok(md.indexOf('## Run 5546') < md.indexOf('## Run 5547') && md.indexOf('## Run 5547') < md.indexOf('## Run 5548'), 'runs in the review\'s order');
		assert.match(md, /## Run 5547[^]*Outcome:\*\* Did not complete \(status failed\)[^]*### Infrastructure error[^]*not the prompt's fault[^]*> Could not reach the agent's phone number\.[^]*Cekura sent no transcript for this run\./);
		assert.match(md, /## Run 5548[^]*Outcome:\*\* Passed[^]*Cekura reports no failing metric, critical category or missed outcome for this run\./);
		assert.match(md, /## Run 5549\n\nCekura sent no details for this run/);
	});

	test('fields Cekura sent in the wrong shape are listed under their names, not thrown over', () => {
		const odd = { ...rescheduleRun(), scenario_name: 42, evaluation: { metrics: [{ id: 7, name: ['Booking confirmed'], type: 'binary_workflow_adherence', score: 0 }] }, transcript_object: 'Hello?' } as unknown as Run;
		const md = renderEvidenceMarkdown(page({ runs: [odd] }));
		assert.match(md, /^## Run 5546$/m);
		assert.match(md, /^- \*\*\(no name\)\*\* \(metric 7\)$/m);
		assert.match(md, /### Fields left out\n\nCekura sent these fields[^\n]*\n\n- `scenario_name`: expected text, Cekura sent a number\n- `transcript_object`: expected a list, Cekura sent text\n- `evaluation.metrics\[0\].name`: expected text, Cekura sent a list\n/);
	});
});
