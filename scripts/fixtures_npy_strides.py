# Records test/fixtures/io/strides.json: the byte strides np.load gives each
# .npy fixture file that NumPy can read without ml_dtypes (bfloat16 files are
# left to manifest.json). np.load builds an array from the file's data and
# then reshapes it, so its strides are not always np.empty's: a 1-d empty
# array loads with stride 0, a 2-d one with C (or F) strides of its shape.
import json
import pathlib

import numpy as np

IO = pathlib.Path(__file__).resolve().parent.parent / "test" / "fixtures" / "io"


def main():
    out = {}
    for f in sorted(IO.glob("*.npy")):
        if f.name.startswith("bfloat16"):
            continue
        try:
            a = np.load(f, allow_pickle=False)
        except ValueError:
            continue  # object and structured files: refused on both sides
        out[f.name] = {"shape": list(a.shape), "strides": list(a.strides)}
    (IO / "strides.json").write_text(json.dumps(out, indent=1, sort_keys=True) + "\n")
    print(f"wrote {len(out)} cases to {IO / 'strides.json'}")


if __name__ == "__main__":
    main()
