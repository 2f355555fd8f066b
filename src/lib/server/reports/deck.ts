/**
 * One unit's results in one round as a PowerPoint deck (16:9). Its charts are native PowerPoint charts,
 * so a reader can restyle them and see the figures behind them; every figure is one ReportData holds.
 */
import PptxGenJS from 'pptxgenjs';
import type { ReportData } from './data';
import { areaSlides } from './deck-areas';
import { gapSlide, heatmapSlides, trendSlide } from './deck-charts';
import { alignmentSlides } from './deck-alignment';
import { actionSlides, coverSlide, findingSlides, questionSlides, summarySlide } from './deck-slides';
import { MASTER, hex, type Deck } from './deck-style';
import { progress, reportText, type ReportText } from './report-text';
import { chartColours } from '$lib/charts/colours';

type Slides = (pptx: Deck, data: ReportData, txt: ReportText) => void;

const SLIDES: Slides[] = [
	coverSlide,
	summarySlide,
	areaSlides,
	findingSlides,
	alignmentSlides,
	gapSlide,
	heatmapSlides,
	trendSlide,
	questionSlides,
	actionSlides
];

export async function renderDeck(data: ReportData, opts: { onProgress?: (fraction: number) => void } = {}): Promise<Buffer> {
	const txt = reportText(data);
	const step = progress(SLIDES.length + 1, opts.onProgress);
	const pptx: Deck = new PptxGenJS();
	pptx.layout = 'LAYOUT_WIDE';
	pptx.title = `${txt.title} – ${data.results.unit.name} – ${data.results.round.name}`;
	pptx.author = data.organization;
	pptx.company = data.organization;
	pptx.theme = { headFontFace: 'Arial', bodyFontFace: 'Arial' };
	pptx.defineSlideMaster({
		title: MASTER,
		background: { color: 'FFFFFF' },
		objects: [
			{ rect: { x: 0, y: 0, w: '100%', h: 0.08, fill: { color: hex(chartColours.unit) } } },
			{ line: { x: 0.5, y: 7.0, w: 12.33, h: 0, line: { color: hex(chartColours.rule), width: 0.75 } } },
			{ text: { text: txt.footer, options: { x: 0.5, y: 7.05, w: 10.5, h: 0.3, fontSize: 9, color: hex(chartColours.muted), fit: 'shrink' } } }
		],
		slideNumber: { x: 12.2, y: 7.05, w: 0.65, h: 0.3, fontSize: 9, color: hex(chartColours.muted), align: 'right' }
	});
	for (const slides of SLIDES) {
		slides(pptx, data, txt);
		step();
	}
	const out = (await pptx.write({ outputType: 'nodebuffer', compression: true })) as Uint8Array;
	step();
	return Buffer.from(out);
}
