# Writes a safetensors file laid out like GPT-2 small's published
# model.safetensors (tensor names and shapes of /work/shared/data/
# gpt2-small-layout.md, all F32, "__metadata__": {"format": "pt"}) holding
# random values, and reads safetensors files back with NumPy alone.
#
#   python3 scripts/make_gpt2_safetensors.py [OUT] [--tiny] [--only wte.weight]
#
# OUT defaults to build/gpt2-random.safetensors (about 548 MB; never commit
# it). --tiny keeps the names and the 12 layers but shrinks every dimension
# (scripts/fixtures_io.py commits that variant). The writer and reader here
# follow the format specification only: an 8-byte little-endian header
# length N, N bytes of UTF-8 JSON ({name: {dtype, shape, data_offsets}},
# optional "__metadata__" of strings), padded with spaces to a multiple of
# 8, then the data section, tensors back to back with no holes.
import json
import pathlib
import struct
import sys

import numpy as np

try:
    import ml_dtypes

    BF16 = np.dtype(ml_dtypes.bfloat16)
except ImportError:  # bfloat16 files can then not be read here
    BF16 = None

CODES = {
    "F64": np.dtype("<f8"),
    "F32": np.dtype("<f4"),
    "F16": np.dtype("<f2"),
    "I64": np.dtype("<i8"),
    "I32": np.dtype("<i4"),
    "I16": np.dtype("<i2"),
    "I8": np.dtype("i1"),
    "U64": np.dtype("<u8"),
    "U32": np.dtype("<u4"),
    "U16": np.dtype("<u2"),
    "U8": np.dtype("u1"),
    "BOOL": np.dtype("?"),
}
if BF16 is not None:
    CODES["BF16"] = BF16


def code_of(dtype):
    for code, dt in CODES.items():
        if dt == np.dtype(dtype).newbyteorder("<") or dt == np.dtype(dtype):
            return code
    raise TypeError(f"no safetensors dtype for {dtype}")


def gpt2_tensors(n_vocab=50257, n_ctx=1024, n_embd=768, n_layer=12, rng=None, only=None):
    """GPT-2's tensors by name, in the model's order, with random F32 values."""
    rng = rng if rng is not None else np.random.default_rng(0)
    shapes = {"wte.weight": (n_vocab, n_embd), "wpe.weight": (n_ctx, n_embd)}
    for i in range(n_layer):
        p = f"h.{i}."
        shapes.update(
            {
                p + "ln_1.weight": (n_embd,),
                p + "ln_1.bias": (n_embd,),
                p + "attn.bias": (1, 1, n_ctx, n_ctx),
                p + "attn.c_attn.weight": (n_embd, 3 * n_embd),
                p + "attn.c_attn.bias": (3 * n_embd,),
                p + "attn.c_proj.weight": (n_embd, n_embd),
                p + "attn.c_proj.bias": (n_embd,),
                p + "ln_2.weight": (n_embd,),
                p + "ln_2.bias": (n_embd,),
                p + "mlp.c_fc.weight": (n_embd, 4 * n_embd),
                p + "mlp.c_fc.bias": (4 * n_embd,),
                p + "mlp.c_proj.weight": (4 * n_embd, n_embd),
                p + "mlp.c_proj.bias": (n_embd,),
            }
        )
    shapes["ln_f.weight"] = (n_embd,)
    shapes["ln_f.bias"] = (n_embd,)
    out = {}
    for name, shape in shapes.items():
        if only is not None and name not in only:
            continue
        if name.endswith(".attn.bias"):
            # The causal mask buffer: ones on and below the diagonal.
            out[name] = np.tril(np.ones(shape[-2:], np.float32)).reshape(shape)
        else:
            out[name] = (rng.standard_normal(shape, dtype=np.float32) * 0.02).astype(np.float32)
    return out


def write_safetensors(path, tensors, metadata=None):
    """Writes tensors (name -> C-contiguous ndarray) in name order, as the reference writer does for one dtype."""
    names = sorted(tensors, key=lambda k: (-tensors[k].dtype.itemsize, k))
    header = {}
    if metadata is not None:
        header["__metadata__"] = dict(metadata)
    offset = 0
    for k in names:
        a = tensors[k]
        n = a.nbytes
        header[k] = {"dtype": code_of(a.dtype), "shape": list(a.shape), "data_offsets": [offset, offset + n]}
        offset += n
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for k in names:
            f.write(np.ascontiguousarray(tensors[k]).astype(tensors[k].dtype.newbyteorder("<")).tobytes())


def read_safetensors(path):
    """Reads a safetensors file with np.frombuffer over its data section: (tensors, metadata)."""
    data = pathlib.Path(path).read_bytes()
    (n,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8 : 8 + n])
    meta = header.pop("__metadata__", None)
    base = 8 + n
    out = {}
    for k, info in header.items():
        b, e = info["data_offsets"]
        dt = CODES[info["dtype"]]
        out[k] = np.frombuffer(data, dtype=dt, count=(e - b) // dt.itemsize, offset=base + b).reshape(info["shape"])
    return out, meta


def main():
    args = sys.argv[1:]
    tiny = "--tiny" in args
    only = None
    if "--only" in args:
        only = set(args[args.index("--only") + 1].split(","))
        del args[args.index("--only") : args.index("--only") + 2]
    args = [a for a in args if a != "--tiny"]
    root = pathlib.Path(__file__).resolve().parent.parent
    out = pathlib.Path(args[0]) if args else root / "build" / "gpt2-random.safetensors"
    out.parent.mkdir(parents=True, exist_ok=True)
    kw = dict(n_vocab=24, n_ctx=8, n_embd=4) if tiny else {}
    tensors = gpt2_tensors(**kw, only=only)
    write_safetensors(out, tensors, {"format": "pt"})
    print(f"wrote {len(tensors)} tensors, {out.stat().st_size} bytes, to {out}")


if __name__ == "__main__":
    main()
