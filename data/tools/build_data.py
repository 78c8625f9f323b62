#!/usr/bin/env python3
"""Regenerate ChipCast's bundled datasets from the reference files.

    python3 data/tools/build_data.py                # write data/chips.json, forecasts.json, claims.json
    python3 data/tools/build_data.py --check        # validate the written files only
    python3 data/tools/build_data.py --epoch-table  # print the Epoch cross-check as a markdown table
    python3 data/tools/build_data.py --ref DIR      # read the reference files from DIR

Inputs (read-only, default ../shared/reference relative to the repository root):
chips.json, forecasts.json, claims.json, epoch_ml_hardware.csv.
Standard library only. Figures are never invented here: every value comes from the reference
files or the Epoch CSV; the only edits are the curated ones in the tables below, each with a reason.
"""
import argparse
import csv
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEFAULT_REF = os.path.normpath(os.path.join(ROOT, "..", "shared", "reference"))
OUT = os.path.join(ROOT, "data")

CHECKED = "2026-11"  # date the figures were checked; used where a source's own date is unknown
PREC = ["fp64", "fp32", "tf32", "bf16", "fp16", "fp8", "fp6", "fp4", "int8", "int4"]

EPOCH_TITLE = "Epoch AI, Machine Learning Hardware dataset (December 2025 copy), CC BY 4.0"
EPOCH_URL = "https://epoch.ai/data/machine-learning-hardware"
EPOCH_ASOF = "2025-12"

VENDOR_KEYS = {
    "NVIDIA": "nvidia", "AMD": "amd", "Intel (Habana)": "intel", "Intel": "intel",
    "Google": "google", "AWS": "aws", "Groq": "groq", "Rebellions": "rebellions",
    "FuriosaAI": "furiosa",
}

# ---------------------------------------------------------------------------------------------
# Source catalogue: url -> (title, asOf, asOfKind). asOfKind "published" = the source's own
# publication/copy date (from the page, its URL or the event it reports); "checked" = the date
# cannot be known, so the date the figures were checked is used.
# ---------------------------------------------------------------------------------------------
P, C = "published", "checked"
URLS = {
    "https://archive-lib.hpctech.co.jp/gpuproduct/nvidia-h100.html":
        ("HPC Tech archive: NVIDIA H100 product page (reproduces NVIDIA's H100 SXM/PCIe spec table)", CHECKED, C),
    "https://glennklockwood.com/garden/processors/h100":
        ("Glenn K. Lockwood, Digital Garden: NVIDIA H100", CHECKED, C),
    "https://glennklockwood.com/garden/processors/B200":
        ("Glenn K. Lockwood, Digital Garden: NVIDIA B200 (incl. B100 and GB200 variants)", CHECKED, C),
    "https://manuals.plus/m/d4b5dc21484df3ba8fbe84918338461cc074a3fcebcc13423eadc2b10ac3bda4":
        ("NVIDIA H100 PCIe GPU product brief PB-11133-001_v02 (copy on manuals.plus)", CHECKED, C),
    "https://lzwjava.github.io/nvidia-h200-gpu-specs-en":
        ("lzwjava blog: NVIDIA H200 GPU specs", CHECKED, C),
    "https://www.aiminingco.com/gpu/h200/specs":
        ("AI Mining Co: NVIDIA H200 specs", CHECKED, C),
    "https://docs.vultr.com/inference-cookbook/cuda/getting-started/hardware-overview":
        ("Vultr Docs, Inference Cookbook: hardware overview (HGX B200 node)", CHECKED, C),
    "https://hmc-tech.com/gpus/nvidia-b200-vs-nvidia-gb200":
        ("HMC Tech: NVIDIA B200 vs NVIDIA GB200", CHECKED, C),
    "https://developer.nvidia.com/blog/nvidia-gb200-nvl72-delivers-trillion-parameter-llm-training-and-real-time-inference/":
        ("NVIDIA Technical Blog: NVIDIA GB200 NVL72 Delivers Trillion-Parameter LLM Training and Real-Time Inference", "2024-03", P),
    "https://lavkesh.com/articles/nvidia-gtc-2024-the-blackwell-architecture-and-what-it-lavkesh-dwivedi-fe191c":
        ("Lavkesh Dwivedi: NVIDIA GTC 2024, the Blackwell architecture", CHECKED, C),
    "https://grokipedia.com/page/NVIDIA_L4_vs_L40S":
        ("Grokipedia: NVIDIA L4 vs L40S", CHECKED, C),
    "https://store.sourcecode.com/en-us/bg-bucket-compare/125/9820":
        ("Source Code store: NVIDIA GPU comparison (L4 spec listing)", CHECKED, C),
    "https://www.mullet.se/product.html?product_id=355414":
        ("Mullet.se product page: NVIDIA L40S (reproduces NVIDIA's L40/L40S spec table)", CHECKED, C),
    "https://www.itcreations.com/nvidia-gpu/nvidia-l40s-gpu-accelerator":
        ("IT Creations: NVIDIA L40S GPU accelerator", CHECKED, C),
    "https://www.jaredwatkins.com/research/ai-accelerators/amd-instinct/mi300-series/":
        ("Jared Watkins, research notes: AMD Instinct MI300 series", CHECKED, C),
    "https://gpu.blog/gpus/instinct-mi300x-mi300x":
        ("gpu.blog: AMD Instinct MI300X", CHECKED, C),
    "https://awesomeagents.ai/hardware/amd-mi325x":
        ("Awesome Agents hardware: AMD Instinct MI325X", CHECKED, C),
    "https://wiaix.com/amd-instincttm-mi325x-accelerators":
        ("WIAIX: AMD Instinct MI325X accelerators", CHECKED, C),
    "https://www.world-today-news.com/?p=7253162":
        ("World Today News: AMD MI355X details at ISSCC 2026", CHECKED, C),
    "https://www.pubgpclite.com/gaming/1681":
        ("pubgpclite.com: AMD Instinct MI355X overview", CHECKED, C),
    "https://www.tomshardware.com/pc-components/gpus/amds-instinct-mi355x-accelerator-will-consume-1-400-watts":
        ("Tom's Hardware: AMD's Instinct MI355X accelerator will consume 1,400 watts", CHECKED, C),
    "https://www.tomshardware.com/pc-components/gpus/amd-announces-mi350x-and-mi355x-ai-gpus-claims-up-to-4x-generational-gain-up-to-35x-faster-inference-performance":
        ("Tom's Hardware: AMD announces MI350X and MI355X AI GPUs, claims up to 4x generational gain, up to 35x faster inference performance", "2025-06", P),
    "https://aiwiki.ai/wiki/amd_instinct_mi355x":
        ("AI Wiki: AMD Instinct MI355X", CHECKED, C),
    "https://pcguia.pt/2024/04/nvidia-e-amd-tem-um-novo-rival-no-mercado-de-ia-a-intel":
        ("PCGuia: NVIDIA e AMD tem um novo rival no mercado de IA, a Intel (Gaudi 3, Intel Vision 2024)", "2024-04", P),
    "https://www.yobitel.com/knowledge-base/intel-gaudi-3":
        ("Yobitel knowledge base: Intel Gaudi 3", CHECKED, C),
    "https://y-ic.de/news/intel-officially-launches-gaudi3-ai-chip-slower-than-nvidia-h100,but-at-a-lower-cost.html":
        ("Y-IC: Intel officially launches Gaudi3 AI chip, slower than NVIDIA H100 but at a lower cost", CHECKED, C),
    "https://cloud.google.com/tpu/docs/v5e?authuser=0":
        ("Google Cloud TPU documentation: TPU v5e", CHECKED, C),
    "http://mobile.dudasite.com/site/google8/default?url=https%3A%2F%2Fcloud.google.com%2Ftpu%2Fdocs%2Fv5e%23configurations":
        ("Google Cloud TPU documentation: TPU v5e (newer revision, via mirror)", CHECKED, C),
    "https://docs.cloud.google.com/tpu/docs/v5p-training?authuser=3":
        ("Google Cloud TPU documentation: TPU v5p training", CHECKED, C),
    "https://cloud.google.com/tpu/docs/v5p":
        ("Google Cloud TPU documentation: TPU v5p (older revision)", CHECKED, C),
    "https://cloud.google.com/tpu/docs/v6e":
        ("Google Cloud TPU documentation: TPU v6e (Trillium)", CHECKED, C),
    "http://movatter.jp/mt/?dark=on&url=https%3A%2F%2Fcloud.google.com%2Ftpu%2Fdocs%2Fv6e":
        ("Google Cloud TPU documentation: TPU v6e (other revision, via mirror)", CHECKED, C),
    "https://docs.cloud.google.com/tpu/docs/tpu7x?authuser=0000":
        ("Google Cloud TPU documentation: TPU7x (Ironwood)", CHECKED, C),
    "https://dudududukim.github.io/spectrum/tech-bites/2025-02-23-tpu-google":
        ("dudududukim tech bites: Google TPU (Cloud Next 25 Ironwood summary)", CHECKED, C),
    "https://mattfife.com/?p=15269":
        ("Matt Fife blog: Google Ironwood TPU at Hot Chips 2025", CHECKED, C),
    "https://awsdocs-neuron.readthedocs-hosted.com/en/latest/general/arch/neuron-hardware/inferentia2.html":
        ("AWS Neuron documentation: Inferentia2 architecture", CHECKED, C),
    "https://awsdocs-neuron.readthedocs-hosted.com/en/latest/_sources/general/arch/neuron-hardware/inf2-arch.rst.txt":
        ("AWS Neuron documentation: Inf2 architecture (instance table)", CHECKED, C),
    "https://awsdocs-neuron.readthedocs-hosted.com/en/latest/general/arch/neuron-hardware/trainium2.html":
        ("AWS Neuron documentation: Trainium2 architecture", CHECKED, C),
    "https://awsdocs-neuron.readthedocs-hosted.com/en/v2.21.0.beta/general/arch/neuron-hardware/trainium2.html":
        ("AWS Neuron documentation v2.21.0.beta: Trainium2 architecture (older revision)", CHECKED, C),
    "https://techpowerup.com/news-tags/Processor?page=3":
        ("TechPowerUp news (tag 'Processor', page 3): Groq LPU items", CHECKED, C),
    "https://docs.rbln.ai/software/profiler/architecture.html":
        ("Rebellions RBLN SDK documentation: profiler, ATOM architecture", CHECKED, C),
    "https://furiosa-runtime-docs.pages.dev/overview/rngd/":
        ("FuriosaAI runtime documentation: RNGD overview", CHECKED, C),
    "https://furiosa.ai/blog/rngd-preview-furiosa-ai":
        ("FuriosaAI blog: RNGD preview", CHECKED, C),
    "https://b-lab.team/en/content/ada3ac02-5dd1-4e89-a8cc-48125939458e":
        ("b-lab.team: FuriosaAI RNGD product summary", CHECKED, C),
    "https://reportify.ai/tags/concept?tagValue=%E5%BC%A0%E9%87%8F%E6%94%B6%E7%BC%A9%E5%A4%84%E7%90%86%E5%99%A8+%28TCP%29+%E6%9E%B6%E6%9E%84":
        ("Reportify: Tensor Contraction Processor (TCP) architecture concept page (FuriosaAI)", CHECKED, C),
    # claim sources
    "https://fnnews.com/ampNews/202403190838289464":
        ("Financial News (fnnews.com): NVIDIA GTC 2024 Blackwell keynote report", "2024-03-19", P),
    "https://astro-blog-rss-ark.pages.dev/blog/2024-04-17-gb200推理性能的三十倍提升如何得来-1tsbsi?lang=en":
        ("Blog analysis: how GB200's 30x inference gain is obtained", "2024-04-17", P),
    "https://hyperstack.cloud/blog/thought-leadership/everything-you-need-to-know-about-the-nvidia-blackwell-gpus?hs_amp=true":
        ("Hyperstack blog: Everything you need to know about the NVIDIA Blackwell GPUs", CHECKED, C),
    "http://www.iwet.co.kr/news/articleView.html?idxno=72543":
        ("iwet.co.kr news article on NVIDIA GTC 2024 Blackwell", CHECKED, C),
    "https://technewsrooms.com/nvidia-unveils-blackwell-b200-gpu":
        ("TechNewsRooms: NVIDIA unveils Blackwell B200 GPU", CHECKED, C),
    "https://reprises.in2p3.fr/12-5-1-19411.html":
        ("Attendee notes of the NVIDIA GTC 2025 keynote (reprises.in2p3.fr)", CHECKED, C),
    "https://willitrunai.com/de/gpus/gaudi-3-128gb":
        ("Will It Run AI: Intel Gaudi 3 128GB", CHECKED, C),
    "https://lilys.ai/notes/en/google-tpu-20251128/google-tpu-v7-ai-chip-war":
        ("Lilys AI notes: Google TPU v7 and the AI chip war", CHECKED, C),
}

GITHUB_TITLES = {
    "hahnyuan/LLM-Viewer": "GitHub hahnyuan/LLM-Viewer, hardwares/hardware_params.py (hardware parameter table)",
    "cli99/llm-analysis": "GitHub cli99/llm-analysis, llm_analysis/gpu_configs/h100-sxm-80gb.json (GPU config)",
    "mlcommons/inference_results_v4.1": "GitHub mlcommons/inference_results_v4.1, closed/AMD/systems/8xMI300X_2xEPYC-9374F.json (MLPerf Inference v4.1 system description)",
    "areuther/ai-accelerators": "GitHub areuther/ai-accelerators, peak_accelerators_ieee_hpec_2023.csv (MIT Lincoln Laboratory AI accelerator survey data, IEEE HPEC 2023)",
    "furiosa-ai/furiosa-sdk": "GitHub furiosa-ai/furiosa-sdk, docs/en/source/npu/warboy.rst (FuriosaAI Warboy NPU documentation)",
}
# Publication dates known from the publication the file belongs to.
GITHUB_ASOF = {
    "mlcommons/inference_results_v4.1": ("2024-08", P),   # MLPerf Inference v4.1 results round, Aug 2024
    "areuther/ai-accelerators": ("2023", P),              # data of the IEEE HPEC 2023 survey
}
INDEX_TITLES = {
    "69170866307": "Third-party compiled note 'Rebellions ATOM / REBEL Hardware Architecture' (GitHub file; repository and path not known; cites the Rebellions ATOM white paper)",
    "54004865876": "FuriosaAI documentation, RNGD specification table (reStructuredText source file on GitHub; repository and path not known)",
}


def src_obj(s):
    """Convert a reference source ({url|repo/path/commit|index_id, supports, ...}) to ChipCast's form."""
    supports = s.get("supports", "")
    if s.get("repo") == "sr3-k/data" and s.get("path") == "ml_hardware.csv":
        return {"title": EPOCH_TITLE, "url": EPOCH_URL, "supports": supports,
                "asOf": EPOCH_ASOF, "asOfKind": P}
    if s.get("repo"):
        repo, path, commit = s["repo"], s["path"], s["commit"]
        title = GITHUB_TITLES.get(repo, "GitHub %s, %s" % (repo, path))
        asof, kind = GITHUB_ASOF.get(repo, (CHECKED, C))
        return {"title": title, "url": "https://github.com/%s/blob/%s/%s" % (repo, commit, path),
                "supports": supports, "asOf": asof, "asOfKind": kind}
    if s.get("url"):
        title, asof, kind = URLS[s["url"]]
        return {"title": title, "url": s["url"], "supports": supports, "asOf": asof, "asOfKind": kind}
    if s.get("index_id"):
        return {"title": INDEX_TITLES[s["index_id"]], "url": None, "supports": supports,
                "asOf": CHECKED, "asOfKind": C}
    raise ValueError("unknown source form: %r" % s)


def url_src(url):
    title, asof, kind = URLS[url]
    return {"title": title, "url": url, "asOf": asof, "asOfKind": kind}


# ---------------------------------------------------------------------------------------------
# Epoch cross-check
# ---------------------------------------------------------------------------------------------
EPOCH_NAMES = {
    "nvidia-a100-sxm-80gb": "NVIDIA A100 SXM4 80 GB",
    "nvidia-h100-sxm": "NVIDIA H100 SXM5 80GB",
    "nvidia-h100-pcie": "NVIDIA H100 PCIe",
    "nvidia-h200-sxm": "NVIDIA H200 SXM",
    "nvidia-b100": "NVIDIA B100",
    "nvidia-b200": "NVIDIA B200",
    "nvidia-gb200": "NVIDIA GB200",
    "nvidia-l4": "NVIDIA L4",
    "nvidia-l40s": None,          # Epoch has the L40 (a different card), not the L40S
    "amd-mi300x": "AMD Instinct MI300X",
    "amd-mi325x": "AMD Instinct MI325X",
    "amd-mi355x": "AMD Instinct MI355X",
    "intel-gaudi3": "Intel Habana Gaudi3",
    "google-tpu-v5e": "Google TPU v5e",
    "google-tpu-v5p": "Google TPU v5p",
    "google-tpu-v6e": "Google TPU v6e Trillium",
    "google-tpu-ironwood": "Google TPU v7 Ironwood",
    "aws-inferentia2": "AWS Inferentia2",
    "aws-trainium2": "Amazon Trainium2",
    "groq-lpu-v1": "GroqChip LPU v1",
    "rebellions-atom": None,
    "furiosa-rngd": None,
    "furiosa-warboy": None,
}
E_FIELDS = {  # ChipCast field -> (Epoch column, scale to ChipCast unit)
    "fp64": ("FP64 (double precision) performance (FLOP/s)", 1e12),
    "fp32": ("FP32 (single precision) performance (FLOP/s)", 1e12),
    "tf32": ("TF32 (TensorFloat-32) performance (FLOP/s)", 1e12),
    "bf16": ("Tensor-FP16/BF16 performance (FLOP/s)", 1e12),
    "fp16": ("Tensor-FP16/BF16 performance (FLOP/s)", 1e12),  # ChipCast fp16 = matrix (tensor) FP16
    "fp8": ("FP8 performance (FLOP/s)", 1e12),
    "fp4": ("FP4 performance (FLOP/s)", 1e12),
    "int8": ("INT8 performance (OP/s)", 1e12),
    "int4": ("INT4 performance (OP/s)", 1e12),
    "memoryGB": ("Memory size per board (Byte)", 1e9),
    "memoryBandwidthTBs": ("Memory bandwidth (byte/s)", 1e12),
    "tdpWatts": ("TDP (W)", 1.0),
    "interconnect.GBs": ("Intranode bandwidth (byte/s)", 1e9),
}
TOL = 0.02


def load_epoch(ref):
    with open(os.path.join(ref, "epoch_ml_hardware.csv"), newline="", encoding="utf-8") as f:
        return {r["Hardware name"]: r for r in csv.DictReader(f)}


def chip_value(chip, field):
    if field == "interconnect.GBs":
        return chip["interconnect"]["GBs"]
    if field in PREC:
        return chip["denseTFLOPS"][field]
    return chip[field]


def epoch_value(row, field):
    col, scale = E_FIELDS[field]
    v = row.get(col, "")
    if v in ("", None):
        # Groq has no tensor column; its FP16 column is its matrix figure
        if field == "fp16" and row.get("FP16 (half precision) performance (FLOP/s)"):
            return round(float(row["FP16 (half precision) performance (FLOP/s)"]) / scale, 4)
        return None
    return round(float(v) / scale, 4)


def epoch_diffs(ref_chips, epoch):
    """All numeric fields where ChipCast and Epoch differ by > TOL, or where one side is null."""
    out = []
    for ch in ref_chips:
        name = EPOCH_NAMES[ch["id"]]
        if not name:
            continue
        row = epoch[name]
        for field in E_FIELDS:
            a, b = chip_value(ch, field), epoch_value(row, field)
            if a is None and b is None:
                continue
            if field == "fp16" and a is None and ch["denseTFLOPS"]["bf16"] is not None:
                continue  # Epoch's tensor column is combined FP16/BF16; the chip publishes BF16 only
            if a is None or b is None:
                out.append((ch["id"], field, a, b, "null"))
            elif abs(a - b) / max(abs(a), abs(b)) > TOL:
                out.append((ch["id"], field, a, b, "differs"))
    return out


# The curated disagreement table: (chip, field, ChipCast, Epoch, why). Every automated difference
# (above) must appear here; build fails otherwise. Text-only rows (process node, dates) are added by hand.
DISAGREEMENTS = [
    ("nvidia-h100-sxm", "processNode", "TSMC 4N", "5 nm TSMC", "NVIDIA and third-party pages name TSMC 4N (a 5 nm-class process); Epoch records the nominal 5 nm class"),
    ("nvidia-h100-sxm", "launchDate", "2022-03", "2022-09-20", "ChipCast = GTC 2022 announcement; Epoch = release (availability) date"),
    ("nvidia-h100-pcie", "launchDate", "2022-03", "2022-09-20", "ChipCast = announcement; Epoch = release date"),
    ("nvidia-h200-sxm", "processNode", "TSMC 4N", "5 nm TSMC", "same GH100 die as H100 (TSMC 4N); Epoch records the 5 nm class"),
    ("nvidia-h200-sxm", "launchDate", "2023-11", "2024-11-18", "ChipCast = SC23 announcement; shipping Q2 2024 per aiminingco, which also conflicts with Epoch's release date"),
    ("nvidia-b100", "launchDate", "2024-03", "2024-11-15", "ChipCast = GTC 2024 announcement; Epoch = release date"),
    ("nvidia-b200", "fp64", 40, 31.04, "ChipCast follows glennklockwood's HGX B200 1,000 W table; Epoch's source (B200 datasheet copy) not verified; hmc-tech says 37.51: unresolved, see notes"),
    ("nvidia-b200", "fp32", 80, 62.08, "same as FP64: glennklockwood 80 vs Epoch 62.08 (ratio identical to FP64, so one source set for both)"),
    ("nvidia-b200", "tf32", 1100, 1125, "glennklockwood 1,100 vs Epoch 1,125 (2.2%); ChipCast keeps the source also used for the other precisions"),
    ("nvidia-b200", "int4", None, 9000, "not filled: Epoch's INT4 equals its FP4 figure and glennklockwood's complete B200 precision table lists no INT4; likely an FP4 value in the INT4 column"),
    ("nvidia-b200", "launchDate", "2024-03", "2024-11-15", "ChipCast = GTC 2024 announcement; Epoch = release date"),
    ("nvidia-gb200", "launchDate", "2024-03", "2025-02-15", "ChipCast = GTC 2024 announcement; Epoch = release date"),
    ("nvidia-l4", "processNode", "TSMC 4N (Epoch: 5 nm TSMC)", "5 nm TSMC", "kept as in the reference: both names recorded"),
    ("amd-mi355x", "fp8", 5000, 4600, "Epoch's MI355X FP8/FP4 equal its MI350X row (the lower-clocked part); the ISSCC 2026 report (world-today-news) gives 'five petaflops' FP8 for MI355X"),
    ("amd-mi355x", "fp4", 10000, 9200, "as FP8: Epoch's value matches its MI350X row; pubgpclite quotes 'up to 10 PFLOPS' FP4/FP6 for MI355X"),
    ("amd-mi355x", "int4", None, 10066.3, "not filled: the row does not state dense, and 10,066.3 = 2 x the dense INT8 5,033.2, i.e. AMD's sparse-INT8-style figure; no other source gives MI355X INT4"),
    ("intel-gaudi3", "bf16", 1835, 1678, "Intel launch materials and most sources give 1,835 (matrix BF16/FP8, OAM 900 W); Epoch takes 1,678 from an Intel white paper; kept 1,835 (more sources), see notes"),
    ("intel-gaudi3", "fp16", None, 28.7, "Epoch's 28.7 is the non-matrix (vector) FP16 figure; ChipCast fp16 is the matrix figure, not published separately"),
    ("intel-gaudi3", "fp8", 1835, 1678, "as BF16"),
    ("intel-gaudi3", "launchDate", "2024-04", "2024-09-24", "ChipCast = Intel Vision 2024 announcement; Epoch = release date"),
    ("google-tpu-v5e", "tdpWatts", None, 140, "not filled: no Google source for TDP; Epoch does not show where 140 W comes from"),
    ("google-tpu-v6e", "interconnect.GBs", 800, 448, "ChipCast = Google's bidirectional ICI bandwidth per chip (800 GBps); Epoch's 448 GB/s = the older doc's 3,584 Gbps converted to bytes"),
    ("google-tpu-ironwood", "int8", None, 4614, "not filled: Google's TPU7x docs give BF16 and FP8 only; Epoch's INT8 equals its FP8 figure and the row does not say where it comes from"),
    ("google-tpu-ironwood", "tdpWatts", None, 980, "not filled: only in Epoch, source not shown"),
    ("google-tpu-ironwood", "launchDate", "2025-04", "2025-11-06", "ChipCast = Cloud Next 2025 announcement; Epoch = GA date"),
    ("aws-inferentia2", "interconnect.GBs", 192, 1000, "different quantity: ChipCast = NeuronLink-v2 chip-to-chip bandwidth (192 GiB/s per device, AWS Inf2 docs); Epoch's 1 TB/s = the on-chip DMA bandwidth AWS quotes"),
    ("aws-trainium2", "tdpWatts", None, 500, "not filled: only in Epoch, citing SemiAnalysis; no AWS source"),
]


def check_disagreements(ref_chips, epoch):
    listed = {(c, f) for c, f, *_ in DISAGREEMENTS}
    missing = [d for d in epoch_diffs(ref_chips, epoch) if (d[0], d[1]) not in listed]
    # "null" rows where ChipCast has a figure and Epoch lacks it are not disagreements
    missing = [d for d in missing if not (d[4] == "null" and d[3] is None)]
    if missing:
        raise SystemExit("Epoch differences not covered by DISAGREEMENTS: %r" % missing)


# ---------------------------------------------------------------------------------------------
# Chips: curated edits against the reference
# ---------------------------------------------------------------------------------------------
# Notes appended to the reference notes (the reference's notes are kept verbatim).
EPOCH_NOTE_APPEND = {
    "nvidia-a100-sxm-80gb": "Epoch cross-check (Dec 2025 copy): all figures agree (Epoch's 77.97 TFLOPS FP16 is the non-tensor figure, not compared).",
    "nvidia-h100-sxm": "Epoch cross-check: compute, memory, bandwidth, TDP and NVLink agree within 2% (Epoch has no FP8 column value; its FP16 133.8 is non-tensor); only process node and date differ, as noted.",
    "nvidia-h100-pcie": "Epoch cross-check: agrees within 2% (bandwidth 2.0 vs 2.04 TB/s = 1.96%); Epoch has no INT8/FP8 for this card; its FP16 204.9 is non-tensor.",
    "nvidia-h200-sxm": "Epoch cross-check: compute, bandwidth and TDP agree. Epoch lists process 5 nm (ChipCast: TSMC 4N, same GH100 die as H100).",
    "nvidia-b100": "Epoch cross-check: all figures agree (Epoch is the main source).",
    "nvidia-b200": "Epoch cross-check: FP32 80 (glennklockwood) vs 62.08 (Epoch) also differs, in the same ratio as FP64 (40 vs 31.04). Epoch lists INT4 9,000 = its FP4 figure; glennklockwood's full B200 precision table has no INT4, so int4 stays null.",
    "nvidia-gb200": "Epoch cross-check: all figures agree (per-GPU figures).",
    "nvidia-l4": "Epoch cross-check: all figures agree (Epoch divides NVIDIA's sparse figures by 2, as here).",
    "nvidia-l40s": "Epoch cross-check: not possible, Epoch has no L40S row (its 'NVIDIA L40' row is a different card: 300 W, 181 TFLOPS FP16 tensor).",
    "amd-mi300x": "Epoch cross-check: all figures agree.",
    "amd-mi325x": "Epoch cross-check: agrees within 2% (INT8 2,600 vs 2,614.9 = 0.6%).",
    "amd-mi355x": "Epoch cross-check: BF16, FP16 (tensor), INT8, memory, bandwidth and TDP agree; FP8/FP4 differ as noted. Epoch lists INT4 10,066.3 = 2 x dense INT8 (AMD's sparse-INT8 style) in a row that does not state dense; int4 stays null.",
    "intel-gaudi3": "Epoch cross-check: BF16/FP8 differ (1,835 vs 1,678, 9%) as noted; 1,835 kept because Intel's Vision 2024 materials and most sources give it.",
    "google-tpu-v5e": "Epoch cross-check: compute, memory and bandwidth agree; TDP 140 W only in Epoch (left null).",
    "google-tpu-v5p": "Epoch cross-check: all figures agree.",
    "google-tpu-v6e": "Epoch cross-check (source added, it was not listed in the reference): BF16 918, INT8 1,836, 32 GB, 1.64 TB/s agree; Epoch's intranode 448 GB/s is the old doc's 3,584 Gbps ICI in bytes, vs 800 GBps bidirectional here.",
    "google-tpu-ironwood": "Epoch cross-check: BF16, FP8, memory and bandwidth agree (7.38 vs 7.37 TB/s). Epoch's INT8 4,614 equals its FP8 and has no Google source; int8 stays null.",
    "aws-inferentia2": "Epoch cross-check: all compute, memory and bandwidth figures agree; Epoch's intranode 1 TB/s is the DMA bandwidth, not NeuronLink (192 GiB/s).",
    "aws-trainium2": "Epoch cross-check: BF16, FP8, memory and bandwidth agree; TDP 500 W only in Epoch (SemiAnalysis), left null.",
    "groq-lpu-v1": "Epoch cross-check: all figures agree (Epoch is the main source).",
    "rebellions-atom": "Epoch cross-check: not possible, no Rebellions row in Epoch.",
    "furiosa-rngd": "Epoch cross-check: not possible, no FuriosaAI row in Epoch.",
    "furiosa-warboy": "Epoch cross-check: not possible, no FuriosaAI row in Epoch.",
}

# Sources added (with reason in the chip's notes above).
EXTRA_SOURCES = {
    "google-tpu-v6e": [{
        "title": EPOCH_TITLE, "url": EPOCH_URL,
        "supports": "Google TPU v6e Trillium row (cross-check): BF16 918, INT8 1836, 32 GB, 1.64 TB/s, intranode 448 GB/s; release 2024-05-14",
        "asOf": EPOCH_ASOF, "asOfKind": P}],
}


def build_chips(ref, epoch):
    with open(os.path.join(ref, "chips.json"), encoding="utf-8") as f:
        ref_chips = json.load(f)
    check_disagreements(ref_chips, epoch)
    out = []
    for r in ref_chips:
        cid = r["id"]
        sources = [src_obj(s) for s in r["sources"]] + EXTRA_SOURCES.get(cid, [])
        notes = r["notes"].rstrip()
        if cid in EPOCH_NOTE_APPEND:
            notes = notes + (" " if notes else "") + EPOCH_NOTE_APPEND[cid]
        out.append({
            "id": cid,
            "vendor": r["vendor"],
            "vendorKey": VENDOR_KEYS[r["vendor"]],
            "name": r["name"],
            "architecture": r["architecture"],
            "launchDate": r["launchDate"],
            "launchDateNote": r["launchDateNote"],
            "processNode": r["processNode"],
            "memoryType": r["memoryType"],
            "memoryGB": r["memoryGB"],
            "memoryBandwidthTBs": r["memoryBandwidthTBs"],
            "tdpWatts": r["tdpWatts"],
            "denseTFLOPS": {k: r["denseTFLOPS"].get(k) for k in PREC},
            "sourceGivesOnlySparse": r["sourceGivesOnlySparse"],
            "sparseNote": r["sparseNote"],
            "interconnect": {"name": r["interconnect"]["name"], "GBs": r["interconnect"]["GBs"]},
            "formFactor": r["formFactor"],
            "workload": r["primaryWorkload"],
            "confidence": r["confidence"],
            "sources": sources,
            "notes": notes,
        })
    return out


# ---------------------------------------------------------------------------------------------
# Forecasts
# ---------------------------------------------------------------------------------------------
MARKETS = {
    "vmr-2024-inference-chips": "ai-inference-chips",
    "vmr-2025-inference-chips": "ai-inference-chips",
    "kb-2024-inference-chips": "ai-inference-chips",
    "gartner-2024-ai-semis": "ai-semiconductors",
    "gartner-2023-ai-semis": "ai-semiconductors",
    "amd-2023-12-dc-ai-accelerators": "dc-ai-accelerators",
    "amd-2023-06-dc-ai-accelerators": "dc-ai-accelerators",
    "amd-2025-06-dc-ai-accelerators": "dc-ai-accelerators",
    "morgan-stanley-ai-semis": "ai-semiconductors",
    "marketsandmarkets-ai-inference": "ai-inference-total",            # hardware + software + services
    "marketsandmarkets-ai-chips": "ai-semiconductors",
    "datahorizzon-inference-chips": "ai-inference-chips",
    "intel-mr-inference-chips": "ai-inference-chips",
    "sns-insider-ai-chips": "ai-semiconductors",
    "futurum-ai-inference": "ai-inference-infrastructure",             # infrastructure, not chips only
    "vmr-2022-inference-chips": "ai-semiconductors",                   # 'AI chipset market' despite its id
}

SISA_TITLE = ("Sisa Week (시사위크), Park Seol-min, '추론용 반도체, AI산업계 변동에 급성장… "
              "2030년 121조원 규모 예상', March 2024")

# id -> (source title, source url, source asOf)
FORECAST_SOURCES = {
    "vmr-2024-inference-chips": (SISA_TITLE, None, "2024-03"),
    "vmr-2025-inference-chips": ("Verified Market Research: AI Inference Chip Market report page (undated, current revision)", "https://www.verifiedmarketresearch.com/product/ai-inference-chip-market", CHECKED),
    "kb-2024-inference-chips": (SISA_TITLE, None, "2024-03"),
    "gartner-2024-ai-semis": ("Technology For You: Gartner forecasts worldwide AI chips revenue to grow 33% in 2024", "https://technologyforyou.org/gartner-forecasts-worldwide-ai-chips-revenue-to-grow-33-in-2024", "2024-05"),
    "gartner-2023-ai-semis": ("ZDNet Korea: Gartner AI semiconductor revenue forecast (2023-08-23)", "https://zdnet.co.kr/view/?no=20230823140113", "2023-08"),
    "amd-2023-12-dc-ai-accelerators": ("CNBC: AMD now sees a $400 billion market for AI chips. Why that's good news for Nvidia (2023-12-08)", "https://www.cnbc.com/2023/12/08/amd-now-sees-a-400-billion-market-for-ai-chips-why-thats-good-news-for-nvidia.html", "2023-12"),
    "amd-2023-06-dc-ai-accelerators": ("DeFi Planet: AMD's Lisa Su on the data-center AI accelerator market (June 2023)", "https://defi-planet.com/?p=9401", "2023-06"),
    "amd-2025-06-dc-ai-accelerators": ("YTechs: AMD CEO Lisa Su sees AI accelerator market reaching $500B by 2028", "https://ytechs.org/amd-ceo-lisa-su-ai-accelerator-market-500b-2028-e6i/amp", "2025-06"),
    "morgan-stanley-ai-semis": ("Hankyung (한국경제): SEMICON Taiwan 2024 report, Morgan Stanley's Charlie Chan on the AI semiconductor market", "https://hankyung.com/article/2024090479481", "2024-09"),
    "marketsandmarkets-ai-inference": ("NewDaily (뉴데일리) article citing MarketsandMarkets on the AI inference market (2025-09-25)", "https://gj.newdaily.co.kr/site/data/html/2025/09/25/2025092500339.html", "2025-09"),
    "marketsandmarkets-ai-chips": ("G-Enews (글로벌이코노믹) article citing MarketsandMarkets on the AI chip market (2023-07-02)", "http://g-enews.com/ko-kr/news/article/news_all/202307021306248487e8b8a793f7_1/article.html", "2023-07"),
    "datahorizzon-inference-chips": ("DataHorizzon Research: AI Inference Chip Market report page", "https://datahorizzonresearch.com/ai-inference-chip-market-48130", "2025"),
    "intel-mr-inference-chips": ("Intel Market Research: AI Inference Chip Market report page", "https://www.intelmarketresearch.com/ai-inference-chip-market-market-46857", "2026-05"),
    "sns-insider-ai-chips": ("SNS Insider: AI Chip Market report page", "https://www.snsinsider.com/reports/ai-chip-market-4525", "2024"),
    "futurum-ai-inference": ("CIO.com: By the numbers, the AI inferencing market and the infrastructure decisions that define it (Futurum Research, sponsored by Lenovo)", "https://www.cio.com/article/4181783/by-the-numbers-the-ai-inferencing-market-and-the-infrastructure-decisions-that-define-it.html", "2026-06"),
    "vmr-2022-inference-chips": ("ETNews (전자신문): Verified Market Research AI chipset market forecast (2022-04-11)", "https://m.etnews.com/20220411000054", "2022-04"),
}

# Further dated figures for the SAME market definition stated in the reference's notes.
EXTRA_POINTS = {
    "gartner-2024-ai-semis": [(2024, 71.252, "from the reference notes: Gartner's 2024 figure in the same May 2024 forecast (+33%)")],
    "gartner-2023-ai-semis": [
        (2022, 44.2, "from the reference notes: Gartner's 2022 actual in the same Aug 2023 forecast"),
        (2024, 67.1, "from the reference notes: Gartner's 2024 figure in the same Aug 2023 forecast (+25.6%)")],
    "intel-mr-inference-chips": [(2026, 21.3, "from the reference notes: 2026 figure in the same report")],
}

# Forecasts whose reference gives no USD figure but KRW figures for the same market (kept in KRW).
KRW_POINTS = {
    "marketsandmarkets-ai-inference": {
        "currency": "KRW", "unit": "trillion",
        "points": [(2025, 143, "approximate ('~143조원') as quoted by NewDaily; no USD figure seen"),
                   (2030, 340, "approximate ('~340조원') as quoted by NewDaily; no USD figure seen")],
    },
}

NOTE_APPEND = {
    "vmr-2022-inference-chips": "Market key ai-semiconductors: the definition is the broad 'AI chipset market', not inference chips; the id is kept unchanged for stability.",
    "vmr-2025-inference-chips": "The source page is undated; source.asOf is the date it was checked (2026-11).",
    "marketsandmarkets-ai-inference": "Points are in KRW trillion (조원) as quoted; they are not converted to USD because the source gives no USD figures and no rate.",
    "datahorizzon-inference-chips": "The second DataHorizzon report's figures are a separate forecast and are not added as points here.",
    "morgan-stanley-ai-semis": "The earlier USD 125 bn by 2027 estimate is a separate, earlier forecast and is not added as a point.",
    "gartner-2024-ai-semis": "Server AI accelerator figures are a different market definition (a subset) and are not points of this forecast.",
    "futurum-ai-inference": "Market key ai-inference-infrastructure: 'infrastructure' spending is broader than chips and narrower than hardware+software+services.",
}


def parse_cagr(text, period):
    if not text:
        return None
    m = re.match(r"\s*([<>~≈]?)\s*([0-9]+(?:\.[0-9]+)?)\s*%", text)
    if not m:
        raise ValueError("cannot parse CAGR %r" % text)
    sign, num = m.group(1), float(m.group(2))
    bound = {"": "exact", ">": "atLeast", "~": "approx", "≈": "approx", "<": "atMost"}[sign]
    frm = to = None
    if period:
        p = re.match(r"^\s*(\d{4})\s*-\s*(\d{4})\s*$", period)
        q = re.match(r"^\s*to\s+(\d{4})\s*$", period)
        if p:
            frm, to = int(p.group(1)), int(p.group(2))
        elif q:
            to = int(q.group(1))
        else:
            raise ValueError("cannot parse CAGR period %r" % period)
    return {"percent": int(num) if num.is_integer() else num, "fromYear": frm, "toYear": to,
            "text": text, "bound": bound}


def build_forecasts(ref):
    with open(os.path.join(ref, "forecasts.json"), encoding="utf-8") as f:
        data = json.load(f)
    fx = build_fx(data["fxRates"])
    out = []
    for r in data["forecasts"]:
        fid = r["id"]
        currency, unit = "USD", "billion"
        pts = []
        if r.get("baseYear") is not None and r.get("baseValueUSDbn") is not None:
            pts.append((r["baseYear"], r["baseValueUSDbn"], None))
        if r.get("targetYear") is not None and r.get("targetValueUSDbn") is not None:
            pts.append((r["targetYear"], r["targetValueUSDbn"], None))
        pts += EXTRA_POINTS.get(fid, [])
        if fid in KRW_POINTS:
            if pts:
                raise SystemExit("%s: unexpected USD points" % fid)
            k = KRW_POINTS[fid]
            currency, unit, pts = k["currency"], k["unit"], list(k["points"])
        years = [p[0] for p in pts]
        if len(years) != len(set(years)):
            raise SystemExit("%s: duplicate point years" % fid)
        pts.sort(key=lambda p: p[0])
        points = [{"year": y, "value": v, "note": n} for y, v, n in pts]
        title, url, asof = FORECAST_SOURCES[fid]
        if url is not None and r["source"].startswith("http") and r["source"] != url:
            raise SystemExit("%s: source url mismatch" % fid)
        notes = (r.get("notes") or "").strip()
        if fid in NOTE_APPEND:
            notes = (notes + " " if notes else "") + NOTE_APPEND[fid]
        out.append({
            "id": fid,
            "publisher": r["publisher"],
            "market": MARKETS[fid],
            "marketDefinition": r["marketDefinition"],
            "currency": currency,
            "unit": unit,
            "points": points,
            "statedCagr": parse_cagr(r.get("statedCAGR"), r.get("cagrPeriod")),
            "publicationDate": r["publicationDate"],
            "source": {"title": title, "url": url, "asOf": asof},
            "retrievedVia": r["retrievedVia"],
            "notes": notes,
            "confidence": r["confidence"],
        })
    return {"fxRates": fx, "forecasts": out}


# USD/KRW rates. The first is the reference's; the others were found with citable sources.
def build_fx(ref_fx):
    r0 = ref_fx[0]
    assert r0["pair"] == "USD/KRW" and r0["rate"] == 1340.2 and r0["asOf"] == "2024-03"
    def fx(rate, asof, title, url, src_asof, note):
        return {"pair": "USD/KRW", "base": "USD", "quote": "KRW", "rate": rate, "asOf": asof,
                "source": {"title": title, "url": url, "asOf": src_asof}, "note": note}
    return [  # the reference rate first, then further dated rates by asOf
        fx(1340.2, "2024-03", SISA_TITLE, None, "2024-03",
           "Implied by the article's figures, not quoted by it: USD 15.8bn = KRW 21조1,751억 and USD 90.6bn = KRW 121조4,221억 "
           "(15.8 x 1,340.2 = 21,175 KRW bn; 90.6 x 1,340.2 = 121,422 KRW bn). "
           "Use only to convert that article's figures. For comparison, the Q1 2024 average was 1,329.4 "
           "(Bank of Korea ECOS, per YTN Science 2024-12-31, https://science.ytn.co.kr/program/view.php?key=202412311105254506&mcd=0082)."),
        fx(1288.0, "2023-12", "KB Think (KB Kookmin Bank): daily exchange trend, 2024-12-31",
           "https://kbthink.com/main/economy/exchangerate/daily-exchange-trend/2024/daily-exchange-trend-241231.html",
           "2024-12", "2023 year-end closing rate (Seoul daytime session), as stated in the 2024 year-end review."),
        fx(1472.5, "2024-12", "KB Think (KB Kookmin Bank): daily exchange trend, 2024-12-31",
           "https://kbthink.com/main/economy/exchangerate/daily-exchange-trend/2024/daily-exchange-trend-241231.html",
           "2024-12", "2024 year-end closing rate (Seoul daytime session, 2024-12-30); also reported by MBC News (https://imnews.imbc.com/news/2024/econo/article/6672324_36452.html)."),
        fx(1392.4, "2025-09", "Chosun Biz: 2025 annual average won-dollar exchange rate 1,422 won, monthly averages (2025-12-30)",
           "https://biz.chosun.com/en/en-policy/2025/12/30/4S6DLFSVBFFIDAXH63TFFZSZNE/?outputType=amp",
           "2025-12", "September 2025 monthly average; the month of the NewDaily article quoting MarketsandMarkets' KRW figures."),
        fx(1422.16, "2025", "News1: 2025 annual average USD/KRW (daytime session) 1,422.16 won (2026-01-04)",
           "https://www.news1.kr/photos/7680005", "2026-01",
           "2025 annual average of daytime-session closing rates; KBS World also gives 1,422.16 (http://world.kbs.co.kr/service/news_view.htm?Seq_Code=198497&lang=e); the Seoul Money Brokerage figure quoted on kuk.kode.co.kr (https://kuk.kode.co.kr/article/list/kuk002001000) is 1,421.97."),
        fx(1439.0, "2025-12", "Chosun Biz: won-dollar rate closes 2025 at 1,439 won (2025-12-30)",
           "https://biz.chosun.com/en/en-policy/2025/12/30/2SW53AN6OBDJHCP3EUTZOZU3YI/?outputType=amp",
           "2025-12", "2025 year-end closing rate (daytime session, 2025-12-30)."),
    ]


# ---------------------------------------------------------------------------------------------
# Claims
# ---------------------------------------------------------------------------------------------
# The reference claims carry no ids; ids are assigned here in reference order and must stay stable.
CLAIMS = [
    # id, vendor, claimedRatio, subject, baseline, primary source url, extra note
    ("nvidia-gtc2024-gb200-nvl72-30x-inference", "NVIDIA", 30, "nvidia-gb200", "nvidia-h100-sxm",
     "https://developer.nvidia.com/blog/nvidia-gb200-nvl72-delivers-trillion-parameter-llm-training-and-real-time-inference/",
     "subject/baseline: per-GPU GB200 (NVL72) vs HGX H100 (SXM), as the stated conditions say."),
    ("nvidia-gtc2024-blackwell-25x-cost-energy", "NVIDIA", 25, "nvidia-gb200", None,
     "https://hyperstack.cloud/blog/thought-leadership/everything-you-need-to-know-about-the-nvidia-blackwell-gpus?hs_amp=true",
     "baseline null: the H100 variant is not stated for this claim."),
    ("nvidia-gtc2024-gpt-moe-1.8t-training-2000-vs-8000", "NVIDIA", None, None, None,
     "https://fnnews.com/ampNews/202403190838289464",
     "claimedRatio null: no single ratio is stated (the figures imply 4x fewer GPUs and 3.75x less power). Subject/baseline are generic 'Blackwell'/'Hopper' GPUs."),
    ("nvidia-gtc2024-gb200-gpt3-7x", "NVIDIA", 7, "nvidia-gb200", None,
     "https://fnnews.com/ampNews/202403190838289464",
     "claimedRatio = the 7x performance figure; the 4x training-speed figure is a second ratio. Baseline null: H100 variant not stated."),
    ("nvidia-gtc2024-b200-20pf-fp4", "NVIDIA", None, "nvidia-b200", None,
     "https://technewsrooms.com/nvidia-unveils-blackwell-b200-gpu",
     "Spec claim, no ratio. The 20 PFLOPS sparse FP4 corresponds to the 1,200 W GB200-class part (nvidia-gb200 dense fp4 10,000 TFLOPS); the nvidia-b200 record (HGX, 1,000 W) has 9,000 dense."),
    ("nvidia-gtc2025-blackwell-25x-iso-power", "NVIDIA", 25, None, None,
     "https://reprises.in2p3.fr/12-5-1-19411.html",
     "Subject/baseline are generic Blackwell/Hopper AI factories, not a specific chip."),
    ("intel-vision2024-gaudi3-vs-h100", "Intel", 1.5, "intel-gaudi3", None,
     "https://pcguia.pt/2024/04/nvidia-e-amd-tem-um-novo-rival-no-mercado-de-ia-a-intel",
     "claimedRatio 1.5 = '~50% faster inference' (approximate, average); the ~40% better power efficiency (1.4x) is a second ratio. Baseline null: H100 variant not stated."),
    ("amd-advancing-ai-2025-mi355x-35x-inference", "AMD", 35, "amd-mi355x", "amd-mi300x",
     "https://www.tomshardware.com/pc-components/gpus/amd-announces-mi350x-and-mi355x-ai-gpus-claims-up-to-4x-generational-gain-up-to-35x-faster-inference-performance",
     "claimedRatio = the 'up to 35x' inference figure vs MI300X; '~4x' generational compute (vs MI300X) and '~40% better tokens per dollar' (vs B200) are further ratios."),
    ("furiosa-rngd-3x-perf-per-watt-vs-h100", "FuriosaAI", 3, "furiosa-rngd", None,
     "https://furiosa.ai/blog/rngd-preview-furiosa-ai",
     "Baseline null: the H100 variant is not stated."),
    ("google-next25-ironwood-pod", "Google", 2, "google-tpu-ironwood", "google-tpu-v6e",
     "https://dudududukim.github.io/spectrum/tech-bites/2025-02-23-tpu-google",
     "claimedRatio = the 2x perf/W vs Trillium (v6e). The '24x El Capitan' is pod FP8 vs a supercomputer's FP64, not a chip ratio."),
    ("google-tpu-v6e-perf-per-tco-vs-v5e", "Google", None, "google-tpu-v6e", "google-tpu-v5e",
     "https://cloud.google.com/tpu/docs/v6e",
     "claimedRatio null: Google states relative values (1 vs 0.65), not a ratio; 1/0.65 = 1.54 would be derived."),
    ("aws-trainium2-vs-trainium1", "AWS", 6.7, "aws-trainium2", None,
     "https://awsdocs-neuron.readthedocs-hosted.com/en/latest/general/arch/neuron-hardware/trainium2.html",
     "claimedRatio = the FP8 ratio; 3.4x BF16 and 3x HBM capacity are further ratios. Baseline (Trainium1) is not in chips.json."),
    ("groq-lpu-llm-tokens-per-second", "Groq", None, "groq-lpu-v1", None,
     "https://techpowerup.com/news-tags/Processor?page=3",
     "Throughput claim, no ratio. Subject groq-lpu-v1: GroqCloud ran on the GroqChip LPU v1 (the only Groq chip in chips.json)."),
]


def build_claims(ref, chip_ids):
    with open(os.path.join(ref, "claims.json"), encoding="utf-8") as f:
        ref_claims = json.load(f)
    if len(ref_claims) != len(CLAIMS):
        raise SystemExit("claims count changed in the reference")
    out = []
    for r, (cid, vendor, ratio, subject, baseline, primary, extra) in zip(ref_claims, CLAIMS):
        if primary not in r["sources"]:
            raise SystemExit("%s: primary source not in reference sources" % cid)
        for c in (subject, baseline):
            if c is not None and c not in chip_ids:
                raise SystemExit("%s: unknown chip id %s" % (cid, c))
        p = url_src(primary)
        notes = (r.get("notes") or "").strip()
        notes = (notes + " " if notes else "") + extra
        out.append({
            "id": cid,
            "vendor": vendor,
            "claimant": r["claimant"],
            "claim": r["claim"],
            "claimedRatio": ratio,
            "subject": subject,
            "baseline": baseline,
            "conditions": r["conditions"],
            "date": r["date"],
            "source": {"title": p["title"], "url": p["url"], "asOf": p["asOf"], "asOfKind": p["asOfKind"]},
            "sources": [url_src(u) for u in r["sources"]],
            "confidence": r["confidence"],
            "notes": notes,
        })
    return out


# ---------------------------------------------------------------------------------------------
# Validation
# ---------------------------------------------------------------------------------------------
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
CHIP_KEYS = ["id", "vendor", "vendorKey", "name", "architecture", "launchDate", "launchDateNote",
             "processNode", "memoryType", "memoryGB", "memoryBandwidthTBs", "tdpWatts", "denseTFLOPS",
             "sourceGivesOnlySparse", "sparseNote", "interconnect", "formFactor", "workload",
             "confidence", "sources", "notes"]


def check(out_dir):
    errs = []
    def load(n):
        with open(os.path.join(out_dir, n), encoding="utf-8") as f:
            return json.load(f)
    chips, fc, claims = load("chips.json"), load("forecasts.json"), load("claims.json")
    forecasts = fc["forecasts"]
    for name, items, n in (("chips", chips, 23), ("forecasts", forecasts, 16), ("claims", claims, 13)):
        ids = [x["id"] for x in items]
        if len(items) != n:
            errs.append("%s: %d items, expected %d" % (name, len(items), n))
        if len(set(ids)) != len(ids):
            errs.append("%s: duplicate ids" % name)
    chip_ids = {c["id"] for c in chips}
    for c in chips:
        if list(c.keys()) != CHIP_KEYS:
            errs.append("%s: field set %s" % (c["id"], list(c.keys())))
        if sorted(c["denseTFLOPS"].keys()) != sorted(PREC):
            errs.append("%s: denseTFLOPS keys" % c["id"])
        if c["workload"] not in ("training", "inference", "both"):
            errs.append("%s: workload" % c["id"])
        if not c["sources"]:
            errs.append("%s: no sources" % c["id"])
        for s in c["sources"]:
            if not s.get("title") or not s.get("asOf") or not DATE_RE.match(s["asOf"]) \
                    or "supports" not in s or "url" not in s or s.get("asOfKind") not in ("published", "checked"):
                errs.append("%s: bad source %r" % (c["id"], s))
            if s.get("asOfKind") == "checked" and s["asOf"] != CHECKED:
                errs.append("%s: checked source not %s" % (c["id"], CHECKED))
    for f in forecasts:
        if not f.get("points"):
            errs.append("%s: no points" % f["id"])
        if not f.get("market") or not re.match(r"^[a-z0-9]+(-[a-z0-9]+)*$", f["market"]):
            errs.append("%s: market key" % f["id"])
        ys = [p["year"] for p in f["points"]]
        if ys != sorted(ys) or any(p["value"] is None for p in f["points"]):
            errs.append("%s: points order/null" % f["id"])
        if not DATE_RE.match(f["source"]["asOf"]) or not f["source"]["title"]:
            errs.append("%s: source" % f["id"])
    for r in fc["fxRates"]:
        if not r["source"]["title"] or not DATE_RE.match(r["asOf"]):
            errs.append("fx %r" % r)
    for cl in claims:
        for k in ("id", "vendor", "claim", "claimedRatio", "baseline", "subject", "conditions", "source", "notes"):
            if k not in cl:
                errs.append("%s: missing %s" % (cl["id"], k))
        for k in ("subject", "baseline"):
            if cl[k] is not None and cl[k] not in chip_ids:
                errs.append("%s: %s not a chip id" % (cl["id"], k))
        if not cl["source"]["title"] or not DATE_RE.match(cl["source"]["asOf"]):
            errs.append("%s: source" % cl["id"])
    return errs


def write(path, obj):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(obj, f, ensure_ascii=False, indent=2)
        f.write("\n")


def fmt(v):
    if v is None:
        return "null"
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return str(v)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ref", default=DEFAULT_REF)
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--epoch-table", action="store_true")
    a = ap.parse_args()
    if a.epoch_table:
        print("| Chip | Field | ChipCast | Epoch | Why |\n|---|---|---|---|---|")
        for c, fld, x, y, why in DISAGREEMENTS:
            print("| %s | %s | %s | %s | %s |" % (c, fld, fmt(x), fmt(y), why))
        return 0
    if not a.check:
        epoch = load_epoch(a.ref)
        chips = build_chips(a.ref, epoch)
        forecasts = build_forecasts(a.ref)
        claims = build_claims(a.ref, {c["id"] for c in chips})
        write(os.path.join(OUT, "chips.json"), chips)
        write(os.path.join(OUT, "forecasts.json"), forecasts)
        write(os.path.join(OUT, "claims.json"), claims)
    errs = check(OUT)
    for e in errs:
        print("ERROR:", e, file=sys.stderr)
    if errs:
        return 1
    print("ok: data/chips.json, data/forecasts.json, data/claims.json valid")
    return 0


if __name__ == "__main__":
    sys.exit(main())
