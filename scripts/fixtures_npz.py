# Records test/fixtures/io-npz/: .npz archives written by np.savez,
# np.savez_compressed and zipfile, hand-corrupted copies of them, and .npy
# files whose header shape overflows, with manifest.json giving for each
# file what NumPy 2.4 does with it: np.load(f), then every member of an
# archive read as NumPy's NpzFile reads it (z[name] for name in z.files),
# or the error it raises, by class and message. test/io-npz-conformance.test.ts
# loads the same files with stridewise and compares.
#
# NumPy reads archive members lazily, so an archive's error is the first one
# met when indexing its members in order; stridewise reads eagerly and
# raises it from loadNpz.
import base64
import io
import json
import pathlib
import struct
import zipfile
import zlib

import numpy as np

NAMES = ["bool", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64", "float16", "float32", "float64"]


def expected(a):
    """As fixtures_io.py's: dtype, shape, F order, C-order little-endian bytes (base64)."""
    le = a.astype(a.dtype.newbyteorder("<")) if a.dtype.byteorder == ">" else a
    name = next(n for n in NAMES if np.dtype(n) == le.dtype.newbyteorder("="))
    raw = np.ascontiguousarray(le).tobytes()
    return {
        "dtype": name,
        "shape": list(a.shape),
        "fortran": bool(a.flags.f_contiguous and not a.flags.c_contiguous),
        "bytes": base64.b64encode(raw).decode(),
    }

OUT = pathlib.Path(__file__).resolve().parent.parent / "test" / "fixtures" / "io-npz"
STAMP = (1980, 1, 1, 0, 0, 0)  # fixed, so that regenerating changes no bytes


def npy_bytes(a):
    b = io.BytesIO()
    np.save(b, a)
    return b.getvalue()


def npy_with(header, data=b""):
    """A version 1.0 .npy with this header text, padded as np.save pads."""
    h = header.encode("latin1")
    pad = 64 - ((10 + len(h) + 1) % 64)
    return b"\x93NUMPY\x01\x00" + struct.pack("<H", len(h) + 1 + pad) + h + b" " * pad + b"\n" + data


def archive(members, compression=zipfile.ZIP_STORED):
    """A zip written by zipfile, as np.savez writes it (zip64 headers forced), with fixed timestamps."""
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w", compression=compression) as z:
        for name, data in members:
            info = zipfile.ZipInfo(name, STAMP)
            info.compress_type = compression
            with z.open(info, "w", force_zip64=True) as f:
                f.write(data)
    return bytearray(b.getvalue())


def central(raw):
    """The first central directory record (the first entry's)."""
    return raw.find(b"PK\x01\x02")


def outcome(path):
    """What np.load and NpzFile make of the file: members or the error."""
    try:
        r = np.load(path)
        if isinstance(r, np.ndarray):
            return {"kind": "npy", "array": expected(r)}
        with r as z:
            members = {}
            for k in z.files:
                v = z[k]
                members[k] = {"raw": base64.b64encode(v).decode()} if isinstance(v, bytes) else expected(v)
            try:
                z["nope"]
                missing = None
            except KeyError as err:
                missing = err.args[0]
            return {"kind": "npz", "files": list(z.files), "members": members, "missing": missing, "len": len(z)}
    except Exception as e:  # noqa: BLE001 - the class is what is recorded
        return {"error": type(e).__name__, "message": str(e)}


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.iterdir():
        old.unlink()
    files = {}

    def put(name, data):
        (OUT / name).write_bytes(bytes(data))

    x = np.arange(10, dtype=np.int64)
    y = np.linspace(0, 1, 6, dtype=np.float32).reshape(2, 3)
    xb = npy_bytes(x)
    members = [("x.npy", xb), ("y.npy", npy_bytes(y))]
    stored = archive(members)
    deflated = archive(members, zipfile.ZIP_DEFLATED)
    put("stored.npz", stored)
    put("deflated.npz", deflated)
    # np.savez's own archive (timestamps vary, contents do not).
    np.savez(OUT / "savez.npz", x=x, y=y)
    np.savez_compressed(OUT / "savez-compressed.npz", x=x, y=y)

    # Members that are not .npy, and a name that lies either way: NumPy
    # decides by the magic string, not the name.
    mixed = [
        ("notes.txt", b"hello, npz"),
        ("x.npy", npy_bytes(x)),
        ("raw.npy", b"not a .npy file"),
        ("hidden.bin", npy_bytes(y)),
        ("empty.dat", b""),
    ]
    put("mixed.npz", archive(mixed))
    put("mixed-deflated.npz", archive(mixed, zipfile.ZIP_DEFLATED))
    # An empty archive: it starts with the end record, PK\x05\x06.
    e = io.BytesIO()
    zipfile.ZipFile(e, "w").close()
    put("empty.npz", e.getvalue())

    # Corruptions. The first entry's data starts after its local header
    # (30 bytes + name + zip64 extra of 20), and x.npy's after 128 bytes of .npy header.
    x_data = 30 + len("x.npy") + 20 + 128
    r = bytearray(stored)
    r[x_data + 3] ^= 0xFF
    put("flipped-data-byte.npz", r)
    r = bytearray(stored)
    r[central(r) + 16] ^= 0x01
    put("wrong-crc-central.npz", r)
    r = bytearray(stored)
    r[14] ^= 0x01
    put("wrong-crc-local.npz", r)  # zipfile reads the central directory's CRC only
    # A flipped byte in x's deflate data: the first position from the end
    # whose flip still inflates, to output of the right length with an intact
    # .npy header, is a pure CRC failure; the last byte's flip breaks the
    # deflate stream itself (zlib.error there).
    x_info = zipfile.ZipFile(io.BytesIO(bytes(deflated))).infolist()[0]
    start = x_data - 128
    comp = bytes(deflated[start : start + x_info.compress_size])
    for k in range(len(comp) - 1, 0, -1):
        c = bytearray(comp)
        c[k] ^= 0x01
        try:
            d = zlib.decompressobj(-15)
            out = d.decompress(bytes(c)) + d.flush()
        except zlib.error:
            continue
        if d.eof and len(out) == len(xb) and out[:128] == xb[:128] and out != xb:
            r = bytearray(deflated)
            r[start + k] ^= 0x01
            put("flipped-deflate-byte.npz", r)
            break
    else:
        raise SystemExit("no single-bit flip of x's deflate data keeps it valid")
    r = bytearray(deflated)
    r[start + x_info.compress_size - 6] ^= 0x55
    put("bad-deflate.npz", r)
    r = bytearray(stored)
    r[30 : 30 + 5] = b"z.npy"
    put("name-mismatch.npz", r)

    # Sizes: the .npy header inside an entry disagrees with the entry's size
    # (CRCs recomputed, so only the sizes disagree).
    end = xb.index(b"\n") + 1
    more = xb[:end].replace(b"(10,), }", b"(99,), }") + xb[end:]
    huge = npy_with("{'descr': '<i8', 'fortran_order': False, 'shape': (%d,), }" % 2**40, xb[end:])
    put("header-bigger-stored.npz", archive([("x.npy", more)]))
    put("header-bigger-deflated.npz", archive([("x.npy", more)], zipfile.ZIP_DEFLATED))
    put("header-huge-deflated.npz", archive([("x.npy", huge)], zipfile.ZIP_DEFLATED))
    put("trailing-bytes.npz", archive([("x.npy", xb + b"extra")]))
    # The declared inflated size itself is wrong, in both headers (zip64 extra and central).
    for delta, fname in ((-8, "usize-smaller.npz"), (8, "usize-larger.npz")):
        r = bytearray(deflated)
        c = central(r)
        u = struct.unpack("<I", r[c + 24 : c + 28])[0] + delta
        r[c + 24 : c + 28] = struct.pack("<I", u)
        r[30 + 5 + 4 : 30 + 5 + 12] = struct.pack("<Q", u)
        put(fname, r)

    # .npy headers whose shape overflows (NumPy checks itemsize * the
    # product of the nonzero dimensions against intp, even with a zero).
    overflow = {}
    for i, shape in enumerate([(0, 2**60, 2**60), (0, 2**61, 4), (2**62,), (2**60, 2**60), (0, 2**63), (0, 5, 2**40)]):
        name = f"shape-{i}.npy"
        put(name, npy_with("{'descr': '<f8', 'fortran_order': False, 'shape': %r, }" % (shape,)))
        try:
            np.empty(shape, np.float64)
            created = None
        except ValueError as err:
            created = str(err)
        overflow[name] = {"shape": [str(s) for s in shape], "np_empty": created}

    for p in sorted(OUT.iterdir()):
        files[p.name] = outcome(p)
        if p.name in overflow:
            files[p.name].update(overflow[p.name])
    (OUT / "manifest.json").write_text(json.dumps(files, indent=1, sort_keys=True) + "\n")
    print(f"wrote {len(files)} files to {OUT}")


if __name__ == "__main__":
    main()
