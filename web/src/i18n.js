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
    'sc.curve': 'Throughput per chip against interactivity', 'sc.curveNote': "The API's estimate over a concurrency sweep per option (1 to the most sequences that fit), throughput per chip against tokens/s per user, as InferenceX plots it. Ring: the estimate at your load; cross: the roofline bound at your load. Squares: measured results of GET /benchmarks on the same chip, model and precision, tokens/s per user = 1000 / their median time per output token (MLPerf Offline measures no latency: those are in the table below, not drawn). A measured result's workload and software are its own.",
    'sc.x': 'Interactivity (tokens/s per user)', 'sc.y': 'Throughput (tokens/s per chip)', 'sc.modelled': 'modelled',
    'sc.claim': 'Claim check', 'sc.claimed': 'Claimed ratio', 'sc.best': 'Best datasheet ratio', 'sc.unexplained': 'Unexplained factor',
    'sc.assumptions': 'What would close the gap', 'sc.specRatios': 'Datasheet ratios against the claim', 'sc.conditions': 'Conditions', 'sc.scope': 'Scope',
    'sc.openForm': 'Open in the form', 'sc.storedList': 'Seeded and saved scenarios', 'sc.kind': 'Kind', 'sc.origin': 'Origin', 'sc.claimId': 'Claim',
    'sc.pick': 'Choose a scenario to run it.', 'sc.year': 'Year', 'sc.gap': 'Gap to first', 'sc.ratio': 'Ratio to first', 'sc.cagr': 'CAGR',
    'sc.cumulative': 'Cumulative', 'sc.value': 'Value',
    'out.peakPFLOPS': 'Peak PFLOPS', 'out.effectivePFLOPS': 'Effective PFLOPS', 'out.days': 'Days', 'out.daysForBaselineFlop': 'Days for the baseline’s work',
    'out.itPowerMW': 'IT power (MW)', 'out.facilityPowerMW': 'Facility power (MW)', 'out.energyMWh': 'Energy (MWh)', 'out.energyCostUsd': 'Energy cost (USD)',
    'out.chipsNeeded': 'Chips for the target', 'out.energyPerMillionTokensKWh': 'kWh per million tokens',
    'out.count': 'Count',
    'nav.benchmarks': 'Benchmarks',
    'unit.tokPerChip': 'tok/s per chip', 'unit.tokPerUser': 'tok/s per user',
    // catalogue: issue 13's fields
    'col.deviceKind': 'Device', 'col.tier': 'Tier', 'col.price': 'Latest price (USD)', 'col.measured': 'Measured results',
    'device.gpu': 'GPU', 'device.npu': 'NPU', 'device.tpu': 'TPU', 'device.rdu': 'RDU', 'device.wafer-scale': 'wafer-scale',
    'tier.curated': 'curated', 'tier.epoch-only': 'Epoch only',
    'tier.curated.note': 'Curated: every figure checked against the vendor\'s or a reviewer\'s source (the sources below).',
    'tier.epoch-only.note': 'Imported from Epoch AI\'s ML hardware dataset (CC BY 4.0) without a curated review; its figures carry Epoch\'s sources.',
    'cat.epochName': 'Epoch AI calls it “{name}”.', 'cat.epochNameLabel': 'Name in Epoch AI’s data', 'cat.perDevice': 'Per-device note',
    'cat.memoryPhysical': 'Physical memory (GB)', 'cat.fp64Kind': 'FP64 kind', 'cat.measuredLink': '{n} measured results of {name}', 'cat.measuredOf': 'measured results of {name}',
    'cat.prices': 'Purchase prices (USD per chip)', 'cat.chipHour': 'Dollars per chip-hour',
    'price.none': 'No sourced purchase price.', 'price.noHourly': 'No sourced price per chip-hour.',
    'price.list': 'list price', 'price.estimate': 'estimate', 'price.derived-from-system': 'derived from a system price',
    'price.tco-all-in': 'all-in cost of owning (power included)', 'price.rental': 'rental', 'price.capex': 'purchase price amortised',
    'price.placeholder-1.2x-b200': 'placeholder: 1.2 × B200', 'price.placeholder-1.2x-gb200': 'placeholder: 1.2 × GB200',
    'buyer.3yr-rental': '3-year rental', 'buyer.hyperscaler': 'hyperscaler', 'buyer.neocloud': 'neocloud', 'buyer.on-demand-cloud': 'on-demand cloud',
    // forecasts: editions, markets, FX
    'fc.marketOption': '{name} ({n} latest of {all})', 'fc.editions': 'Editions', 'fc.editions.latest': 'latest of each series',
    'fc.editions.all': 'every edition', 'fc.edition': 'Edition', 'fc.undatedEdition': 'undated', 'fc.latest': 'latest edition',
    'fc.supersededBy': 'superseded by {id}', 'fc.supersededShort': 'superseded',
    'fc.drawnLatest': 'Lines: the latest edition of each series (superseded editions are in the table).', 'fc.drawnAll': 'Lines: every edition.',
    'fc.leftOut': 'The consensus counts each series once, by its latest edition; left out: {list}.', 'fc.showAll': 'Show every edition',
    'fc.covers': 'Covers', 'fc.caveats': 'Caveats', 'fc.counts': 'Forecasts',
    'fc.countsText': '{f} forecasts in {s} series ({l} latest editions), {a}–{b}', 'fc.publishers': 'Publishers',
    'fc.fxRates': 'FX rates ({n})', 'fc.fxIntro': 'Every rate the API converts with, with its date and source; a forecast in another currency is converted at the rate of its own date.',
    'fc.pair': 'Pair', 'fc.rate': 'Rate', 'fc.rateAsOf': 'Rate for', 'fc.used': 'Used here', 'fc.usedYes': 'used',
    // benchmarks
    'bm.title': 'Measured benchmarks',
    'bm.intro': 'Inference results as published by MLCommons (MLPerf Inference) and SemiAnalysis (InferenceX), each with its source: repository, path, commit, licence and the attribution its publisher asks for. Nothing here is estimated.',
    'bm.model': 'Model', 'bm.conditions': 'Scenario / workload', 'bm.sourceKind': 'Source', 'bm.source.mlperf-inference': 'MLPerf Inference',
    'bm.source.inferencex': 'InferenceX', 'bm.scenario.Offline': 'Offline', 'bm.scenario.Server': 'Server', 'bm.scenario.Interactive': 'Interactive',
    'bm.workload': 'InferenceX {w}', 'bm.mlperfRun': '{round} {scenario}', 'bm.sweepPoint': '{w} tokens, {c} concurrent', 'bm.pages': 'Pages',
    'bm.count': '{n} results on this page', 'bm.first': '← First page', 'bm.next': 'Next page →', 'bm.none': 'No measured result matches these filters.',
    'bm.result': 'Result', 'bm.tokPerChip': 'Generated tok/s per chip', 'bm.latency': 'Latency (median)', 'bm.software': 'Submitter, software',
    'bm.undated': 'undated', 'bm.division': 'division', 'bm.resultId': 'result', 'bm.licence': 'Licence',
    'bm.attribution': 'Attribution', 'bm.systemDescription': 'system description', 'bm.noLatency': 'no latency measured (Offline)',
    'bm.noLatencyShort': 'no: no latency measured', 'bm.yes': 'yes', 'bm.onChart': 'On the chart',
    'bm.generatedNote': 'Generated tokens per second per chip: MLPerf’s LLM throughput counts generated tokens only; an InferenceX point’s output throughput per GPU.',
    'bm.published': 'Published throughput', 'bm.output': 'Output throughput', 'bm.perChipOf': 'per chip of {n}',
    'bm.validation': 'The model against the measurements',
    'bm.validationIntro': 'Every usable result reproduced by the inference model at its own conditions (GET /benchmarks/validation): the calibrated estimate against the measurement. On the diagonal the model is right; the dashed lines are ±25%.',
    'bm.validationTitle': 'Estimated against measured tokens/s per chip', 'bm.validationNote': '{n} validated results, log-log; hover a dot for the result and its error.',
    'bm.xMeasured': 'Measured generated tokens/s per chip', 'bm.yEstimate': 'Estimated tokens/s per chip', 'bm.measured': 'measured', 'bm.estimate': 'estimate',
    'bm.bound': 'bound', 'bm.error': 'Error', 'bm.diagonal': 'estimate = measured', 'bm.band': '±25%', 'bm.notFitted': 'open division: shown, not fitted',
    'bm.served': 'Served calibration', 'bm.fitText': 'bandwidth efficiency {b}, compute efficiency {c}, step overhead {o} ms', 'bm.fittedOn': 'fitted on {n} results',
    'bm.method': 'Method', 'bm.errors': 'Errors in and out of sample (absolute error of the estimate)', 'bm.split': 'Split', 'bm.calibratedOn': 'Calibrated on',
    'bm.reportedOn': 'Reported on', 'bm.results': 'Results', 'bm.median': 'Median', 'bm.worst': 'Worst', 'bm.fit': 'Fit', 'bm.inSample': 'in sample',
    'bm.allUsable': 'all usable results', 'bm.same': 'the same', 'bm.fittedInputs': 'Fitted effective prompt lengths (MLCommons publishes only the maximum)',
    'bm.fittedTokens': 'Fitted tokens', 'bm.maxTokens': 'The rules’ maximum', 'bm.excluded': 'Not reproduced ({n}), with the reason',
    'bm.everyResult': 'Every validated result ({n})', 'bm.caveats': 'Caveats',
    // scenarios: training model
    'sc.mode': 'Work', 'mode.days': 'a number of days', 'mode.tokens': 'tokens of a model (6ND)', 'mode.totalFlop': 'total FLOP',
    'sc.model': 'Model', 'model.custom': 'custom (numbers below)', 'sc.tokensT': 'Training tokens (trillions)', 'sc.flop': 'Total FLOP',
    'sc.recompute': 'Activation recomputation', 'recompute.none': 'none (6ND)', 'recompute.full': 'full (8ND)',
    'sc.utilHint': 'empty: Epoch AI’s median 0.375', 'sc.pueHint': 'empty: 1.25 (Epoch AI)', 'sc.buyer': 'Buyer type (price per chip-hour)',
    'out.utilization': 'MFU', 'out.rentalUsd': 'Rental (USD)', 'out.capexUsd': 'Capex (USD)', 'out.perHour': '{v}/chip-hour', 'out.basis': 'price basis',
    'out.noCapex': 'No chip price: give one in the body, or the catalogue has none.', 'out.serverFactor': 'server factor ×{f}',
    'sc.tokens': 'Tokens', 'sc.work': 'Work', 'sc.averagePower': 'average draw {f} of peak',
    'sc.assumptionsList': 'Assumptions', 'sc.caveats': 'Caveats', 'from.option': 'this option’s value', 'from.request': 'the request', 'from.calibration': 'the calibration',
    // scenarios: inference model 2.0
    'sc.optPrecision': 'Precision', 'sc.asBody': 'as the form', 'sc.tp': 'Chips per replica', 'sc.tpHint': 'empty: the fewest that fit',
    'sc.workload': 'Workload', 'workload.preset': 'preset {w}', 'workload.custom': 'custom (tokens below)', 'sc.input': 'Prompt tokens', 'sc.output': 'Generated tokens',
    'sc.experts': 'Experts (MoE)', 'sc.topk': 'Experts per token', 'sc.bppHint': 'empty: the option’s precision',
    'sc.load': 'Load', 'loadMode.perUser': 'tokens/s per user', 'loadMode.batch': 'batch size', 'loadMode.maxFit': 'as many as fit',
    'sc.perUserTarget': 'Tokens/s per user', 'sc.targetHint': 'sizes the fleet; empty: no sizing', 'sc.computeEff': 'Compute efficiency',
    'sc.computeEffHint': 'empty: the calibration', 'load.batchSize': 'batch of {b} sequences per replica',
    'load.targetTokensPerSecondPerUser': 'the most sequences that keep {u} tokens/s per user', 'load.maxFit': 'as many sequences as fit in memory',
    'sc.activeShort': 'active', 'sc.expertsText': '{e} experts, {k} per token', 'sc.noKv': 'No architecture given: the KV cache is not modelled.',
    'sc.workloadText': '{i} prompt / {o} generated tokens', 'sc.efficiencies': 'Efficiencies', 'sc.effText': 'bandwidth {b}, compute {c}, step overhead {o} ms',
    'eff.bandwidth': 'bandwidth', 'eff.compute': 'compute', 'eff.overhead': 'overhead', 'sc.seeValidation': 'The validation →',
    'sc.powerBasis': 'Power basis', 'sc.costBasis': 'Cost basis', 'sc.amortise': 'purchase prices amortised over {y} years',
    'sc.perfTable': 'Performance at your load', 'sc.replica': 'Chips per replica', 'sc.fewest': 'fewest that fit', 'sc.concurrency': 'Sequences per replica',
    'sc.capped': 'capped: the batch does not fit', 'sc.targetMissed': 'the per-user target is not reached', 'sc.boundCol': 'Bound tok/s per chip',
    'sc.estimateCol': 'Estimate tok/s per chip', 'sc.perUser': 'Tok/s per user', 'sc.tpot': 'TPOT', 'sc.ttft': 'TTFT', 'sc.limitedBy': 'Limited by',
    'sc.bound': 'bound', 'sc.memory': 'Memory per chip', 'sc.memoryText': '{w} of {u} GB weights', 'sc.maxConcurrency': 'at most {n} sequences; KV {kv} GB each',
    'sc.weights': 'weights', 'limit.memory': 'memory', 'limit.compute': 'compute', 'limit.overhead': 'step overhead',
    'sc.fleetTable': 'Fleet, power and cost', 'sc.replicas': 'Replicas', 'sc.allIn': 'All-in W per chip', 'sc.factorText': 'TDP {tdp} W × server {f} × PUE',
    'sc.facilityKW': 'Facility kW', 'sc.perMW': 'Tok/s per MW', 'sc.electricity': 'electricity {v}', 'sc.usdPerM': 'USD per million tokens',
    'cost.request': 'the request’s price', 'cost.sourced': 'sourced price', 'cost.capex': 'purchase price amortised + power', 'cost.none': 'no price',
    'sc.optionNotes': 'Notes', 'sc.measuredTable': 'Measured results for the same chip, model and precision',
    'sc.measuredIntro': 'GET /benchmarks for {model} on each option’s chip, at the option’s precision. Their workload and software are the benchmark’s, not necessarily the form’s.',
    'sc.yourLoad': 'estimate at your load', 'sc.boundPoint': 'roofline bound at your load', 'sc.measuredNone': 'measured: none for this chip, model and precision',
    'sc.measured': 'measured ({n})', 'sc.concurrencyN': '{n} sequences',
    // claim checks: measured ratios
    'sc.measuredRatios': 'Measured per-chip ratios against the claim', 'sc.measuredRatio': 'measured ratio', 'sc.pair': 'Chips',
    'sc.differs': 'How it differs from the claim', 'sc.noMeasuredRatios': 'No pair of measured results on these chips.',
    'differs.model': 'model', 'differs.workload': 'workload', 'differs.latency': 'latency', 'differs.subject precision': 'subject precision',
    'differs.baseline precision': 'baseline precision', 'differs.systems': 'systems', 'differs.software': 'software', 'differs.availability': 'availability',
    'verdict.gap': 'the datasheets leave this factor unexplained', 'verdict.explained': 'the datasheets explain the claim',
    'sc.precisions': 'Claim’s precisions (subject / baseline)', 'sc.claimedPower': 'Claimed power (baseline / subject)', 'sc.claimedDays': 'Claimed days',
    'origin.seed': 'seeded', 'origin.user': 'saved',
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
    'sc.curve': '상호작용성 대비 칩당 처리량', 'sc.curveNote': '옵션마다 API가 동시 시퀀스 수(1부터 메모리에 들어가는 최대까지)를 바꿔 가며 계산한 추정치로, InferenceX처럼 사용자당 토큰/초 대비 칩당 처리량을 그립니다. 고리: 입력한 부하의 추정치, ×: 입력한 부하의 루프라인 상한. 사각형: 같은 칩·모델·정밀도의 GET /benchmarks 실측 결과이며, 사용자당 토큰/초 = 1000 / 출력 토큰당 시간 중앙값입니다(MLPerf 오프라인은 지연을 재지 않아 아래 표에만 있습니다). 실측 결과의 워크로드와 소프트웨어는 각자의 것입니다.',
    'sc.x': '상호작용성(사용자당 토큰/초)', 'sc.y': '처리량(칩당 토큰/초)', 'sc.modelled': '모델',
    'sc.claim': '주장 검증', 'sc.claimed': '주장된 배율', 'sc.best': '데이터시트 최대 배율', 'sc.unexplained': '설명되지 않는 배율',
    'sc.assumptions': '차이를 메우려면', 'sc.specRatios': '주장 대비 데이터시트 배율', 'sc.conditions': '조건', 'sc.scope': '범위',
    'sc.openForm': '입력 양식으로 열기', 'sc.storedList': '기본 및 저장된 시나리오', 'sc.kind': '종류', 'sc.origin': '출처', 'sc.claimId': '주장',
    'sc.pick': '실행할 시나리오를 고르세요.', 'sc.year': '연도', 'sc.gap': '첫 번째와의 차이', 'sc.ratio': '첫 번째 대비 배율', 'sc.cagr': 'CAGR',
    'sc.cumulative': '누적', 'sc.value': '값',
    'out.peakPFLOPS': '최대 PFLOPS', 'out.effectivePFLOPS': '실효 PFLOPS', 'out.days': '일수', 'out.daysForBaselineFlop': '기준 작업에 걸리는 일수',
    'out.itPowerMW': 'IT 전력(MW)', 'out.facilityPowerMW': '시설 전력(MW)', 'out.energyMWh': '에너지(MWh)', 'out.energyCostUsd': '전력 비용(USD)',
    'out.chipsNeeded': '목표에 필요한 칩 수', 'out.energyPerMillionTokensKWh': '100만 토큰당 kWh',
    'out.count': '수량',
    'nav.benchmarks': '벤치마크',
    'unit.tokPerChip': '칩당 토큰/초', 'unit.tokPerUser': '사용자당 토큰/초',
    'col.deviceKind': '장치', 'col.tier': '등급', 'col.price': '최근 가격(USD)', 'col.measured': '실측 결과',
    'device.gpu': 'GPU', 'device.npu': 'NPU', 'device.tpu': 'TPU', 'device.rdu': 'RDU', 'device.wafer-scale': '웨이퍼 스케일',
    'tier.curated': '검수됨', 'tier.epoch-only': 'Epoch 데이터만',
    'tier.curated.note': '검수됨: 모든 수치를 제조사나 리뷰 출처와 대조했습니다(아래 출처).',
    'tier.epoch-only.note': 'Epoch AI의 ML 하드웨어 데이터(CC BY 4.0)에서 검수 없이 가져왔으며, 수치는 Epoch의 출처를 따릅니다.',
    'cat.epochName': 'Epoch AI 표기: “{name}”', 'cat.epochNameLabel': 'Epoch AI 데이터의 이름', 'cat.perDevice': '장치 단위 메모',
    'cat.memoryPhysical': '물리 메모리(GB)', 'cat.fp64Kind': 'FP64 종류', 'cat.measuredLink': '{name} 실측 결과 {n}개', 'cat.measuredOf': '{name} 실측 결과 수',
    'cat.prices': '구매 가격(칩당 USD)', 'cat.chipHour': '칩-시간당 가격(달러)',
    'price.none': '출처가 있는 구매 가격이 없습니다.', 'price.noHourly': '출처가 있는 칩-시간당 가격이 없습니다.',
    'price.list': '정가', 'price.estimate': '추정치', 'price.derived-from-system': '시스템 가격에서 환산',
    'price.tco-all-in': '보유 총비용(전력 포함)', 'price.rental': '임대', 'price.capex': '구매 가격 상각',
    'price.placeholder-1.2x-b200': '임시값: B200의 1.2배', 'price.placeholder-1.2x-gb200': '임시값: GB200의 1.2배',
    'buyer.3yr-rental': '3년 임대', 'buyer.hyperscaler': '하이퍼스케일러', 'buyer.neocloud': '네오클라우드', 'buyer.on-demand-cloud': '온디맨드 클라우드',
    'fc.marketOption': '{name} (최신 {n}개 / 전체 {all}개)', 'fc.editions': '판(에디션)', 'fc.editions.latest': '시리즈별 최신판',
    'fc.editions.all': '모든 판', 'fc.edition': '판', 'fc.undatedEdition': '날짜 없음', 'fc.latest': '최신판',
    'fc.supersededBy': '{id}(으)로 대체됨', 'fc.supersededShort': '대체됨',
    'fc.drawnLatest': '선: 시리즈별 최신판(대체된 판은 표에 있습니다).', 'fc.drawnAll': '선: 모든 판.',
    'fc.leftOut': '컨센서스는 시리즈마다 최신판 하나만 셉니다. 제외: {list}.', 'fc.showAll': '모든 판 보기',
    'fc.covers': '범위', 'fc.caveats': '유의사항', 'fc.counts': '전망',
    'fc.countsText': '시리즈 {s}개의 전망 {f}개(최신판 {l}개), {a}–{b}년', 'fc.publishers': '발표 기관',
    'fc.fxRates': '환율({n}개)', 'fc.fxIntro': 'API가 환산에 쓰는 모든 환율과 그 기준 시점·출처입니다. 다른 통화의 전망은 그 전망 시점의 환율로 환산합니다.',
    'fc.pair': '통화쌍', 'fc.rate': '환율', 'fc.rateAsOf': '기준 시점', 'fc.used': '이 화면에서 사용', 'fc.usedYes': '사용',
    'bm.title': '실측 벤치마크',
    'bm.intro': 'MLCommons(MLPerf Inference)와 SemiAnalysis(InferenceX)가 공개한 추론 결과입니다. 결과마다 저장소, 경로, 커밋, 라이선스, 발표 기관이 요구하는 출처 표기를 붙였습니다. 추정치는 없습니다.',
    'bm.model': '모델', 'bm.conditions': '시나리오 / 워크로드', 'bm.sourceKind': '출처', 'bm.source.mlperf-inference': 'MLPerf Inference',
    'bm.source.inferencex': 'InferenceX', 'bm.scenario.Offline': '오프라인', 'bm.scenario.Server': '서버', 'bm.scenario.Interactive': '인터랙티브',
    'bm.workload': 'InferenceX {w}', 'bm.mlperfRun': '{round} {scenario}', 'bm.sweepPoint': '{w} 토큰, 동시 {c}개', 'bm.pages': '페이지',
    'bm.count': '이 페이지 결과 {n}개', 'bm.first': '← 첫 페이지', 'bm.next': '다음 페이지 →', 'bm.none': '이 조건에 맞는 실측 결과가 없습니다.',
    'bm.result': '결과', 'bm.tokPerChip': '칩당 생성 토큰/초', 'bm.latency': '지연(중앙값)', 'bm.software': '제출자, 소프트웨어',
    'bm.undated': '날짜 없음', 'bm.division': '부문', 'bm.resultId': '결과', 'bm.licence': '라이선스',
    'bm.attribution': '출처 표기', 'bm.systemDescription': '시스템 설명', 'bm.noLatency': '지연 측정 없음(오프라인)',
    'bm.noLatencyShort': '아니요: 지연 측정 없음', 'bm.yes': '예', 'bm.onChart': '차트 표시',
    'bm.generatedNote': '칩당 초당 생성 토큰: MLPerf의 LLM 처리량은 생성 토큰만 셉니다. InferenceX는 GPU당 출력 처리량입니다.',
    'bm.published': '공개된 처리량', 'bm.output': '출력 처리량', 'bm.perChipOf': '{n}개 칩 기준 칩당',
    'bm.validation': '모델과 실측 비교',
    'bm.validationIntro': '추론 모델이 각 결과를 그 조건에서 재현한 값(GET /benchmarks/validation): 보정된 추정치와 실측치입니다. 대각선 위에 있으면 모델이 맞고, 점선은 ±25%입니다.',
    'bm.validationTitle': '칩당 토큰/초: 추정 대비 실측', 'bm.validationNote': '검증된 결과 {n}개, 양축 로그 눈금. 점에 마우스를 올리면 결과와 오차가 보입니다.',
    'bm.xMeasured': '실측 칩당 생성 토큰/초', 'bm.yEstimate': '추정 칩당 토큰/초', 'bm.measured': '실측', 'bm.estimate': '추정',
    'bm.bound': '상한', 'bm.error': '오차', 'bm.diagonal': '추정 = 실측', 'bm.band': '±25%', 'bm.notFitted': '오픈 부문: 표시만, 보정 제외',
    'bm.served': '제공 중인 보정값', 'bm.fitText': '대역폭 효율 {b}, 연산 효율 {c}, 스텝 오버헤드 {o} ms', 'bm.fittedOn': '결과 {n}개로 보정',
    'bm.method': '방법', 'bm.errors': '표본 내·외 오차(추정치의 절대 오차)', 'bm.split': '구분', 'bm.calibratedOn': '보정 대상',
    'bm.reportedOn': '평가 대상', 'bm.results': '결과 수', 'bm.median': '중앙값', 'bm.worst': '최대', 'bm.fit': '보정값', 'bm.inSample': '표본 내',
    'bm.allUsable': '사용 가능한 모든 결과', 'bm.same': '동일', 'bm.fittedInputs': '보정된 유효 프롬프트 길이(MLCommons는 최댓값만 공개)',
    'bm.fittedTokens': '보정된 토큰', 'bm.maxTokens': '규칙상 최댓값', 'bm.excluded': '재현하지 못한 결과({n}개)와 이유',
    'bm.everyResult': '검증된 모든 결과({n}개)', 'bm.caveats': '유의사항',
    'sc.mode': '작업량', 'mode.days': '일수', 'mode.tokens': '모델의 토큰 수(6ND)', 'mode.totalFlop': '총 FLOP',
    'sc.model': '모델', 'model.custom': '직접 입력(아래 수치)', 'sc.tokensT': '학습 토큰(조 개)', 'sc.flop': '총 FLOP',
    'sc.recompute': '활성값 재계산', 'recompute.none': '없음(6ND)', 'recompute.full': '전체(8ND)',
    'sc.utilHint': '비우면 Epoch AI 중앙값 0.375', 'sc.pueHint': '비우면 1.25(Epoch AI)', 'sc.buyer': '구매자 유형(칩-시간당 가격)',
    'out.utilization': 'MFU', 'out.rentalUsd': '임대 비용(USD)', 'out.capexUsd': '설비 투자(USD)', 'out.perHour': '칩-시간당 {v}', 'out.basis': '가격 근거',
    'out.noCapex': '칩 가격 없음: 요청에 넣거나, 카탈로그에 가격이 없습니다.', 'out.serverFactor': '서버 계수 ×{f}',
    'sc.tokens': '토큰', 'sc.work': '작업량', 'sc.averagePower': '평균 전력 최대의 {f}',
    'sc.assumptionsList': '가정', 'sc.caveats': '유의사항', 'from.option': '이 옵션의 값', 'from.request': '요청 값', 'from.calibration': '보정값',
    'sc.optPrecision': '정밀도', 'sc.asBody': '양식과 같음', 'sc.tp': '레플리카당 칩', 'sc.tpHint': '비우면 들어가는 최소 개수',
    'sc.workload': '워크로드', 'workload.preset': '프리셋 {w}', 'workload.custom': '직접 입력(아래 토큰)', 'sc.input': '프롬프트 토큰', 'sc.output': '생성 토큰',
    'sc.experts': '전문가 수(MoE)', 'sc.topk': '토큰당 전문가', 'sc.bppHint': '비우면 옵션의 정밀도',
    'sc.load': '부하', 'loadMode.perUser': '사용자당 토큰/초', 'loadMode.batch': '배치 크기', 'loadMode.maxFit': '메모리에 들어가는 만큼',
    'sc.perUserTarget': '사용자당 토큰/초', 'sc.targetHint': '플릿 규모 산정용, 비우면 산정 안 함', 'sc.computeEff': '연산 효율',
    'sc.computeEffHint': '비우면 보정값', 'load.batchSize': '레플리카당 시퀀스 {b}개 배치',
    'load.targetTokensPerSecondPerUser': '사용자당 {u} 토큰/초를 지키는 최대 시퀀스 수', 'load.maxFit': '메모리에 들어가는 만큼의 시퀀스',
    'sc.activeShort': '활성', 'sc.expertsText': '전문가 {e}개, 토큰당 {k}개', 'sc.noKv': '아키텍처가 없어 KV 캐시는 모델링하지 않습니다.',
    'sc.workloadText': '프롬프트 {i} / 생성 {o} 토큰', 'sc.efficiencies': '효율', 'sc.effText': '대역폭 {b}, 연산 {c}, 스텝 오버헤드 {o} ms',
    'eff.bandwidth': '대역폭', 'eff.compute': '연산', 'eff.overhead': '오버헤드', 'sc.seeValidation': '검증 보기 →',
    'sc.powerBasis': '전력 기준', 'sc.costBasis': '비용 기준', 'sc.amortise': '구매 가격 {y}년 상각',
    'sc.perfTable': '입력한 부하에서의 성능', 'sc.replica': '레플리카당 칩', 'sc.fewest': '들어가는 최소 개수', 'sc.concurrency': '레플리카당 시퀀스',
    'sc.capped': '제한됨: 배치가 메모리에 들어가지 않음', 'sc.targetMissed': '사용자당 목표에 못 미침', 'sc.boundCol': '상한 칩당 토큰/초',
    'sc.estimateCol': '추정 칩당 토큰/초', 'sc.perUser': '사용자당 토큰/초', 'sc.tpot': 'TPOT', 'sc.ttft': 'TTFT', 'sc.limitedBy': '병목',
    'sc.bound': '상한', 'sc.memory': '칩당 메모리', 'sc.memoryText': '{u} GB 중 가중치 {w} GB', 'sc.maxConcurrency': '최대 시퀀스 {n}개, 시퀀스당 KV {kv} GB',
    'sc.weights': '가중치', 'limit.memory': '메모리', 'limit.compute': '연산', 'limit.overhead': '스텝 오버헤드',
    'sc.fleetTable': '플릿, 전력, 비용', 'sc.replicas': '레플리카', 'sc.allIn': '칩당 총 전력(W)', 'sc.factorText': 'TDP {tdp} W × 서버 {f} × PUE',
    'sc.facilityKW': '시설 kW', 'sc.perMW': 'MW당 토큰/초', 'sc.electricity': '전기료 {v}', 'sc.usdPerM': '100만 토큰당 USD',
    'cost.request': '요청의 가격', 'cost.sourced': '출처 있는 가격', 'cost.capex': '구매 가격 상각 + 전력', 'cost.none': '가격 없음',
    'sc.optionNotes': '메모', 'sc.measuredTable': '같은 칩·모델·정밀도의 실측 결과',
    'sc.measuredIntro': '각 옵션의 칩에서 {model}의 GET /benchmarks 결과 중 옵션 정밀도와 같은 것입니다. 워크로드와 소프트웨어는 벤치마크의 것이며, 양식과 다를 수 있습니다.',
    'sc.yourLoad': '입력한 부하의 추정치', 'sc.boundPoint': '입력한 부하의 루프라인 상한', 'sc.measuredNone': '실측: 이 칩·모델·정밀도의 결과 없음',
    'sc.measured': '실측({n}개)', 'sc.concurrencyN': '시퀀스 {n}개',
    'sc.measuredRatios': '주장 대비 칩당 실측 배율', 'sc.measuredRatio': '실측 배율', 'sc.pair': '칩',
    'sc.differs': '주장과 다른 점', 'sc.noMeasuredRatios': '이 칩들의 실측 결과 쌍이 없습니다.',
    'differs.model': '모델', 'differs.workload': '워크로드', 'differs.latency': '지연', 'differs.subject precision': '대상 정밀도',
    'differs.baseline precision': '기준 정밀도', 'differs.systems': '시스템', 'differs.software': '소프트웨어', 'differs.availability': '출시 상태',
    'verdict.gap': '데이터시트로 설명되지 않는 배율', 'verdict.explained': '데이터시트로 주장이 설명됨',
    'sc.precisions': '주장의 정밀도(대상 / 기준)', 'sc.claimedPower': '주장된 전력(기준 / 대상)', 'sc.claimedDays': '주장된 일수',
    'origin.seed': '기본 제공', 'origin.user': '저장됨',
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

/**
 * US dollars (not billions): "$33,600", "$1.69"; from a million up compact, "$550.5M" / "US$5.505억".
 * `digits`: fraction digits below a million (default 0 from 1,000 up, else 2).
 */
export function usd(value, digits) {
  if (value == null || !Number.isFinite(value)) return t('none');
  if (Math.abs(value) >= 1e6) return nf({ style: 'currency', currency: 'USD', notation: 'compact', maximumSignificantDigits: 4 }).format(value);
  const d = digits ?? (Math.abs(value) >= 1000 ? 0 : 2);
  return nf({ style: 'currency', currency: 'USD', minimumFractionDigits: 0, maximumFractionDigits: d }).format(value);
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
export { messages };
