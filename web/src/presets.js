// Names the compare body takes (docs/openapi.yaml, docs/scenarios.md): the model presets of data/models.json
// (the browser test checks this list against that file), the workload presets and the buyer types of
// data/chip-hour-prices.json. Only names: every number behind them comes from the API's answer.

export const MODEL_PRESETS = [
  ['llama-2-70b', 'Llama 2 70B'], ['llama-3.1-8b', 'Llama 3.1 8B'], ['llama-3.1-70b', 'Llama 3.1 70B'],
  ['llama-3.1-405b', 'Llama 3.1 405B'], ['llama-3.3-70b', 'Llama 3.3 70B (Instruct)'], ['deepseek-v3', 'DeepSeek-V3 (671B MoE)'],
  ['deepseek-r1', 'DeepSeek-R1 (671B MoE)'], ['gpt-oss-120b', 'gpt-oss-120b'], ['mixtral-8x7b', 'Mixtral 8x7B'],
  ['mixtral-8x22b', 'Mixtral 8x22B'], ['qwen3-235b-a22b', 'Qwen3-235B-A22B'],
];

export const modelName = (id) => MODEL_PRESETS.find(([k]) => k === id)?.[1] || id;

export const WORKLOAD_PRESETS = ['1k/1k', '1k/8k', '8k/1k', 'mlperf-llama2-70b', 'mlperf-llama3.1-405b', 'mlperf-mixtral-8x7b'];

export const BUYER_TYPES = ['3yr-rental', 'hyperscaler', 'neocloud', 'on-demand-cloud'];

export const MLPERF_SCENARIOS = ['Offline', 'Server', 'Interactive'];
export const SWEEP_WORKLOADS = ['1k/1k', '1k/8k', '8k/1k'];
export const SOURCE_KINDS = ['mlperf-inference', 'inferencex'];
