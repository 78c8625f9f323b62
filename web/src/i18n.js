// English and Korean: labels, number and date formats. The language comes from ?lang=, else from the
// browser's languages (ko* -> Korean), else English. Data from the API (names, notes, sources) are
// shown as published, in their own language.

const messages = {
  en: {
    'app.title': 'ChipCast Explorer',
    'app.tagline': 'AI inference hardware: every figure with its source and as-of date; dense and sparse TFLOPS never mixed.',
    'lang.label': 'Language',
    'nav.catalogue': 'Catalogue', 'nav.compare': 'Compare', 'nav.roofline': 'Roofline', 'nav.trends': 'Trends',
    'nav.forecasts': 'Forecasts', 'nav.scenarios': 'Scenarios', 'nav.docs': 'API reference',
    'foot.data': 'Data: the ChipCast API (this origin). Chip figures are dense peak throughput; where a vendor publishes only sparse figures, ChipCast stores sparse ÷ 2 and flags it. Epoch AI data CC BY 4.0.',
    'loading': 'Loading…', 'error': 'The API answered {status} {code}: {message}',
    'all': 'All', 'none': '—', 'noSource': 'No source gives this figure (null).',
    'sources': 'Sources', 'source': 'Source', 'asOf': 'as of {date}', 'asOf.published': 'published', 'asOf.checked': 'checked',
    'supports': 'supports: {text}', 'sourcesPerChip': 'The API gives sources per chip; each says which figures it supports.',
    'download.svg': 'SVG', 'download.png': 'PNG', 'download.csv': 'CSV', 'download.label': 'Download {what} as {format}',
    'csv.failed': 'The CSV download failed ({message}).',
    'chart.marks': '{n} marks',
    // catalogue
    'cat.title': 'Chip catalogue', 'cat.intro': 'Every accelerator ChipCast knows. Hover or focus a figure for its sources and their as-of dates. Click a column to sort.',
    'cat.vendor': 'Vendor', 'cat.workload': 'Workload', 'cat.minMemory': 'Min. memory (GB)', 'cat.precision': 'Precision',
    'cat.only': 'Only chips with a dense figure at this precision', 'cat.count': '{n} chips',
    'col.chip': 'Chip', 'col.vendor': 'Vendor', 'col.workload': 'Workload', 'col.launch': 'Launch', 'col.memory': 'Memory (GB)',
    'col.bandwidth': 'Bandwidth (TB/s)', 'col.tdp': 'TDP (W)', 'col.dense': 'Dense {p} {unit}', 'col.perWatt': '{unit}/W ({p})',
    'col.ridge': 'Ridge (FLOP/B, {p})', 'col.interconnect': 'Interconnect (GB/s)', 'col.flag': 'Dense / sparse',
    'workload.training': 'training', 'workload.inference': 'inference', 'workload.both': 'both',
    'flag.dense': 'dense', 'flag.sparse': 'sparse ÷ 2', 'flag.denseNote': 'The source gives dense figures.',
    'flag.sparseNote': 'The vendor publishes only sparse figures; the dense value shown is sparse ÷ 2.',
    'cat.detail': 'Details', 'cat.close': 'Close details', 'cat.notes': 'Notes', 'cat.sparseNote': 'Sparse note',
    'cat.launchNote': 'Launch date note', 'cat.architecture': 'Architecture', 'cat.process': 'Process', 'cat.memoryType': 'Memory type',
    'cat.formFactor': 'Form factor', 'cat.confidence': 'Confidence', 'cat.denseAll': 'Dense throughput per precision',
    'cat.unitNote': 'TFLOPS for floating point, TOPS for int8/int4.',
    'sort.by': 'Sort by {col}',
    // compare
    'cmp.title': 'Compare chips', 'cmp.intro': 'Two to ten chips as ratios to the baseline (the first). Bars start at 1× (the baseline): right is more, left is less. Log scale.',
    'cmp.chips': 'Chips (2–10)', 'cmp.baseline': 'Baseline', 'cmp.pickMore': 'Choose at least two chips.', 'cmp.tooMany': 'At most ten chips.',
    'cmp.chart': 'Ratio to {name}', 'cmp.figure': 'Figure', 'cmp.ratio': '×{r}', 'cmp.noRatio': 'no ratio (a figure is unknown)',
    'fig.memoryGB': 'Memory (GB)', 'fig.memoryBandwidthTBs': 'Bandwidth (TB/s)', 'fig.tdpWatts': 'TDP (W)', 'fig.interconnectGBs': 'Interconnect (GB/s)',
    'fig.dense': 'Dense {p} {unit}', 'fig.perWatt': '{unit}/W ({p})',
    // roofline
    'roof.title': 'Roofline', 'roof.intro': 'Attainable throughput = min(peak dense compute, memory bandwidth × arithmetic intensity). The ridge point (dot) is where a kernel stops being memory-bound. Log-log.',
    'roof.x': 'Arithmetic intensity (FLOP/byte)', 'roof.y': 'Attainable dense {unit} ({p})', 'roof.ridge': 'ridge {v} FLOP/B',
    'roof.missing': 'Not drawn (no {p} figure or no bandwidth): {names}', 'roof.chips': 'Chips (up to 12)',
    // trends
    'trend.title': 'Trends', 'trend.intro': 'Dense throughput and memory bandwidth by launch date, coloured by vendor. Log scale. A launch given as a year only is placed mid-year.',
    'trend.compute': 'Dense {p} {unit} by launch date', 'trend.bandwidth': 'Memory bandwidth (TB/s) by launch date', 'trend.launch': 'Launch date',
    'trend.yearOnly': 'year only',
    // forecasts
    'fc.title': 'Market forecasts', 'fc.intro': 'Each published forecast of one market definition: reported points marked, years between them interpolated (solid), years past them extrapolated at the implied CAGR (dashed). The band is the consensus min–max of the sources that report or interpolate a year; the thick line is its median.',
    'fc.market': 'Market', 'fc.currency': 'Currency', 'fc.to': 'Extend to year (extrapolate)', 'fc.value': 'Market size ({unit})',
    'fc.unit.USD': 'USD billion', 'fc.unit.KRW': 'KRW trillion (조 원)', 'fc.year': 'Year',
    'fc.reported': 'reported', 'fc.interpolated': 'interpolated', 'fc.extrapolated': 'extrapolated', 'fc.band': 'consensus min–max', 'fc.median': 'consensus median',
    'fc.table': 'Forecasts', 'fc.publisher': 'Publisher', 'fc.definition': 'Market definition', 'fc.points': 'Known points', 'fc.implied': 'Implied CAGR',
    'fc.stated': 'Stated CAGR', 'fc.fx': 'FX used', 'fc.notes': 'Notes', 'fc.consensus': 'Consensus by year', 'fc.min': 'Min', 'fc.max': 'Max',
    'fc.medianCol': 'Median', 'fc.count': 'Sources', 'fc.korean': 'Korean notation', 'fc.consistent': 'consistent', 'fc.inconsistent': 'gap {g} points',
    'fc.series': 'Series CSV', 'fc.computed': 'computed on request: {why}',
    // scenarios
    'sc.title': 'Scenarios', 'sc.intro': 'What follows from a set of assumptions: training clusters, inference fleets and market forecasts compared with the first option (the baseline). Formulas: docs/scenarios.md.',
    'sc.training': 'Training', 'sc.inference': 'Inference', 'sc.market': 'Market', 'sc.stored': 'Stored scenarios',
    'sc.run': 'Compare', 'sc.add': 'Add option', 'sc.remove': 'Remove option {n}', 'sc.option': 'Option {n}', 'sc.chip': 'Chip', 'sc.count': 'Count',
    'sc.name': 'Name', 'sc.precision': 'Precision', 'sc.days': 'Days', 'sc.util': 'Utilization (0–1]', 'sc.pue': 'PUE',
    'sc.params': 'Parameters (billions)', 'sc.active': 'Active parameters (billions, MoE)', 'sc.bpp': 'Bytes per parameter', 'sc.batch': 'Batch size',
    'sc.target': 'Target tokens/s', 'sc.forecasts': 'Forecasts (2–10, the first is the reference)', 'sc.from': 'From', 'sc.to': 'To',
    'sc.result': 'Result', 'sc.ratios': 'Ratios to the baseline', 'sc.baselineNote': 'Baseline: {name}',
    'sc.curve': 'Throughput per chip against interactivity', 'sc.curveNote': 'Modelled by the API (roofline decode) at batch sizes {batches}; interactivity = tokens/s per chip × chips holding the weights ÷ batch (ideal tensor parallelism, as docs/scenarios.md). Without KV-cache reads (not modelled) the per-user rate of a memory-bound chip does not depend on the batch, so each curve runs straight up until compute binds and then flat. Measured benchmark points will be overlaid here once the benchmarks land.',
    'sc.x': 'Interactivity (tokens/s per user)', 'sc.y': 'Throughput (tokens/s per chip)', 'sc.modelled': 'modelled', 'sc.measured': 'measured (none yet)',
    'sc.yourBatch': 'your batch ({b})',
    'sc.claim': 'Claim check', 'sc.claimed': 'Claimed ratio', 'sc.best': 'Best datasheet ratio', 'sc.unexplained': 'Unexplained factor',
    'sc.assumptions': 'What would close the gap', 'sc.specRatios': 'Datasheet ratios against the claim', 'sc.conditions': 'Conditions', 'sc.scope': 'Scope',
    'sc.openForm': 'Open in the form', 'sc.storedList': 'Seeded and saved scenarios', 'sc.kind': 'Kind', 'sc.origin': 'Origin', 'sc.claimId': 'Claim',
    'sc.pick': 'Choose a scenario to run it.', 'sc.year': 'Year', 'sc.gap': 'Gap to first', 'sc.ratio': 'Ratio to first', 'sc.cagr': 'CAGR',
    'sc.cumulative': 'Cumulative', 'sc.value': 'Value',
    'out.peakPFLOPS': 'Peak PFLOPS', 'out.effectivePFLOPS': 'Effective PFLOPS', 'out.days': 'Days', 'out.daysForBaselineFlop': 'Days for the baseline’s work',
    'out.itPowerMW': 'IT power (MW)', 'out.facilityPowerMW': 'Facility power (MW)', 'out.energyMWh': 'Energy (MWh)', 'out.energyCostUsd': 'Energy cost (USD)',
    'out.tokensPerSecondPerChip': 'Tokens/s per chip', 'out.bound': 'Bound', 'out.chipsToFitWeights': 'Chips to hold the weights',
    'out.chipsNeeded': 'Chips for the target', 'out.itPowerKW': 'IT power (kW)', 'out.energyPerMillionTokensKWh': 'kWh per million tokens',
    'out.count': 'Count', 'bound.memory': 'memory', 'bound.compute': 'compute',
  },
  ko: {
    'app.title': 'ChipCast 익스플로러',
    'app.tagline': 'AI 추론 하드웨어: 모든 수치에 출처와 기준 시점을 붙이고, dense와 sparse TFLOPS는 섞지 않습니다.',
    'lang.label': '언어',
    'nav.catalogue': '칩 목록', 'nav.compare': '비교', 'nav.roofline': '루프라인', 'nav.trends': '추세',
    'nav.forecasts': '시장 전망', 'nav.scenarios': '시나리오', 'nav.docs': 'API 문서',
    'foot.data': '데이터: ChipCast API(같은 출처). 칩 수치는 dense 최대 성능이며, 제조사가 sparse 수치만 공개한 경우 sparse ÷ 2로 저장하고 표시합니다. Epoch AI 데이터 CC BY 4.0.',
    'loading': '불러오는 중…', 'error': 'API 응답 {status} {code}: {message}',
    'all': '전체', 'none': '—', 'noSource': '이 수치를 제공하는 출처가 없습니다(null).',
    'sources': '출처', 'source': '출처', 'asOf': '{date} 기준', 'asOf.published': '발표', 'asOf.checked': '확인',
    'supports': '뒷받침하는 수치: {text}', 'sourcesPerChip': 'API는 칩별로 출처를 제공하며, 각 출처가 어떤 수치를 뒷받침하는지 밝힙니다.',
    'download.svg': 'SVG', 'download.png': 'PNG', 'download.csv': 'CSV', 'download.label': '{what} {format} 내려받기',
    'csv.failed': 'CSV를 내려받지 못했습니다({message}).',
    'chart.marks': '표시 {n}개',
    'cat.title': '칩 목록', 'cat.intro': 'ChipCast가 아는 모든 가속기입니다. 수치에 마우스를 올리거나 포커스하면 출처와 기준 시점이 보입니다. 열 제목을 누르면 정렬됩니다.',
    'cat.vendor': '제조사', 'cat.workload': '워크로드', 'cat.minMemory': '최소 메모리(GB)', 'cat.precision': '정밀도',
    'cat.only': '이 정밀도의 dense 수치가 있는 칩만', 'cat.count': '칩 {n}개',
    'col.chip': '칩', 'col.vendor': '제조사', 'col.workload': '워크로드', 'col.launch': '출시', 'col.memory': '메모리(GB)',
    'col.bandwidth': '대역폭(TB/s)', 'col.tdp': 'TDP(W)', 'col.dense': 'Dense {p} {unit}', 'col.perWatt': '{unit}/W ({p})',
    'col.ridge': '리지 포인트(FLOP/B, {p})', 'col.interconnect': '인터커넥트(GB/s)', 'col.flag': 'Dense / sparse',
    'workload.training': '학습', 'workload.inference': '추론', 'workload.both': '학습·추론',
    'flag.dense': 'dense', 'flag.sparse': 'sparse ÷ 2', 'flag.denseNote': '출처가 dense 수치를 제공합니다.',
    'flag.sparseNote': '제조사가 sparse 수치만 공개합니다. 표시된 dense 값은 sparse ÷ 2입니다.',
    'cat.detail': '상세', 'cat.close': '상세 닫기', 'cat.notes': '메모', 'cat.sparseNote': 'Sparse 관련 메모',
    'cat.launchNote': '출시일 메모', 'cat.architecture': '아키텍처', 'cat.process': '공정', 'cat.memoryType': '메모리 종류',
    'cat.formFactor': '폼팩터', 'cat.confidence': '신뢰도', 'cat.denseAll': '정밀도별 dense 처리량',
    'cat.unitNote': '부동소수점은 TFLOPS, int8/int4는 TOPS입니다.',
    'sort.by': '{col} 기준 정렬',
    'cmp.title': '칩 비교', 'cmp.intro': '칩 2~10개를 기준 칩(첫 번째) 대비 배율로 보여줍니다. 막대는 1배(기준)에서 시작해 오른쪽이 더 크고 왼쪽이 더 작습니다. 로그 눈금.',
    'cmp.chips': '칩(2~10개)', 'cmp.baseline': '기준 칩', 'cmp.pickMore': '칩을 두 개 이상 고르세요.', 'cmp.tooMany': '최대 10개까지 고를 수 있습니다.',
    'cmp.chart': '{name} 대비 배율', 'cmp.figure': '항목', 'cmp.ratio': '{r}배', 'cmp.noRatio': '배율 없음(수치 미상)',
    'fig.memoryGB': '메모리(GB)', 'fig.memoryBandwidthTBs': '대역폭(TB/s)', 'fig.tdpWatts': 'TDP(W)', 'fig.interconnectGBs': '인터커넥트(GB/s)',
    'fig.dense': 'Dense {p} {unit}', 'fig.perWatt': '{unit}/W ({p})',
    'roof.title': '루프라인', 'roof.intro': '달성 가능 처리량 = min(dense 최대 연산 성능, 메모리 대역폭 × 연산 강도). 리지 포인트(점)에서 메모리 병목이 끝납니다. 양축 로그 눈금.',
    'roof.x': '연산 강도(FLOP/바이트)', 'roof.y': '달성 가능 dense {unit} ({p})', 'roof.ridge': '리지 {v} FLOP/B',
    'roof.missing': '그리지 않음({p} 수치 또는 대역폭 없음): {names}', 'roof.chips': '칩(최대 12개)',
    'trend.title': '추세', 'trend.intro': '출시일별 dense 처리량과 메모리 대역폭, 제조사별 색상. 로그 눈금. 출시 연도만 알려진 칩은 그해 중간에 놓습니다.',
    'trend.compute': '출시일별 Dense {p} {unit}', 'trend.bandwidth': '출시일별 메모리 대역폭(TB/s)', 'trend.launch': '출시일',
    'trend.yearOnly': '연도만',
    'fc.title': '시장 전망', 'fc.intro': '한 시장 정의에 대한 공개 전망들: 발표 수치는 점, 그 사이 연도는 보간(실선), 그 밖의 연도는 내재 CAGR로 외삽(점선). 띠는 그해를 발표하거나 보간한 출처들의 컨센서스 최소–최대, 굵은 선은 중앙값입니다.',
    'fc.market': '시장', 'fc.currency': '통화', 'fc.to': '외삽할 마지막 연도', 'fc.value': '시장 규모({unit})',
    'fc.unit.USD': '10억 달러', 'fc.unit.KRW': '조 원', 'fc.year': '연도',
    'fc.reported': '발표 수치', 'fc.interpolated': '보간', 'fc.extrapolated': '외삽', 'fc.band': '컨센서스 최소–최대', 'fc.median': '컨센서스 중앙값',
    'fc.table': '전망 목록', 'fc.publisher': '발표 기관', 'fc.definition': '시장 정의', 'fc.points': '발표 수치', 'fc.implied': '내재 CAGR',
    'fc.stated': '발표 CAGR', 'fc.fx': '적용 환율', 'fc.notes': '메모', 'fc.consensus': '연도별 컨센서스', 'fc.min': '최소', 'fc.max': '최대',
    'fc.medianCol': '중앙값', 'fc.count': '출처 수', 'fc.korean': '한국식 표기', 'fc.consistent': '일치', 'fc.inconsistent': '{g}%p 차이',
    'fc.series': '시계열 CSV', 'fc.computed': '요청 시 계산: {why}',
    'sc.title': '시나리오', 'sc.intro': '가정에서 무엇이 따라 나오는지: 학습 클러스터, 추론 플릿, 시장 전망을 첫 번째 옵션(기준)과 비교합니다. 공식: docs/scenarios.md.',
    'sc.training': '학습', 'sc.inference': '추론', 'sc.market': '시장', 'sc.stored': '저장된 시나리오',
    'sc.run': '비교하기', 'sc.add': '옵션 추가', 'sc.remove': '옵션 {n} 삭제', 'sc.option': '옵션 {n}', 'sc.chip': '칩', 'sc.count': '수량',
    'sc.name': '이름', 'sc.precision': '정밀도', 'sc.days': '일수', 'sc.util': '활용률(0~1]', 'sc.pue': 'PUE',
    'sc.params': '파라미터(10억 개)', 'sc.active': '활성 파라미터(10억 개, MoE)', 'sc.bpp': '파라미터당 바이트', 'sc.batch': '배치 크기',
    'sc.target': '목표 토큰/초', 'sc.forecasts': '전망(2~10개, 첫 번째가 기준)', 'sc.from': '시작 연도', 'sc.to': '끝 연도',
    'sc.result': '결과', 'sc.ratios': '기준 대비 배율', 'sc.baselineNote': '기준: {name}',
    'sc.curve': '상호작용성 대비 칩당 처리량', 'sc.curveNote': 'API 모델(루프라인 디코드)로 배치 크기 {batches}에서 계산. 상호작용성 = 칩당 토큰/초 × 가중치를 담는 칩 수 ÷ 배치(이상적 텐서 병렬, docs/scenarios.md). KV 캐시 읽기를 모델링하지 않으므로 메모리 병목인 칩의 사용자당 속도는 배치와 무관해, 곡선은 연산 병목이 될 때까지 수직으로 오르다 평평해집니다. 벤치마크가 들어오면 실측 점을 여기에 겹쳐 표시합니다.',
    'sc.x': '상호작용성(사용자당 토큰/초)', 'sc.y': '처리량(칩당 토큰/초)', 'sc.modelled': '모델', 'sc.measured': '실측(아직 없음)',
    'sc.yourBatch': '입력한 배치({b})',
    'sc.claim': '주장 검증', 'sc.claimed': '주장된 배율', 'sc.best': '데이터시트 최대 배율', 'sc.unexplained': '설명되지 않는 배율',
    'sc.assumptions': '차이를 메우려면', 'sc.specRatios': '주장 대비 데이터시트 배율', 'sc.conditions': '조건', 'sc.scope': '범위',
    'sc.openForm': '입력 양식으로 열기', 'sc.storedList': '기본 및 저장된 시나리오', 'sc.kind': '종류', 'sc.origin': '출처', 'sc.claimId': '주장',
    'sc.pick': '실행할 시나리오를 고르세요.', 'sc.year': '연도', 'sc.gap': '첫 번째와의 차이', 'sc.ratio': '첫 번째 대비 배율', 'sc.cagr': 'CAGR',
    'sc.cumulative': '누적', 'sc.value': '값',
    'out.peakPFLOPS': '최대 PFLOPS', 'out.effectivePFLOPS': '실효 PFLOPS', 'out.days': '일수', 'out.daysForBaselineFlop': '기준 작업에 걸리는 일수',
    'out.itPowerMW': 'IT 전력(MW)', 'out.facilityPowerMW': '시설 전력(MW)', 'out.energyMWh': '에너지(MWh)', 'out.energyCostUsd': '전력 비용(USD)',
    'out.tokensPerSecondPerChip': '칩당 토큰/초', 'out.bound': '병목', 'out.chipsToFitWeights': '가중치를 담는 칩 수',
    'out.chipsNeeded': '목표에 필요한 칩 수', 'out.itPowerKW': 'IT 전력(kW)', 'out.energyPerMillionTokensKWh': '100만 토큰당 kWh',
    'out.count': '수량', 'bound.memory': '메모리', 'bound.compute': '연산',
  },
};

let lang = 'en';

export function pickLanguage(requested) {
  if (requested === 'ko' || requested === 'en') return requested;
  const browser = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || 'en'];
  for (const l of browser) {
    const base = String(l).toLowerCase().split('-')[0];
    if (base === 'ko' || base === 'en') return base;
  }
  return 'en';
}

export function setLanguage(l) {
  lang = l;
  document.documentElement.lang = l;
}

export function language() {
  return lang;
}

export function t(key, vars = {}) {
  const text = messages[lang][key] ?? messages.en[key];
  if (text == null) {
    console.error(`i18n: no message ${key}`);
    return key;
  }
  return text.replace(/\{(\w+)\}/g, (_, name) => (vars[name] == null ? '' : String(vars[name])));
}

const locale = () => (lang === 'ko' ? 'ko-KR' : 'en-US');
const numberFormats = new Map();

function nf(options) {
  const key = `${locale()}|${JSON.stringify(options)}`;
  if (!numberFormats.has(key)) numberFormats.set(key, new Intl.NumberFormat(locale(), options));
  return numberFormats.get(key);
}

/** A figure with about `digits` significant digits, grouped per locale; null is a dash. */
export function num(value, { digits = 4, max = null } = {}) {
  if (value == null || !Number.isFinite(value)) return t('none');
  if (max != null) return nf({ maximumFractionDigits: max }).format(value);
  const abs = Math.abs(value);
  if (abs >= 10 ** digits) return nf({ maximumFractionDigits: 0 }).format(value);
  return nf({ maximumSignificantDigits: digits }).format(value);
}

export function pct(fraction, max = 1) {
  if (fraction == null || !Number.isFinite(fraction)) return t('none');
  return nf({ style: 'percent', maximumFractionDigits: max }).format(fraction);
}

export function ratio(r) {
  if (r == null || !Number.isFinite(r)) return t('none');
  return t('cmp.ratio', { r: num(r, { digits: 3 }) });
}

/**
 * KRW billions as Korean readers write it: 21,175.16 (bn) -> "21조 1,752억 원"
 * (1조 = 10^12 = 1,000 bn; 1억 = 10^8 = 0.1 bn; rounded to the nearest 억).
 */
export function krwKorean(billions) {
  if (billions == null || !Number.isFinite(billions)) return t('none');
  const eok = Math.round(billions * 10);
  const sign = eok < 0 ? '-' : '';
  const abs = Math.abs(eok);
  const jo = Math.floor(abs / 10000);
  const rest = abs % 10000;
  const group = new Intl.NumberFormat('ko-KR', { maximumFractionDigits: 0 });
  const parts = [];
  if (jo > 0) parts.push(`${group.format(jo)}조`);
  if (rest > 0 || jo === 0) parts.push(`${group.format(rest)}억`);
  return `${sign}${parts.join(' ')} 원`;
}

/** USD billions in Korean: 90.6 -> "906억 달러"; 1,500 -> "1조 5,000억 달러". */
function usdKorean(billions) {
  return krwKorean(billions).replace(/ 원$/, ' 달러');
}

/** Billions of a currency, per locale: en "$90.6bn" / "₩21,175bn"; ko "906억 달러" / "21조 1,752억 원". */
export function money(billions, currency) {
  if (billions == null || !Number.isFinite(billions)) return t('none');
  if (lang === 'ko') return currency === 'KRW' ? krwKorean(billions) : usdKorean(billions);
  const symbol = currency === 'KRW' ? '₩' : '$';
  return `${symbol}${num(billions, { digits: 4 })}bn`;
}

/** "2025-12" -> "Dec 2025" / "2025년 12월"; "2024-03-19" -> "Mar 19, 2024" / "2024년 3월 19일"; "2025" as is. */
export function date(text) {
  if (typeof text !== 'string') return t('none');
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(text);
  if (!m) return text;
  const [, y, mo, d] = m;
  if (!mo) return lang === 'ko' ? `${y}년` : y;
  const options = { year: 'numeric', month: 'short', timeZone: 'UTC' };
  if (d) options.day = 'numeric';
  return new Intl.DateTimeFormat(locale(), options).format(new Date(Date.UTC(+y, +mo - 1, d ? +d : 1)));
}

export function year(y) {
  return lang === 'ko' ? `${y}년` : String(y);
}
