import { sampleSources, cite } from './src/verify/fixtures.js';
import { prepareSources } from './src/verify/prepare.js';
import { citedEvidence } from './src/verify/evidence.js';
import { scoreSupportFeatures, scoreSupport } from './src/verify/support.js';
const [a,b] = sampleSources();
const p = prepareSources([a!,b!]);
const ev = citedEvidence(p, [cite(b!, '“This is painful but necessary,” Nowak told reporters in Port Verde.')]);
for (const t of ['“This is painful but necessary,” Finance Minister Piotr Nowak told reporters.', '“This is painful but necessary,” Nowak told reporters.', 'Nowak told reporters the decision was painful but necessary.']) {
const sc = scoreSupportFeatures(ev.index!, t)!;
console.log(scoreSupport(ev.index!, t).score, JSON.stringify(sc.features), sc.problems);
}
