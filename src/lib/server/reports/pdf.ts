/**
 * One unit's results in one round as an A4 PDF (pdfkit, standard Helvetica): cover with the findings
 * in brief, the nine areas, strengths and improvement areas with their advice, the alignment (for a
 * model with alignment pairs), the perception gap,
 * sub-units, trend, company questions and open actions. It prints only figures ReportData holds.
 */
import PDFDocument from 'pdfkit';
import type { ReportData } from './data';
import { cover } from './pdf-cover';
import { areaScores, findings, perceptionGap } from './pdf-findings';
import { alignment } from './pdf-alignment';
import { actions, questions, subunits, trend } from './pdf-sections';
import { CONTENT_WIDTH, INK, LEFT, PAGE, SIZE, fitLine, onEveryPage, pageFooter, textAt, winAnsi, type Doc } from './pdf-layout';
import { progress, reportText, type ReportText } from './report-text';

type Section = (doc: Doc, data: ReportData, txt: ReportText) => void;

const SECTIONS: Section[] = [
	(doc, data, txt) => areaScores(doc, data.results, txt),
	findings,
	alignment,
	(doc, data, txt) => perceptionGap(doc, data.results, txt),
	subunits,
	trend,
	questions,
	actions
];

export async function renderPdf(data: ReportData, opts: { onProgress?: (fraction: number) => void } = {}): Promise<Buffer> {
	const txt = reportText(data);
	const step = progress(SECTIONS.length + 2, opts.onProgress);
	const doc: Doc = new PDFDocument({
		size: 'A4',
		margins: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.margin, right: PAGE.margin },
		bufferPages: true,
		lang: data.locale === 'sv' ? 'sv-SE' : 'en-GB',
		displayTitle: true,
		info: {
			Title: winAnsi(`${txt.title} – ${data.results.unit.name} – ${data.results.round.name}`),
			Author: winAnsi(data.organization),
			Creator: 'SOS',
			CreationDate: data.generatedAt
		}
	});
	const done = collect(doc);
	cover(doc, data, txt);
	step();
	for (const section of SECTIONS) {
		section(doc, data, txt);
		step();
	}
	pageFurniture(doc, txt);
	doc.end();
	const pdf = await done;
	step();
	return pdf;
}

function collect(doc: Doc): Promise<Buffer> {
	const chunks: Buffer[] = [];
	return new Promise((resolve, reject) => {
		doc.on('data', (c: Buffer) => chunks.push(c));
		doc.on('end', () => resolve(Buffer.concat(chunks)));
		doc.on('error', reject);
	});
}

/** Running header (from page 2) and footer with "page n of m" on every page, drawn once the page count is known. */
function pageFurniture(doc: Doc, txt: ReportText): void {
	onEveryPage(doc, (i, count, first) => {
		pageFooter(doc, { y: PAGE.height - 40, gap: 8, text: txt.footer, pageLabel: txt.t('report.page', { page: i + 1, pages: count }) });
		if (!first)
			textAt(doc, fitLine(doc, txt.title, CONTENT_WIDTH, { size: SIZE.tiny, font: 'bold' }), LEFT, 32, CONTENT_WIDTH, {
				size: SIZE.tiny,
				font: 'bold',
				color: INK.muted
			});
	});
}
