# Records test/fixtures/io/: small .npy, .npz and .safetensors files written
# by NumPy (ml_dtypes for bfloat16) and manifest.json, which gives for each
# file what NumPy reads back: dtype, shape, order, and the elements' bytes in
# C order, little-endian, base64. test/io-*.test.ts load the files with
# stridewise and compare.
#
# The safetensors files are written by a small writer here, from the format
# specification (8-byte little-endian header length, JSON header, data), and
# read back with np.frombuffer over the data section; when the `safetensors`
# package is installed its reader must agree.
import base64
import hashlib
import json
import pathlib
import struct
import sys

import ml_dtypes
import numpy as np

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from make_gpt2_safetensors import gpt2_tensors, read_safetensors, write_safetensors  # noqa: E402

OUT = pathlib.Path(__file__).resolve().parent.parent / "test" / "fixtures" / "io"
BF16 = ml_dtypes.bfloat16
rng = np.random.default_rng(11)

DTYPES = {
    "bool": np.bool_,
    "int8": np.int8,
    "uint8": np.uint8,
    "int16": np.int16,
    "uint16": np.uint16,
    "int32": np.int32,
    "uint32": np.uint32,
    "int64": np.int64,
    "uint64": np.uint64,
    "float16": np.float16,
    "bfloat16": BF16,
    "float32": np.float32,
    "float64": np.float64,
}


def sample(name, shape):
    """Values that exercise every byte: negatives, large magnitudes, fractions."""
    n = int(np.prod(shape))
    dt = np.dtype(DTYPES[name])
    if name == "bool":
        v = rng.random(n) < 0.5
    elif dt.kind in "iu":
        info = np.iinfo(dt)
        v = rng.integers(info.min, info.max, n, dtype=dt, endpoint=True)
    else:
        v = (rng.standard_normal(n) * 1000).astype(np.float64)
        if n >= 4:
            v[:4] = [0.0, -0.0, 1.5, -2.25]
        v = v.astype(dt)
    return v.reshape(shape)


def expected(a):
    """What the test compares: dtype, shape, F order, C-order little-endian bytes."""
    le = a.astype(a.dtype.newbyteorder("<")) if a.dtype.byteorder == ">" else a
    name = next(k for k, v in DTYPES.items() if np.dtype(v) == le.dtype.newbyteorder("="))
    raw = np.ascontiguousarray(le).tobytes()
    out = {
        "dtype": name,
        "shape": list(a.shape),
        "fortran": bool(a.flags.f_contiguous and not a.flags.c_contiguous),
    }
    # Small arrays spell their bytes out; larger ones give a digest.
    if len(raw) <= 4096:
        out["bytes"] = base64.b64encode(raw).decode()
    else:
        out["sha256"] = hashlib.sha256(raw).hexdigest()
    return out


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.iterdir():
        old.unlink()
    manifest = {"npy": {}, "npz": {}, "safetensors": {}, "errors": {}}

    def npy(fname, a, version=None):
        with open(OUT / fname, "wb") as f:
            if version is None:
                np.save(f, a)
            else:
                np.lib.format.write_array(f, a, version=version)
        back = np.load(OUT / fname) if a.dtype != object else None
        if back is not None:
            if a.dtype.name == "bfloat16" or a.dtype.str.endswith("V2"):
                back = back.view(a.dtype)
            assert back.shape == a.shape and back.tobytes() == a.tobytes(), fname
        manifest["npy"][fname] = expected(a)

    # Every dtype, little- and big-endian, C order.
    for name in DTYPES:
        a = sample(name, (2, 3))
        npy(f"{name}.npy", a)
        if np.dtype(DTYPES[name]).itemsize > 1:
            npy(f"{name}-be.npy", a.astype(a.dtype.newbyteorder(">")))
    # Fortran order: loads F-contiguous, no reordering.
    npy("float32-F.npy", np.asfortranarray(sample("float32", (3, 4))))
    npy("int16-F-3d.npy", np.asfortranarray(sample("int16", (2, 3, 4))))
    npy("float64-F-be.npy", np.asfortranarray(sample("float64", (3, 2))).astype(">f8"))
    # 0-d and empty.
    npy("float64-0d.npy", np.array(3.25))
    npy("int64-0d.npy", np.array(-7, dtype=np.int64))
    npy("float32-empty.npy", np.zeros((0,), np.float32))
    npy("int8-empty-2d.npy", np.zeros((3, 0), np.int8))
    npy("float16-empty-F.npy", np.asfortranarray(np.zeros((0, 5), np.float16)))
    # Header versions 2.0 and 3.0.
    npy("uint16-v2.npy", sample("uint16", (5,)), version=(2, 0))
    npy("float32-v3.npy", sample("float32", (2, 2)), version=(3, 0))
    npy("int32-v2-be.npy", sample("int32", (4,)).astype(">i4"), version=(2, 0))
    # A longer 1-d array (several of the JS side's chunks would be larger; this
    # one only spans several SIMD widths).
    npy("float32-1000.npy", sample("float32", (1000,)))

    # Files stridewise must refuse, with the error NumPy gives where it has one.
    with open(OUT / "object.npy", "wb") as f:
        np.save(f, np.array([1, "a", None], dtype=object), allow_pickle=True)
    manifest["errors"]["object.npy"] = "Object arrays cannot be loaded when allow_pickle=False"
    np.save(OUT / "complex64.npy", np.zeros(3, np.complex64))
    manifest["errors"]["complex64.npy"] = "data type '<c8' is not supported"
    np.save(OUT / "structured.npy", np.zeros(2, dtype=[("a", "<i4"), ("b", "<f8")]))
    manifest["errors"]["structured.npy"] = "structured data type"

    # .npz: several arrays, stored and deflated, keyword and positional names.
    arrays = {
        "emb": sample("float32", (4, 3)),
        "ids": sample("int64", (5,)),
        "mask": sample("bool", (2, 2)),
        "half": sample("float16", (3,)),
        "fort": np.asfortranarray(sample("int32", (2, 3))),
        "scalar": np.array(2.5),
        "empty": np.zeros((0, 2), np.uint8),
    }
    np.savez(OUT / "several.npz", **arrays)
    np.savez_compressed(OUT / "several-compressed.npz", **arrays)
    np.savez(OUT / "positional.npz", sample("uint8", (6,)), sample("float64", (2, 2)))
    for fname in ["several.npz", "several-compressed.npz", "positional.npz"]:
        with np.load(OUT / fname) as z:
            manifest["npz"][fname] = {k: expected(z[k]) for k in z.files}
    # A compressed archive big enough for several inflate chunks.
    big = {"big": np.repeat(sample("float32", (300, 1)), 400, axis=1)}
    np.savez_compressed(OUT / "big-compressed.npz", **big)
    with np.load(OUT / "big-compressed.npz") as z:
        manifest["npz"]["big-compressed.npz"] = {k: expected(z[k]) for k in z.files}

    # safetensors: every dtype the format and stridewise share, with metadata.
    st = {
        "f64": sample("float64", (2, 3)),
        "f32": sample("float32", (4,)),
        "f16": sample("float16", (3, 1)),
        "bf16": sample("bfloat16", (2, 2)),
        "i64": sample("int64", (3,)),
        "i32": sample("int32", (2,)),
        "i16": sample("int16", (5,)),
        "i8": sample("int8", (3,)),
        "u8": sample("uint8", (2, 2)),
        "u16": sample("uint16", (2,)),
        "u32": sample("uint32", (3,)),
        "u64": sample("uint64", (1,)),
        "flag": sample("bool", (4,)),
        "scalar": np.array(1.5, np.float32),
        "empty": np.zeros((0, 4), np.float32),
    }
    write_safetensors(OUT / "dtypes.safetensors", st, {"format": "np", "note": "stridewise fixture"})
    tiny = gpt2_tensors(n_vocab=24, n_ctx=8, n_embd=4, n_layer=12, rng=rng)
    write_safetensors(OUT / "gpt2-tiny.safetensors", tiny, {"format": "pt"})
    for fname in ["dtypes.safetensors", "gpt2-tiny.safetensors"]:
        tensors, meta = read_safetensors(OUT / fname)
        manifest["safetensors"][fname] = {
            "metadata": meta,
            "tensors": {k: expected(v) for k, v in tensors.items()},
        }
        try:
            from safetensors.numpy import load_file
        except ImportError:
            continue
        if fname != "dtypes.safetensors":  # the package's numpy reader has no bfloat16
            ref = load_file(OUT / fname)
            assert ref.keys() == tensors.keys()
            for k in ref:
                assert ref[k].tobytes() == tensors[k].tobytes(), (fname, k)

    (OUT / "manifest.json").write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n")
    total = sum(p.stat().st_size for p in OUT.iterdir())
    print(f"wrote {len(list(OUT.iterdir()))} files, {total} bytes, to {OUT}")


if __name__ == "__main__":
    main()
